"""Every role, every state, every action on a progress report, in pages and the API.

"hidden" is a 404: to whoever may not see a report, it does not exist.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from actionplans.models import ProgressReport
from actionplans.monitoring.workflow import report_transition
from tests import factories
from tests.actionplans.conftest import fill_report

pytestmark = pytest.mark.django_db

ROLES = [
    "anonymous",
    "outsider",
    "other_partner",
    "communication_manager",
    "partner_member",
    "coordinator",
    "superuser",
]
STATES = ["draft", "submitted", "changes_requested", "accepted"]
ACTIONS = ["view", "history", "edit", "submit", "request_changes", "accept"]
ALLOWED = {
    "view": ({"partner_member", "coordinator", "superuser"}, set(STATES)),
    "history": ({"partner_member", "coordinator", "superuser"}, set(STATES)),
    "edit": ({"partner_member"}, {"draft", "changes_requested"}),
    "submit": ({"partner_member"}, {"draft", "changes_requested"}),
    "request_changes": ({"coordinator", "superuser"}, {"submitted"}),
    "accept": ({"coordinator", "superuser"}, {"submitted"}),
}
TARGET = {"submit": "submitted", "request_changes": "changes_requested", "accept": "accepted"}


def expected(role, state, action) -> str:
    if role == "anonymous":
        return "login"
    if role not in ALLOWED["view"][0]:
        return "hidden"
    roles, states = ALLOWED[action]
    return "done" if role in roles and state in states else "refused"


def _advance(report, partner, coordinator, state):
    fill_report(report, partner)
    if state == "draft":
        return
    report_transition(user=partner, report=report, step="submit")
    if state == "changes_requested":
        report_transition(user=coordinator, report=report, step="request_changes", comment="More.")
    elif state == "accepted":
        report_transition(user=coordinator, report=report, step="accept")


def _attempt(client, report, action):
    api = isinstance(client, APIClient)
    base = f"/api/v1/workspace/reports/{report.pk}/"
    if action == "view":
        return client.get(base if api else reverse("actionplans:report", args=[report.pk]))
    if action == "history":
        url = f"{base}versions/" if api else reverse("actionplans:report-history", args=[report.pk])
        return client.get(url)
    if action == "edit":
        if api:
            version = ProgressReport.objects.get(pk=report.pk).version
            return client.patch(base, {"version": version, "summary": "Changed"}, format="json")
        return client.get(reverse("actionplans:report-edit", args=[report.pk]))
    if api:
        return client.post(
            f"{base}{action.replace('_', '-')}/", {"comment": "Because."}, format="json"
        )
    return client.post(
        reverse("actionplans:report-step", args=[report.pk, action]), {"comment": "Because."}
    )


def _outcome(response, action, state, now) -> str:
    if response.status_code == 401 or (
        response.status_code == 302 and "/login/" in response["Location"]
    ):
        return "login"
    if response.status_code == 404:
        return "hidden"
    if action in TARGET and now == TARGET[action] != state:
        return "done"
    if action in ("view", "history", "edit") and response.status_code == 200:
        return "done"
    assert now == state, f"{action} changed the state without being allowed"
    assert response.status_code in (302, 400, 403), response.status_code
    return "refused"


def _user(role, request):
    if role == "anonymous":
        return None
    if role == "superuser":
        return factories.UserFactory(is_superuser=True, is_staff=True)
    return request.getfixturevalue(role)


@pytest.mark.parametrize("channel", ["pages", "api"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_role_state_action(request, role, state, channel, report, partner_member, coordinator):
    _advance(report, partner_member, coordinator, state)
    user = _user(role, request)
    client = Client() if channel == "pages" else APIClient()
    if user:
        client.force_login(user)
    outcomes = {}
    for action in ACTIONS:
        rollback = transaction.savepoint()
        response = _attempt(client, report, action)
        now = ProgressReport.objects.get(pk=report.pk).state
        outcomes[action] = _outcome(response, action, state, now)
        transaction.savepoint_rollback(rollback)
    assert outcomes == {action: expected(role, state, action) for action in ACTIONS}


@pytest.mark.parametrize("state", STATES)
def test_the_selector_and_the_rule_agree_on_who_sees_a_report(
    request, state, report, partner_member, coordinator
):
    from actionplans.monitoring.selectors import reports_visible_to
    from actionplans.rules import can

    _advance(report, partner_member, coordinator, state)
    for role in ROLES[1:]:
        user = _user(role, request)
        assert reports_visible_to(user).filter(pk=report.pk).exists() == can(
            user, "actionplans.view_report", report
        ), role


def test_another_regions_partner_and_another_project_see_nothing(
    client, report, partner_member, other_partner
):
    fill_report(report, partner_member)
    stranger = factories.grant(factories.PartnershipFactory(role="lead"), "coordinator")
    row = report.actions.first()
    for user in (other_partner, stranger):
        client.force_login(user)
        for url in [
            reverse("actionplans:report", args=[report.pk]),
            reverse("actionplans:report-action", args=[report.pk, row.pk]),
            reverse("actionplans:plan-reports", args=[report.plan_id]),
            reverse("actionplans:action-progress", args=[report.plan_id, row.action_id]),
            reverse("actionplans:report-file", args=[report.pk]) + "?name=x",
            f"/api/v1/workspace/reports/{report.pk}/",
        ]:
            assert client.get(url).status_code == 404, (user, url)
        assert client.get("/api/v1/workspace/reports/").json() == []
    client.force_login(other_partner)
    assert client.get(reverse("actionplans:dashboard")).status_code == 404
