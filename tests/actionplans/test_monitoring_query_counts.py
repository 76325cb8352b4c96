"""Report pages, the API and the dashboard run as many queries with few rows as with many."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans import services
from actionplans.content import content_of, plan_with_content
from actionplans.monitoring import services as reporting
from actionplans.monitoring.workflow import report_transition
from tests import factories
from tests.actionplans.conftest import advance, fill, fill_report

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _plan_with_actions(plan, user, coordinator, actions: int):
    fill(plan, user)
    content = content_of(plan_with_content(plan.pk))
    template = content["actions"][0]
    content["actions"] = [
        {**template, "id": None, "title": f"Action {n}", "indicators": template["indicators"] * 3}
        for n in range(actions)
    ]
    services.plan_write(user=user, plan=plan, expected_version=1, content=content)
    from actionplans.workflow import plan_transition

    plan_transition(user=user, plan=plan, step="submit")
    plan_transition(user=coordinator, plan=plan, step="approve")
    plan.refresh_from_db()
    return plan


def _report(plan, user, period):
    report = reporting.report_start(user=user, plan=plan, period=period)
    fill_report(report, user)
    content = reporting.REPORTS.current_content(report)
    for action in content["actions"]:
        action["evidence"] = [
            {"kind": "link", "title": f"Page {n}", "url": f"https://example.org/{n}"}
            for n in range(3)
        ]
    report.refresh_from_db()
    reporting.report_write(
        user=user, report=report, expected_version=report.version, content=content
    )
    report.refresh_from_db()
    return report


@pytest.mark.parametrize(
    "page",
    [
        "report",
        "report-edit",
        "report-action",
        "report-history",
        "plan-reports",
        "action-progress",
        "api",
    ],
)
def test_report_pages_do_not_grow_with_actions(
    client, project, coordinator, partner_member, partnership, periods, page
):
    counts = []
    for size in (2, 9):
        other = factories.PartnershipFactory(project=project)
        member = factories.grant(other, "partner_member")
        plan = services.plan_create(user=member, partnership=other, title="P")
        plan = _plan_with_actions(plan, member, coordinator, size)
        report = _report(plan, member, periods[0])
        client.force_login(member)
        row = report.actions.first()
        urls = {
            "report": reverse("actionplans:report", args=[report.pk]),
            "report-edit": reverse("actionplans:report-edit", args=[report.pk]),
            "report-action": reverse("actionplans:report-action", args=[report.pk, row.pk]),
            "report-history": reverse("actionplans:report-history", args=[report.pk]),
            "plan-reports": reverse("actionplans:plan-reports", args=[plan.pk]),
            "action-progress": reverse(
                "actionplans:action-progress", args=[plan.pk, row.action_id]
            ),
            "api": f"/api/v1/workspace/reports/{report.pk}/",
        }
        counts.append(_queries(client, urls[page]))
    assert counts[0] == counts[1]


def test_the_dashboard_does_not_grow_with_regions_or_periods(client, project, coordinator, periods):
    client.force_login(coordinator)
    url = reverse("actionplans:dashboard") + f"?project={project.slug}&status=delayed"

    def add_regions(count, reported_periods):
        for _ in range(count):
            partnership = factories.PartnershipFactory(project=project)
            member = factories.grant(partnership, "partner_member")
            plan = services.plan_create(user=member, partnership=partnership, title="P")
            advance(plan, member, coordinator, "approved")
            for period in reported_periods:
                report = reporting.report_start(user=member, plan=plan, period=period)
                fill_report(report, member, status="delayed")
                report_transition(user=member, report=report, step="submit")

    add_regions(1, periods[:1])
    few = _queries(client, url)
    add_regions(5, periods)
    assert _queries(client, url) == few
    for tail in ("csv", "xlsx"):
        export = reverse("actionplans:monitoring-export", args=[tail]) + f"?project={project.slug}"
        first = _queries(client, export)
        add_regions(1, periods)
        assert _queries(client, export) == first
