"""The coordinators' dashboard: every region's report for every period, and how far the
project has come, in a fixed number of queries however many regions and periods.

Figures count the reports a partner has handed in (submitted, sent back for changes, or
accepted), as they stand now; a draft counts once it is submitted. Budgets and indicator
values are what was reached since the phase began, so a period's figures are the latest
word, not that period's increment.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Avg, Count, F, Q, Sum
from django.db.models.functions import Greatest, Least, NullIf
from django.utils import timezone

from actionplans.models import (
    ActionProgress,
    IndicatorProgress,
    InstrumentProgress,
    MonitoringPeriod,
    ProgressReport,
)
from actionplans.monitoring import figures
from actionplans.monitoring.figures import Figures
from projects.models import Partnership

State = ProgressReport.State
HANDED_IN = (State.SUBMITTED, State.CHANGES_REQUESTED, State.ACCEPTED)


@dataclass
class Cell:
    period: MonitoringPeriod
    report: dict | None  # id, state
    overdue: bool
    begun: bool
    matching: int = 0  # actions with the status filtered for


@dataclass
class RegionRow:
    partnership: Partnership
    plan: object  # the region's action plan, or None
    cells: list[Cell] = field(default_factory=list)
    figures: Figures | None = None  # in the chosen period, if its report is handed in


@dataclass
class Dashboard:
    project: object
    periods: list[MonitoringPeriod]
    period: MonitoringPeriod | None  # the one the figures are for
    status: str
    rows: list[RegionRow]
    total: Figures
    by_period: list[tuple[MonitoringPeriod, Figures]]
    actions: list[dict]  # actions with the status filtered for, in the chosen period
    today: datetime.date

    @property
    def status_label(self) -> str:
        return dict(ActionProgress.Status.choices).get(self.status, "")

    @property
    def overdue_count(self) -> int:
        return sum(cell.overdue for row in self.rows for cell in row.cells)


def report_figures(project_id) -> dict[int, Figures]:
    """Each report's figures, by report id: three grouped queries for the whole project."""
    reports = ProgressReport.objects.filter(period__project_id=project_id)
    found = {pk: Figures(reports=1) for pk in reports.values_list("pk", flat=True)}
    actions = (
        ActionProgress.objects.filter(report__in=reports)
        .values("report_id")
        .annotate(
            count=Count("pk"),
            going_well=Count("pk", filter=Q(status__in=figures.GOING_WELL)),
            completed=Count("pk", filter=Q(status=ActionProgress.Status.COMPLETED)),
            delayed=Count("pk", filter=Q(status=ActionProgress.Status.DELAYED)),
            spent=Sum("budget_spent"),
            estimated=Sum("estimated_cost"),
        )
    )
    for row in actions:
        f = found[row["report_id"]]
        f.actions, f.going_well = row["count"], row["going_well"]
        f.completed, f.delayed = row["completed"], row["delayed"]
        f.spent, f.estimated = row["spent"] or Decimal(0), row["estimated"] or Decimal(0)
    # Each indicator's progress, 0 at its baseline and 1 at its target, held in between:
    # the same rule as figures.indicator_progress, summed by the database.
    progress = Least(
        Greatest(
            (F("achieved") - F("baseline")) / NullIf(F("target") - F("baseline"), Decimal(0)),
            Decimal(0),
        ),
        Decimal(1),
    )
    indicators = (
        IndicatorProgress.objects.filter(action__report__in=reports, achieved__isnull=False)
        .exclude(target=F("baseline"))
        .values("action__report_id")
        .annotate(count=Count("pk"), mean=Avg(progress))
    )
    for row in indicators:
        f = found[row["action__report_id"]]
        f.indicators, f.indicator_sum = row["count"], float(row["mean"] or 0) * row["count"]
    instruments = (
        InstrumentProgress.objects.filter(report__in=reports)
        .values("report_id")
        .annotate(count=Count("pk"), improved=Count("pk", filter=Q(improved=True)))
    )
    for row in instruments:
        f = found[row["report_id"]]
        f.instruments, f.improved = row["count"], row["improved"]
    return found


def build(project, *, period_number: int | None = None, status: str = "", today=None):
    today = today or timezone.localdate()
    periods = list(MonitoringPeriod.objects.filter(project=project))
    partnerships = list(
        Partnership.objects.filter(project=project)
        .exclude(role=Partnership.Role.ADVISORY)
        .select_related("region", "organisation", "action_plan")
        .order_by("region__name", "organisation__name")
    )
    reports = list(
        ProgressReport.objects.filter(period__project=project).values(
            "pk", "plan_id", "period_id", "state", "is_demo"
        )
    )
    labels = dict(State.choices)
    for report in reports:
        report["state_label"] = labels[report["state"]]
    by_cell = {(r["plan_id"], r["period_id"]): r for r in reports}
    numbers = report_figures(project.pk)
    matching = _matching_counts(project, status) if status else {}

    handed_in_periods = {r["period_id"] for r in reports if r["state"] in HANDED_IN}
    chosen = next((p for p in periods if p.number == period_number), None)
    if chosen is None and period_number is None:
        chosen = next((p for p in reversed(periods) if p.pk in handed_in_periods), None)

    rows, total = [], Figures()
    by_period = {p.pk: Figures() for p in periods}
    for partnership in partnerships:
        plan = getattr(partnership, "action_plan", None)
        row = RegionRow(partnership, plan)
        for period in periods:
            report = by_cell.get((plan.pk, period.pk)) if plan else None
            reports_due = plan is not None and plan.approved_version_id is not None
            row.cells.append(
                Cell(
                    period,
                    report,
                    overdue=reports_due
                    and period.due_on < today
                    and (report is None or report["state"] == State.DRAFT),
                    begun=period.starts_on <= today,
                    matching=matching.get(report["pk"], 0) if report else 0,
                )
            )
            if report and report["state"] in HANDED_IN:
                by_period[period.pk].add(numbers[report["pk"]])
                if chosen and period.pk == chosen.pk:
                    row.figures = numbers[report["pk"]]
                    total.add(row.figures)
        rows.append(row)
    return Dashboard(
        project=project,
        periods=periods,
        period=chosen,
        status=status,
        rows=rows,
        total=total,
        by_period=[(p, by_period[p.pk]) for p in periods if by_period[p.pk].reports],
        actions=_actions(chosen, status) if chosen and status else [],
        today=today,
    )


def _matching_counts(project, status) -> dict[int, int]:
    rows = (
        ActionProgress.objects.filter(report__period__project=project, status=status)
        .values("report_id")
        .annotate(count=Count("pk"))
    )
    return {row["report_id"]: row["count"] for row in rows}


def _actions(period, status) -> list[dict]:
    return list(
        ActionProgress.objects.filter(report__period=period, status=status)
        .order_by("report__plan__partnership__region__name", "position")
        .values(
            "pk",
            "title",
            "status",
            "action_id",
            "budget_spent",
            "estimated_cost",
            "report_id",
            "report__state",
            "report__plan_id",
            region=F("report__plan__partnership__region__name"),
        )
    )
