import pytest
from django.urls import reverse

from actionplans.models import ActionPlan
from tests import factories
from tests.actionplans.conftest import PDF, advance, fill, pdf_upload

pytestmark = pytest.mark.django_db


def _edit(plan, part):
    return reverse("actionplans:edit", args=[plan.pk, part])


def test_a_partner_starts_a_plan_from_the_workspace(client, partner_member, partnership):
    client.force_login(partner_member)
    workspace = client.get(reverse("actionplans:list"))
    assert "Start the action plan" in workspace.content.decode()

    response = client.post(
        reverse("actionplans:create"),
        {"partnership": partnership.pk, "title": "Better innovation funding", "language": "nl"},
    )
    plan = ActionPlan.objects.get(partnership=partnership)
    assert response["Location"] == _edit(plan, "general")
    assert (plan.title, plan.language, plan.version) == ("Better innovation funding", "nl", 0)


def test_a_part_saves_as_a_new_version_and_continues_to_the_next(client, plan, partner_member):
    client.force_login(partner_member)
    response = client.post(
        _edit(plan, "general"),
        {
            "version": "0",
            "title": "Plan for Limburg",
            "language": "en",
            "contact_name": "Ada",
            "contact_email": "ada@example.org",
            "continue": "",
        },
    )
    assert response["Location"] == _edit(plan, "policy")
    plan.refresh_from_db()
    assert (plan.title, plan.contact_name, plan.version) == ("Plan for Limburg", "Ada", 1)


