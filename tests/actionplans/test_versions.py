"""Nothing lost: every save is a version, a crossed save is refused and kept, a failed
save changes nothing."""

import pytest
from django.core.exceptions import ValidationError

from actionplans import services
from actionplans.content import PLAN, content_of, plan_with_content
from actionplans.documents.diff import compare
from actionplans.models import Action, ActionPlan, PlanVersion
from actionplans.selectors import references
from tests.actionplans.conftest import complete, fill

pytestmark = pytest.mark.django_db


def _content(plan):
    return content_of(plan_with_content(plan.pk))


def test_every_save_is_kept_as_a_numbered_version(plan, partner_member):
    fill(plan, partner_member)
    content = _content(plan)
    content["title"] = "A sharper title"
    services.plan_write(user=partner_member, plan=plan, expected_version=1, content=content)

    versions = list(plan.versions.order_by("number").values_list("number", "kind"))
    assert versions == [(0, "created"), (1, "saved"), (2, "saved")]
    assert plan.versions.get(number=1).content["title"].startswith("Action plan for better")
    assert plan.versions.get(number=2).content["title"] == "A sharper title"


def test_a_save_started_from_an_older_version_is_refused_and_kept(plan, partner_member):
    fill(plan, partner_member)
    # Two people open version 1; the first saves.
    first, second = _content(plan), _content(plan)
    first["title"] = "Saved first"
    services.plan_write(user=partner_member, plan=plan, expected_version=1, content=first)

    second["title"] = "Saved second"
    with pytest.raises(services.VersionConflict) as caught:
        services.plan_write(user=partner_member, plan=plan, expected_version=1, content=second)

    plan.refresh_from_db()
    assert plan.title == "Saved first"
    assert plan.version == 2
    kept = caught.value.kept
    assert kept.kind == PlanVersion.Kind.CONFLICT
    assert kept.number is None and kept.based_on == 1
    assert kept.content["title"] == "Saved second"
    assert "version 2" in caught.value.message


def test_the_refused_changes_can_be_applied_as_the_newest_version(plan, partner_member):
    fill(plan, partner_member)
    first, second = _content(plan), _content(plan)
    first["title"] = "Saved first"
    services.plan_write(user=partner_member, plan=plan, expected_version=1, content=first)
    second["title"] = "Saved second"
    with pytest.raises(services.VersionConflict) as caught:
        services.plan_write(user=partner_member, plan=plan, expected_version=1, content=second)

    services.plan_restore(
        user=partner_member, plan=plan, version=caught.value.kept, expected_version=2
    )
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("Saved second", 3)
    assert plan.versions.get(number=2).content["title"] == "Saved first"


def test_restoring_an_earlier_version_writes_it_back_as_a_new_one(plan, partner_member):
    fill(plan, partner_member)
    content = _content(plan)
    content["actions"].append({**content["actions"][0], "id": None, "title": "Second action"})
    services.plan_write(user=partner_member, plan=plan, expected_version=1, content=content)
    assert plan.actions.count() == 2

    services.plan_restore(
        user=partner_member, plan=plan, version=plan.versions.get(number=1), expected_version=2
    )
    plan.refresh_from_db()
    assert plan.version == 3
    assert list(plan.actions.values_list("title", flat=True)) == [
        "Innovation voucher round for chemistry SMEs"
    ]
    restored = plan.versions.get(number=3)
    assert restored.kind == PlanVersion.Kind.RESTORED
    assert restored.note == "Restored version 1"
    assert plan.versions.filter(number=2).exists()


def test_the_comparison_names_what_changed(plan, partner_member):
    fill(plan, partner_member)
    content = _content(plan)
    content["actions"][0]["description"] = "<p>Open two voucher rounds a year.</p>"
    content["actions"][0]["indicators"][0]["target"] = "80"
    services.plan_write(user=partner_member, plan=plan, expected_version=1, content=content)

    old, new = plan.versions.get(number=1).content, plan.versions.get(number=2).content
    changes = {(c.label, c.old, c.new) for c in compare(PLAN, old, new, references(old, new))}
    assert (
        "The action",
        "Open a yearly voucher round.",
        "Open two voucher rounds a year.",
    ) in changes
    assert (
        "Performance indicators",
        "SMEs supported (SMEs): 0.00 → 40.00",
        "SMEs supported (SMEs): 0.00 → 80.00",
    ) in changes
    assert len(changes) == 2


