"""Every role, every state, every action, on the plan's pages.

"hidden" means the answer is 404: to someone who may not see a plan, even its draft's
existence stays secret.
"""

import pytest
from django.db import transaction
from django.urls import reverse

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
    if action == "view":
        return client.get(reverse("actionplans:detail", args=[plan.pk]))
    if action == "edit":
        return client.get(reverse("actionplans:edit", args=[plan.pk, "general"]))
    return client.post(reverse("actionplans:step", args=[plan.pk, action]), {"comment": "Because."})


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("role", ROLES)
def test_role_state_action(request, client, role, state, plan, partner_member, coordinator):
    advance(plan, partner_member, coordinator, state)
    if state == "draft":
        fill(plan, partner_member)  # complete, so only the rules can stop a submit
    user = _user(role, request)
    if user:
        client.force_login(user)
    outcomes = {}
    for action in ACTIONS:
        rollback = transaction.savepoint()
        response = _attempt(client, plan, action)
        now = ActionPlan.objects.get(pk=plan.pk).state
        if response.status_code == 302 and "/login/" in response["Location"]:
            outcomes[action] = "login"
        elif response.status_code == 404:
            outcomes[action] = "hidden"
        elif (action in TARGET and now == TARGET[action] != state) or (
            action in ("view", "edit") and response.status_code == 200
        ):
            outcomes[action] = "done"
        else:
            assert now == state, f"{action} changed the state without being allowed"
            assert response.status_code in (302, 403)
            outcomes[action] = "refused"
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
