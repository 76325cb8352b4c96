"""Every role, every state, every action, on the plan's pages and through the API.

"hidden" means the answer is 404: to someone who may not see a plan, even its draft's
existence stays secret.
"""

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from actionplans.models import ActionPlan
from tests import factories
from tests.actionplans.conftest import advance, fill

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
STATES = ["draft", "submitted", "changes_requested", "approved"]
ACTIONS = ["view", "edit", "submit", "request_changes", "approve", "reopen"]
ALLOWED = {
    # action: (roles that may, states it is allowed in)
    "view": ({"partner_member", "coordinator", "superuser"}, set(STATES)),
    "edit": ({"partner_member"}, {"draft", "changes_requested"}),
    "submit": ({"partner_member"}, {"draft", "changes_requested"}),
    "request_changes": ({"coordinator", "superuser"}, {"submitted"}),
    "approve": ({"coordinator", "superuser"}, {"submitted"}),
    "reopen": ({"coordinator", "superuser"}, {"approved"}),
}
TARGET = {
    "submit": "submitted",
    "request_changes": "changes_requested",
    "approve": "approved",
    "reopen": "draft",
}


def expected(role, state, action) -> str:
    if role == "anonymous":
        return "login"
    if role not in ALLOWED["view"][0]:
        return "hidden"
    roles, states = ALLOWED[action]
    return "done" if role in roles and state in states else "refused"


def _user(role, request):
    if role == "anonymous":
        return None
    if role == "superuser":
        return factories.UserFactory(is_superuser=True, is_staff=True)
    return request.getfixturevalue(role)


def _attempt(client, plan, action):
    if isinstance(client, APIClient):
        return _attempt_api(client, plan, action)
    if action == "view":
        return client.get(reverse("actionplans:detail", args=[plan.pk]))
    if action == "edit":
        return client.get(reverse("actionplans:edit", args=[plan.pk, "general"]))
    return client.post(reverse("actionplans:step", args=[plan.pk, action]), {"comment": "Because."})


def _attempt_api(client, plan, action):
    url = f"/api/v1/workspace/plans/{plan.pk}/"
    if action == "view":
        return client.get(url)
    if action == "edit":
        version = ActionPlan.objects.get(pk=plan.pk).version
        return client.patch(url, {"version": version, "title": "Changed"}, format="json")
    step = action.replace("_", "-")
    return client.post(f"{url}{step}/", {"comment": "Because."}, format="json")


def _outcome(response, action, state, now) -> str:
    if response.status_code == 401 or (
        response.status_code == 302 and "/login/" in response["Location"]
    ):
        return "login"
    if response.status_code == 404:
        return "hidden"
    if action in TARGET and now == TARGET[action] != state:
        return "done"
    if action in ("view", "edit") and response.status_code == 200:
        return "done"
    assert now == state, f"{action} changed the state without being allowed"
    assert response.status_code in (302, 400, 403), response.status_code
    return "refused"


@pytest.mark.parametrize("channel", ["pages", "api"])
@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_role_state_action(request, role, state, channel, plan, partner_member, coordinator):
    advance(plan, partner_member, coordinator, state)
    if state == "draft":
        fill(plan, partner_member)  # complete, so only the rules can stop a submit
    user = _user(role, request)
    client = Client() if channel == "pages" else APIClient()
    if user:
        client.force_login(user)
    outcomes = {}
    for action in ACTIONS:
        rollback = transaction.savepoint()
        response = _attempt(client, plan, action)
        now = ActionPlan.objects.get(pk=plan.pk).state
        outcomes[action] = _outcome(response, action, state, now)
        transaction.savepoint_rollback(rollback)
    assert outcomes == {action: expected(role, state, action) for action in ACTIONS}


def test_another_projects_coordinator_sees_nothing(client, plan, partner_member, coordinator):
    advance(plan, partner_member, coordinator, "submitted")
    stranger = factories.grant(factories.PartnershipFactory(role="lead"), "coordinator")
    client.force_login(stranger)
    assert client.get(reverse("actionplans:detail", args=[plan.pk])).status_code == 404
    assert client.get(reverse("actionplans:history", args=[plan.pk])).status_code == 404
    letter = reverse("actionplans:endorsement-letter", args=[plan.pk])
    assert client.get(letter).status_code == 404


@pytest.mark.parametrize("state", STATES)
def test_the_selector_and_the_rule_agree_on_who_sees_a_plan(
    request, state, plan, partner_member, coordinator
):
    from actionplans.rules import can
    from actionplans.selectors import plans_visible_to

    advance(plan, partner_member, coordinator, state)
    for role in ROLES[1:]:
        user = _user(role, request)
        assert plans_visible_to(user).filter(pk=plan.pk).exists() == can(
            user, "actionplans.view_plan", plan
        ), role
