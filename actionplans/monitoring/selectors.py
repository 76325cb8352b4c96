"""Reads for the progress reports' workspace pages and API."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from actionplans.documents.validation import file_names
from actionplans.models import ActionProgress, MonitoringPeriod, ProgressReport
from projects.models import ProjectRole
from projects.selectors import grants_for

REPORT_RELATED = (
    "plan__partnership__project",
    "plan__partnership__organisation",
    "plan__partnership__region",
    "period",
)


def reports_visible_to(user):
    """The reports the rules let a user see (actionplans.view_report), in one query."""
    reports = ProgressReport.objects.select_related(*REPORT_RELATED)
    if not user.is_authenticated:
        return reports.none()
    if user.is_superuser:
        return reports
    grants = grants_for(user)
    filed = {g.partnership_id for g in grants if g.role == ProjectRole.Role.PARTNER_MEMBER}
    reviewed = {g.project_id for g in grants if g.role == ProjectRole.Role.COORDINATOR}
    return reports.filter(
        Q(plan__partnership_id__in=filed) | Q(plan__partnership__project_id__in=reviewed)
    )


def workspace_report(pk: int) -> ProgressReport:
    return ProgressReport.objects.select_related(*REPORT_RELATED).get(pk=pk)


def report_versions(report):
    return report.versions.select_related("author").defer("content").order_by("-created_at", "-pk")


def report_version(report, pk: int):
    return report.versions.select_related("author").get(pk=pk)


def report_transitions(report):
    return report.transitions.select_related("by").order_by("-at", "-pk")


def is_overdue(period, report, today=None) -> bool:
    """Past its deadline and not handed in: missing, or still a draft."""
    today = today or timezone.localdate()
    return period.due_on < today and (report is None or report.state == ProgressReport.State.DRAFT)


@dataclass
class PeriodRow:
    """A period of a plan's project, with the plan's report for it (or None)."""

    period: MonitoringPeriod
    report: ProgressReport | None
    overdue: bool
    begun: bool


def plan_periods(plan) -> list[PeriodRow]:
    """Every period of the plan's project, with the plan's report for each: two queries."""
    today = timezone.localdate()
    reports = {r.period_id: r for r in ProgressReport.objects.filter(plan=plan)}
    return [
        PeriodRow(
            period,
            reports.get(period.pk),
            is_overdue(period, reports.get(period.pk), today),
            period.starts_on <= today,
        )
        for period in MonitoringPeriod.objects.filter(project_id=plan.partnership.project_id)
    ]


def action_history(plan, action_id: int) -> list[ActionProgress]:
    """What each report of the plan said of one of its actions, period by period."""
    return list(
        ActionProgress.objects.filter(report__plan=plan, action_id=action_id)
        .select_related("report__period")
        .prefetch_related("indicators", "evidence")
        .order_by("report__period__number")
    )


def periods_of(project_ids) -> list[MonitoringPeriod]:
    return list(
        MonitoringPeriod.objects.filter(project_id__in=project_ids).select_related("project")
    )


def report_files(report) -> set[str]:
    """Every evidence file this report has held, in any version."""
    names = set()
    for content in report.versions.exclude(kind="conflict").values_list("content", flat=True):
        names |= file_names(content, "actions.evidence.file")
    return names


def period_actions(period, report_states) -> dict[int, list[ActionProgress]]:
    """Each region's actions in one period, from its report if in one of `report_states`,
    by partnership id, with their indicators: two queries however many regions."""
    if period is None:
        return {}
    by_partnership: dict[int, list[ActionProgress]] = {}
    rows = (
        ActionProgress.objects.filter(report__period=period, report__state__in=report_states)
        .select_related("report__plan")
        .prefetch_related("indicators")
        .order_by("report__plan__partnership_id", "position")
    )
    for row in rows:
        by_partnership.setdefault(row.report.plan.partnership_id, []).append(row)
    return by_partnership