def test_a_failure_half_way_leaves_the_previous_version_intact(plan, partner_member, monkeypatch):
    fill(plan, partner_member)
    before = _content(plan)
    content = _content(plan)
    content["title"] = "Never saved"
    content["actions"][0]["title"] = "Renamed action"

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    # The version row is the last write of a save: fail there, after everything else.
    monkeypatch.setattr(PlanVersion.objects, "create", broken)
    with pytest.raises(RuntimeError):
        services.plan_write(user=partner_member, plan=plan, expected_version=1, content=content)
    monkeypatch.undo()

    assert _content(plan) == before
    assert ActionPlan.objects.get(pk=plan.pk).version == 1
    assert Action.objects.get(plan=plan).title == "Innovation voucher round for chemistry SMEs"


def test_invalid_content_names_each_problem_and_saves_nothing(plan, partner_member):
    content = complete(plan)
    content["actions"][0]["ends_on"] = "2018-01-01"
    content["actions"][0]["indicators"][0]["target"] = "many"
    content["instruments"][0]["type"] = "unknown"
    with pytest.raises(ValidationError) as caught:
        services.plan_write(user=partner_member, plan=plan, expected_version=0, content=content)
    errors = caught.value.message_dict
    assert set(errors) == {
        "actions.0.ends_on",
        "actions.0.indicators.0.target",
        "instruments.0.type",
    }
    assert "“many” is not a number." in errors["actions.0.indicators.0.target"]
    plan.refresh_from_db()
    assert plan.version == 0 and not plan.actions.exists()


def test_rich_text_is_sanitised_whatever_path_writes_it(plan, partner_member):
    content = complete(plan)
    content["actions"][0]["description"] = (
        '<p onclick="steal()">Fund <strong>SMEs</strong></p><script>alert(1)</script>'
        '<a href="javascript:alert(2)">link</a><img src=x onerror=alert(3)>'
    )
    services.plan_write(user=partner_member, plan=plan, expected_version=0, content=content)
    stored = Action.objects.get(plan=plan).description
    assert (
        stored == '<p>Fund <strong>SMEs</strong></p><a rel="noopener noreferrer nofollow">link</a>'
    )


def test_a_letter_of_another_plan_cannot_be_claimed(plan, partner_member, other_partner):
    other = services.plan_create(
        user=other_partner, partnership=other_partner.project_roles.get().partnership, title="X"
    )
    fill(other, other_partner)
    stolen = other.__class__.objects.get(pk=other.pk).endorsement_letter.name
    content = complete(plan)
    content["endorsement"]["letter"] = stolen
    with pytest.raises(ValidationError) as caught:
        services.plan_write(user=partner_member, plan=plan, expected_version=0, content=content)
    assert caught.value.message_dict == {
        "endorsement.letter": ["That endorsement letter does not belong to this plan."]
    }


@pytest.mark.parametrize("version", [-1, 1, 2**40])
def test_a_version_the_plan_never_had_is_refused_and_nothing_is_kept(plan, partner_member, version):
    with pytest.raises(ValidationError) as caught:
        services.plan_write(
            user=partner_member, plan=plan, expected_version=version, content=complete(plan)
        )
    assert caught.value.message_dict == {"version": [f"This plan has no version {version}."]}
    assert not plan.versions.filter(kind=PlanVersion.Kind.CONFLICT).exists()


def test_a_second_plan_for_the_same_partner_is_refused(plan, partner_member, partnership):
    with pytest.raises(ValidationError, match="This partner has an action plan already"):
        services.plan_create(user=partner_member, partnership=partnership, title="Again")
