"""The action plans through the API, by token: the same rules, errors and versions as
the pages."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from actionplans.models import ActionPlan, PlanVersion
from tests import factories
from tests.actionplans.conftest import PDF, advance, fill, pdf_upload

pytestmark = pytest.mark.django_db
API = "/api/v1"


def api(user=None) -> APIClient:
    client = APIClient()
    if user is not None:
        token, _created = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
    return client


def _url(plan, tail=""):
    return f"{API}/workspace/plans/{plan.pk}/{tail}"


def test_the_workspace_needs_a_signed_in_user():
    response = api().get(f"{API}/workspace/plans/")
    assert response.status_code == 401
    assert response.json() == {"detail": "Authentication credentials were not provided."}


def test_a_partner_starts_and_fills_a_plan_through_the_api(partner_member, partnership):
    client = api(partner_member)
    created = client.post(
        f"{API}/workspace/plans/",
        {
            "project": partnership.project.slug,
            "organisation": partnership.organisation.slug,
            "title": "Plan by API",
        },
        format="json",
    )
    assert created.status_code == 201, created.content
    plan = created.json()
    assert (plan["state"], plan["version"], plan["can_edit"]) == ("draft", 0, True)
    assert plan["steps"] == ["submit"]
    assert plan["checklist"][0] == {
        "part": "general",
        "complete": False,
        "missing": ["Name a contact person.", "Give the contact person's email address."],
    }

    saved = client.patch(
        f"{API}/workspace/plans/{plan['id']}/",
        {
            "version": 0,
            "contact_name": "Ada",
            "contact_email": "ada@example.org",
            "instruments": [
                {"name": "ERDF programme", "type": "growth_jobs", "improvements": ["new_projects"]}
            ],
        },
        format="json",
    )
    assert saved.status_code == 200, saved.content
    body = saved.json()
    assert body["version"] == 1
    assert body["content"]["title"] == "Plan by API"
    assert body["content"]["instruments"][0]["type"] == "growth_jobs"
    assert [part["complete"] for part in body["checklist"]] == [True, True, False, False]


def test_actions_are_added_changed_and_removed_one_by_one(plan, partner_member):
    client = api(partner_member)
    region = factories.RegionFactory(slug="lombardy-test")
    added = client.post(
        _url(plan, "actions/"),
        {
            "version": 0,
            "title": "Voucher round",
            "learnt_from": ["lombardy-test"],
            "starts_on": "2019-04-01",
            "ends_on": "2020-03-31",
            "indicators": [{"name": "SMEs", "baseline": "0", "target": "40"}],
        },
        format="json",
    )
    assert added.status_code == 201, added.content
    (action,) = added.json()["content"]["actions"]
    assert action["learnt_from"] == [region.slug]
    assert action["indicators"] == [
        {"name": "SMEs", "unit": "", "baseline": "0.00", "target": "40.00"}
    ]

    changed = client.patch(
        _url(plan, f"actions/{action['id']}/"), {"version": 1, "title": "Two rounds"}, format="json"
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["content"]["actions"][0]["title"] == "Two rounds"
    assert changed.json()["content"]["actions"][0]["learnt_from"] == [region.slug]

    assert client.delete(_url(plan, f"actions/{action['id']}/")).status_code == 400
    removed = client.delete(_url(plan, f"actions/{action['id']}/?version=2"))
    assert removed.status_code == 200
    assert removed.json()["content"]["actions"] == []
    assert client.get(_url(plan, f"actions/{action['id']}/")).status_code == 404


def test_a_crossed_save_is_a_409_and_the_refused_content_is_kept(plan, partner_member):
    client = api(partner_member)
    first = client.patch(_url(plan), {"version": 0, "title": "First"}, format="json")
    assert first.status_code == 200
    second = client.patch(_url(plan), {"version": 0, "title": "Second"}, format="json")
    assert second.status_code == 409
    body = second.json()
    assert body["version"] == 1
    assert "while you were editing it" in body["detail"]
    kept = PlanVersion.objects.get(pk=body["kept"])
    assert (kept.kind, kept.content["title"]) == ("conflict", "Second")
    assert ActionPlan.objects.get(pk=plan.pk).title == "First"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"version": 0, "language": "fr"}, "language"),
        ({"version": 0, "contact_email": "nope"}, "contact_email"),
        ({"title": "No version"}, "version"),
        ({"version": -1}, "version"),
        ({"version": 0, "instruments": [{"name": "X", "type": "fund"}]}, "instruments"),
        ({"version": 0, "actions": [{"title": "A", "learnt_from": ["atlantis"]}]}, "actions"),
        ({"version": 0, "actions": [{"title": "A", "learnt_from": ["a\x00b"]}]}, "actions"),
        ({"version": 0, "actions": [{"title": "A", "good_practices": [7]}]}, "actions"),
        ({"version": 0, "actions": [{"id": 999999, "title": "Not ours"}]}, "actions"),
        (
            {
                "version": 0,
                "actions": [{"title": "A", "starts_on": "2020-01-01", "ends_on": "2019-01-01"}],
            },
            "actions",
        ),
        ({"version": 0, "actions": "many"}, "actions"),
    ],
)
def test_bad_content_is_a_400_naming_the_field(plan, partner_member, payload, field):
    response = api(partner_member).patch(_url(plan), payload, format="json")
    assert response.status_code == 400, response.content
    assert any(key.split(".")[0] == field for key in response.json()), response.json()
    assert ActionPlan.objects.get(pk=plan.pk).version == 0


def test_the_letter_is_checked_by_its_content(plan, partner_member):
    client = api(partner_member)
    fake = client.post(
        _url(plan, "endorsement-letter/"),
        {"version": 0, "letter": pdf_upload("letter.pdf", b"GIF89a not a pdf")},
        format="multipart",
    )
    assert fake.status_code == 400
    assert fake.json() == {
        "endorsement.letter": ["The file is named “letter.pdf” but its content is not a PDF file."]
    }
    real = client.post(
        _url(plan, "endorsement-letter/"),
        {"version": 0, "letter": pdf_upload("letter.pdf", PDF)},
        format="multipart",
    )
    assert real.status_code == 200
    assert real.json()["content"]["endorsement"]["has_letter"] is True


def test_the_workflow_round_trip_by_api(plan, partner_member, coordinator):
    fill(plan, partner_member)
    partner, reviewer = api(partner_member), api(coordinator)
    submitted = partner.post(_url(plan, "submit/"), {"comment": "Ready"}, format="json")
    assert submitted.json()["state"] == "submitted"
    refused = partner.post(_url(plan, "approve/"))
    assert refused.status_code == 403
    assert refused.json() == {"detail": "You may not take this step on this plan."}
    assert reviewer.get(_url(plan)).json()["steps"] == ["request-changes", "approve"]

    action_id = reviewer.get(_url(plan, "actions/")).json()[0]["id"]
    remark = reviewer.post(
        _url(plan, "remarks/"),
        {"section": "actions", "action": action_id, "body": "Which SMEs?"},
        format="json",
    )
    assert remark.status_code == 201, remark.content
    no_comment = reviewer.post(_url(plan, "request-changes/"), {}, format="json")
    assert no_comment.status_code == 400
    assert no_comment.json() == {"comment": ["Say what needs to change."]}
    reviewer.post(_url(plan, "request-changes/"), {"comment": "See remark."}, format="json")
    remarks = partner.get(_url(plan, "remarks/")).json()
    assert [(r["action"], r["body"]) for r in remarks] == [(action_id, "Which SMEs?")]

    partner.post(_url(plan, "submit/"))
    approved = reviewer.post(_url(plan, "approve/"))
    assert approved.json()["state"] == "approved"
    assert approved.json()["public_url"].endswith(f"/action-plans/{plan.slug}/")
    wrong = reviewer.post(_url(plan, "approve/"))
    assert wrong.status_code == 400
    assert wrong.json()["non_field_errors"][0].startswith("The plan's state is “Approved”, so")

    kinds = [v["kind"] for v in partner.get(_url(plan, "versions/")).json()]
    assert kinds == ["saved", "created"]


@pytest.mark.parametrize("state", ["draft", "submitted", "changes_requested", "approved"])
def test_another_regions_partner_never_learns_of_the_plan(
    plan, partner_member, coordinator, other_partner, state
):
    advance(plan, partner_member, coordinator, state)
    client = api(other_partner)
    assert plan.pk not in [p["id"] for p in client.get(f"{API}/workspace/plans/").json()]
    for method, tail in [
        ("get", ""),
        ("patch", ""),
        ("post", "submit/"),
        ("post", "approve/"),
        ("get", "actions/"),
        ("get", "versions/"),
        ("get", "remarks/"),
    ]:
        response = getattr(client, method)(_url(plan, tail), {}, format="json")
        assert response.status_code == 404, (state, method, tail)
    public = api().get(f"{API}/action-plans/{plan.slug}/")
    assert public.status_code == (200 if state == "approved" else 404)


def test_approved_plans_are_public_without_their_contact(plan, partner_member, coordinator):
    advance(plan, partner_member, coordinator, "approved")
    response = api().get(f"{API}/action-plans/")
    (row,) = response.json()["results"]
    assert row["slug"] == plan.slug
    assert row["url"].endswith(f"/en/action-plans/{plan.slug}/")
    assert row["content"]["actions"][0]["title"] == "Innovation voucher round for chemistry SMEs"
    assert "contact_email" not in row["content"]
    assert row["project"]["slug"] == plan.partnership.project.slug
    filtered = api().get(f"{API}/action-plans/?project=unknown")
    assert filtered.status_code == 400
    assert filtered.json() == {"project": ["There is no project “unknown”."]}


def test_the_public_list_does_not_grow_its_queries_with_plans(partner_member, coordinator, project):
    from django.core.cache import cache

    from actionplans import services

    def approve(count):
        for _ in range(count):
            partnership = factories.PartnershipFactory(project=project)
            member = factories.grant(partnership, "partner_member")
            plan = services.plan_create(user=member, partnership=partnership, title="P")
            advance(plan, member, coordinator, "approved")

    def queries():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            assert api().get(f"{API}/action-plans/").status_code == 200
        return len(captured)

    approve(2)
    few = queries()
    approve(8)
    assert queries() == few


@pytest.mark.parametrize("body", [[], "text", 5, None])
def test_a_body_that_is_not_an_object_is_a_400(plan, partner_member, body):
    fill(plan, partner_member)
    action = plan.actions.get()
    client = api(partner_member)
    for method, tail in [
        ("patch", ""),
        ("put", ""),
        ("post", "actions/"),
        ("patch", f"actions/{action.pk}/"),
        ("put", f"actions/{action.pk}/"),
        ("post", "remarks/"),
    ]:
        response = getattr(client, method)(_url(plan, tail), body, format="json")
        assert response.status_code == 400, (method, tail, response.content)


@pytest.mark.parametrize("version", [2**40, -5])
def test_an_impossible_version_is_a_400(plan, partner_member, version):
    client = api(partner_member)
    response = client.patch(_url(plan), {"version": version, "title": "X"}, format="json")
    assert response.status_code == 400
    response = client.delete(_url(plan, f"actions/1/?version={version}"))
    assert response.status_code in (400, 404)


def test_starting_a_second_plan_for_a_partner_is_a_400(plan, partner_member, partnership):
    response = api(partner_member).post(
        f"{API}/workspace/plans/",
        {
            "project": partnership.project.slug,
            "organisation": partnership.organisation.slug,
            "title": "Again",
        },
        format="json",
    )
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["This partner has an action plan already."]}


def test_starting_a_plan_for_another_partner_answers_the_same_whether_it_has_one(
    project, partner_member, outsider
):
    """The order of checks must not tell an outsider whether a partner has a plan."""
    with_plan = factories.PartnershipFactory(project=project, role="partner")
    without_plan = factories.PartnershipFactory(project=project, role="partner")
    from actionplans import services

    services.plan_create(
        user=factories.grant(with_plan, "partner_member"), partnership=with_plan, title="Theirs"
    )
    answers = []
    for user in (partner_member, outsider):
        for partnership in (with_plan, without_plan):
            response = api(user).post(
                f"{API}/workspace/plans/",
                {
                    "project": project.slug,
                    "organisation": partnership.organisation.slug,
                    "title": "Mine now",
                },
                format="json",
            )
            answers.append((response.status_code, response.json()))
    assert answers[0] == answers[1] == answers[2] == answers[3]
    assert answers[0] == (403, {"detail": "You cannot start an action plan for this partner."})
    assert ActionPlan.objects.filter(partnership=without_plan).count() == 0