def test_a_form_with_errors_keeps_everything_typed(client, plan, partner_member):
    client.force_login(partner_member)
    response = client.post(
        _edit(plan, "general"),
        {
            "version": "0",
            "title": "A title worth keeping",
            "language": "en",
            "other_organisations": "The chemistry cluster",
            "contact_email": "not an email",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address." in html
    assert 'value="A title worth keeping"' in html
    assert "The chemistry cluster</textarea>" in html
    plan.refresh_from_db()
    assert plan.version == 0


def test_a_crossed_save_is_refused_on_the_page_and_the_typing_is_kept(client, plan, partner_member):
    client.force_login(partner_member)
    fields = {"language": "en", "contact_name": "", "contact_email": ""}
    client.post(_edit(plan, "general"), {"version": "0", "title": "First", **fields})
    response = client.post(_edit(plan, "general"), {"version": "0", "title": "Second", **fields})
    html = response.content.decode()
    assert response.status_code == 200
    assert "while you were editing it" in html
    assert 'value="Second"' in html
    assert "Compare your changes with the current version" in html
    plan.refresh_from_db()
    assert (plan.title, plan.version) == ("First", 1)
    assert plan.versions.filter(kind="conflict", content__title="Second").exists()


def _action_form(**changes):
    data = {
        "version": "0",
        "title": "Voucher round",
        "description": "<p>Open a round.</p>",
        "starts_on": "2019-04-01",
        "ends_on": "2020-03-31",
        "estimated_cost": "1000",
        "indicators-TOTAL_FORMS": "2",
        "indicators-INITIAL_FORMS": "0",
        "indicators-MIN_NUM_FORMS": "0",
        "indicators-MAX_NUM_FORMS": "20",
        "indicators-0-name": "SMEs supported",
        "indicators-0-unit": "SMEs",
        "indicators-0-baseline": "0",
        "indicators-0-target": "40",
    }
    data.update(changes)
    return data


def test_an_action_with_its_indicators_is_added(client, plan, partner_member):
    client.force_login(partner_member)
    response = client.post(reverse("actionplans:action-add", args=[plan.pk]), _action_form())
    action = plan.actions.get()
    assert response["Location"] == reverse("actionplans:action", args=[plan.pk, action.pk])
    assert list(action.indicators.values_list("name", "target")) == [("SMEs supported", 40)]


def test_an_action_ending_before_it_starts_is_refused_with_the_reason(client, plan, partner_member):
    client.force_login(partner_member)
    response = client.post(
        reverse("actionplans:action-add", args=[plan.pk]), _action_form(ends_on="2018-01-01")
    )
    html = response.content.decode()
    # On the field itself, where the partner looks, with what they typed kept.
    assert (
        '<div class="field-error" id="id_ends_on_error">'
        "<p>The action cannot end before it starts (2019-04-01).</p></div>"
    ) in html
    assert 'value="Voucher round"' in html
    assert not plan.actions.exists()


def test_the_services_errors_land_on_the_fields_they_name(plan):
    from django.core.exceptions import ValidationError

    from actionplans.content import content_of, plan_with_content
    from actionplans.forms import ActionPart

    data = _action_form(**{"indicators-1-name": "Events", "indicators-1-baseline": "0"})
    data["indicators-1-target"] = "3"
    part = ActionPart(data, plan=plan, content=content_of(plan_with_content(plan.pk)))
    assert part.is_valid()
    part.apply(part.content)
    part.add_service_error(
        ValidationError(
            {
                "actions.0.ends_on": ["Too late."],
                "actions.0.indicators.1.target": ["Too high."],
                "actions.3.title": ["Another action's."],
            }
        )
    )
    assert part.form.errors == {"ends_on": ["Too late."]}
    assert part.formset.forms[1].errors == {"target": ["Too high."]}
    assert not part.formset.forms[0].errors


def test_script_in_rich_text_never_reaches_the_page(client, plan, partner_member):
    client.force_login(partner_member)
    client.post(
        reverse("actionplans:action-add", args=[plan.pk]),
        _action_form(description='<p>Fund SMEs</p><script>alert("x")</script>'),
    )
    html = client.get(reverse("actionplans:detail", args=[plan.pk])).content.decode()
    assert "<p>Fund SMEs</p>" in html
    assert 'alert("x")' not in html


def _endorse(client, plan, upload):
    return client.post(
        _edit(plan, "endorsement"),
        {"version": str(plan.version), "endorsed_by": "Minister", "letter": upload},
    )


def test_a_non_pdf_named_pdf_is_refused(client, plan, partner_member):
    client.force_login(partner_member)
    response = _endorse(client, plan, pdf_upload("letter.pdf", b"PK\x03\x04 a zip, really"))
    assert "is named “letter.pdf” but its content is not a PDF file" in response.content.decode()
    plan.refresh_from_db()
    assert not plan.endorsement_letter and plan.version == 0


def test_an_oversize_letter_is_refused_with_the_limit(client, plan, partner_member, settings):
    settings.ENDORSEMENT_MAX_UPLOAD_MB = 1
    client.force_login(partner_member)
    big = PDF + b"0" * (1024 * 1024)
    response = _endorse(client, plan, pdf_upload("letter.pdf", big))
    assert "the limit is 1 MB" in response.content.decode()
    plan.refresh_from_db()
    assert not plan.endorsement_letter


def test_the_letter_is_served_only_to_those_who_see_the_plan(
    client, plan, partner_member, other_partner
):
    client.force_login(partner_member)
    _endorse(client, plan, pdf_upload())
    url = reverse("actionplans:endorsement-letter", args=[plan.pk])
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    client.force_login(other_partner)
    assert client.get(url).status_code == 404


def test_coordinators_remark_on_an_action_and_the_partner_reads_it(
    client, plan, partner_member, coordinator
):
    advance(plan, partner_member, coordinator, "submitted")
    action = plan.actions.get()
    client.force_login(coordinator)
    client.post(
        reverse("actionplans:remark", args=[plan.pk]),
        {"section": f"action-{action.pk}", "body": "Which SMEs, exactly?"},
    )
    client.post(
        reverse("actionplans:step", args=[plan.pk, "request_changes"]),
        {"comment": "See the remark on the voucher action."},
    )
    client.force_login(partner_member)
    workspace = client.get(reverse("actionplans:list")).content.decode()
    assert "See the remark on the voucher action." in workspace
    assert "1 remark on parts or actions" in workspace
    detail = client.get(reverse("actionplans:detail", args=[plan.pk])).content.decode()
    assert "Which SMEs, exactly?" in detail
    assert f'href="#action-{action.pk}"' in detail


def test_an_approved_plan_is_public_on_its_page_and_the_project_and_region_pages(
    client, plan, partner_member, coordinator
):
    public = reverse("actionplans:public-detail", args=[plan.slug])
    assert client.get(public).status_code == 404
    advance(plan, partner_member, coordinator, "approved")

    html = client.get(public).content.decode()
    assert "Innovation voucher round for chemistry SMEs" in html
    assert "ada@example.org" not in html  # the contact person stays in the workspace
    project = plan.partnership.project
    for page in (
        reverse("projects:detail", args=[project.slug]),
        reverse("regions:detail", args=[plan.partnership.region.slug]),
    ):
        assert public in client.get(page).content.decode()


def test_the_public_page_keeps_the_approved_version_while_a_revision_is_drafted(
    client, plan, partner_member, coordinator
):
    from actionplans import services, workflow
    from actionplans.content import content_of, plan_with_content

    advance(plan, partner_member, coordinator, "approved")
    workflow.plan_transition(user=coordinator, plan=plan, step="reopen", comment="Update.")
    content = content_of(plan_with_content(plan.pk))
    content["actions"][0]["title"] = "Draft title nobody approved"
    services.plan_write(
        user=partner_member, plan=plan, expected_version=plan.version, content=content
    )
    html = client.get(reverse("actionplans:public-detail", args=[plan.slug])).content.decode()
    assert "Innovation voucher round for chemistry SMEs" in html
    assert "Draft title nobody approved" not in html
    assert "A new revision is being prepared." in html


def test_history_compare_and_restore_through_the_pages(client, plan, partner_member):
    fill(plan, partner_member)
    client.force_login(partner_member)
    client.post(
        _edit(plan, "general"),
        {"version": "1", "title": "Renamed", "language": "en", "contact_name": "Ada"},
    )
    first, second = plan.versions.get(number=1), plan.versions.get(number=2)
    history = client.get(reverse("actionplans:history", args=[plan.pk])).content.decode()
    assert "Restore" in history
    compare = client.get(
        reverse("actionplans:compare", args=[plan.pk]), {"a": first.pk, "b": second.pk}
    ).content.decode()
    assert '<ins><span class="visually-hidden">added: </span>Renamed</ins>' in compare
    response = client.post(
        reverse("actionplans:restore", args=[plan.pk, first.pk]), {"version": "2"}
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.version == 3 and plan.title.startswith("Action plan for better")


@pytest.mark.parametrize("query", [{}, {"a": "x", "b": "1"}, {"a": "999999", "b": "1"}, {"a": "1"}])
def test_comparing_unknown_versions_is_a_404_not_an_error(client, plan, partner_member, query):
    client.force_login(partner_member)
    response = client.get(reverse("actionplans:compare", args=[plan.pk]), query)
    assert response.status_code == 404


def test_restoring_without_the_version_number_explains_itself(client, plan, partner_member):
    fill(plan, partner_member)
    client.force_login(partner_member)
    response = client.post(
        reverse("actionplans:restore", args=[plan.pk, plan.versions.get(number=0).pk]),
        follow=True,
    )
    assert "The form was sent without the plan&#x27;s version." in response.content.decode()


def test_the_workspace_lists_the_plans_by_region_for_coordinators(
    client, plan, partner_member, coordinator
):
    for _ in range(5):
        factories.PartnershipFactory(project=plan.partnership.project)
    client.force_login(coordinator)
    html = client.get(reverse("actionplans:list")).content.decode()
    assert "Action plans of the projects you coordinate" in html
    assert html.count("Not started") == 7  # five new partners, the lead partner, the count
    assert "Not started: 6 · Draft: 1" in html
    detail = reverse("actionplans:detail", args=[plan.pk])
    assert f'<a href="{detail}"><span class="state state--draft">Draft</span>' in html


@pytest.mark.parametrize("version", [None, "abc", "-1"])
def test_a_tampered_or_missing_version_is_a_clear_error(client, plan, partner_member, version):
    client.force_login(partner_member)
    data = {"title": "T", "language": "en"}
    if version is not None:
        data["version"] = version
    response = client.post(_edit(plan, "general"), data)
    assert response.status_code == 200
    assert '<p class="form-errors" role="alert">Version: ' in response.content.decode()
    plan.refresh_from_db()
    assert plan.version == 0


def test_unknown_parts_actions_and_steps_are_404_or_explained(client, plan, partner_member):
    client.force_login(partner_member)
    assert client.get(_edit(plan, "budget")).status_code == 404
    assert client.get(reverse("actionplans:action", args=[plan.pk, 999999])).status_code == 404
    assert client.get(reverse("actionplans:detail", args=[999999])).status_code == 404
    response = client.post(reverse("actionplans:step", args=[plan.pk, "publish"]), follow=True)
    assert "“publish” is not a workflow step." in response.content.decode()


def test_an_approval_reaches_the_cached_sitemap(
    client, plan, partner_member, coordinator, django_capture_on_commit_callbacks
):
    public = reverse("actionplans:public-detail", args=[plan.slug])
    assert public not in client.get("/sitemap.xml").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        advance(plan, partner_member, coordinator, "approved")
    assert public in client.get("/sitemap.xml").content.decode()
