"""The workspace and plan pages run the same number of queries however many rows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans import services, workflow
from actionplans.content import content_of, plan_with_content
from tests import factories
from tests.actionplans.conftest import advance, fill

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    cache.clear()  # the page cache would answer without the database
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _grow(plan, user, actions: int):
    """Give the plan `actions` actions, each with three indicators and a linked region."""
    plan.refresh_from_db()
    content = content_of(plan_with_content(plan.pk))
    region = factories.RegionFactory()
    template = content["actions"][0]
    content["actions"] = [
        {
            **template,
            "id": None,
            "title": f"Action {n}",
            "learnt_from": [region.pk],
            "indicators": template["indicators"] * 3,
        }
        for n in range(actions)
    ]
    services.plan_write(user=user, plan=plan, expected_version=plan.version, content=content)
    plan.refresh_from_db()


def _url(page, plan):
    if page == "edit":
        return reverse("actionplans:edit", args=[plan.pk, "general"])
    if page == "version":
        return reverse("actionplans:version", args=[plan.pk, plan.versions.first().pk])
    if page == "compare":
        newest, older = plan.versions.order_by("-number")[:2]
        return reverse("actionplans:compare", args=[plan.pk]) + f"?a={older.pk}&b={newest.pk}"
    if page == "action":
        return reverse("actionplans:action", args=[plan.pk, plan.actions.first().pk])
    return reverse(f"actionplans:{page}", args=[plan.pk])


@pytest.mark.parametrize(
    "page", ["detail", "actions", "history", "edit", "action", "version", "compare"]
)
def test_plan_pages_do_not_grow_with_actions(client, plan, partner_member, page):
    fill(plan, partner_member)
    client.force_login(partner_member)
    _grow(plan, partner_member, 2)
    few = _queries(client, _url(page, plan))
    _grow(plan, partner_member, 12)
    assert _queries(client, _url(page, plan)) == few


def test_the_public_plan_page_does_not_grow_with_actions(client, plan, partner_member, coordinator):
    fill(plan, partner_member)
    _grow(plan, partner_member, 2)
    workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    workflow.plan_transition(user=coordinator, plan=plan, step="approve")
    few = _queries(client, reverse("actionplans:public-detail", args=[plan.slug]))
    workflow.plan_transition(user=coordinator, plan=plan, step="reopen", comment="More.")
    _grow(plan, partner_member, 12)
    workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    workflow.plan_transition(user=coordinator, plan=plan, step="approve")
    assert _queries(client, reverse("actionplans:public-detail", args=[plan.slug])) == few


def test_the_coordinators_overview_does_not_grow_with_regions(
    client, project, coordinator, partner_member, plan
):
    client.force_login(coordinator)
    url = reverse("actionplans:list")

    def add_plans(count):
        for _ in range(count):
            partnership = factories.PartnershipFactory(project=project)
            member = factories.grant(partnership, "partner_member")
            advance(
                services.plan_create(user=member, partnership=partnership, title="P"),
                member,
                coordinator,
                "changes_requested",
            )

    add_plans(2)
    few = _queries(client, url)
    add_plans(8)
    assert _queries(client, url) == few


@pytest.mark.parametrize("tail", ["", "actions/", "versions/"])
def test_the_workspace_api_does_not_grow_with_actions(client, plan, partner_member, tail):
    fill(plan, partner_member)
    client.force_login(partner_member)
    url = f"/api/v1/workspace/plans/{plan.pk}/{tail}"
    _grow(plan, partner_member, 2)
    few = _queries(client, url)
    _grow(plan, partner_member, 12)
    assert _queries(client, url) == few
