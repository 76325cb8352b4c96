"""The monitoring data of a project as a spreadsheet: CSV, or XLSX written by openpyxl.

One row per action of each report, with its region, period and state, its status, budget
and indicators' mean progress; the XLSX adds a sheet of indicators and one of figures by
region and period. Both hold the same numbers as the dashboard.
"""

import csv
import io

from django.db.models import F
from django.utils.translation import gettext as _
from openpyxl import Workbook

from actionplans.models import ActionProgress, IndicatorProgress, ProgressReport
from actionplans.monitoring import figures
from actionplans.monitoring.dashboard import HANDED_IN, report_figures


def _action_rows(project):
    states = dict(ProgressReport.State.choices)
    statuses = dict(ActionProgress.Status.choices)
    progress: dict = {}
    for row in IndicatorProgress.objects.filter(action__report__period__project=project).values(
        "action_id", "baseline", "target", "achieved"
    ):
        share = figures.indicator_progress(row["baseline"], row["target"], row["achieved"])
        if share is not None:
            progress.setdefault(row["action_id"], []).append(share)
    rows = ActionProgress.objects.filter(report__period__project=project).order_by(
        "report__plan__partnership__region__name", "report__period__number", "position"
    )
    for row in rows.values(
        "pk",
        "title",
        "status",
        "budget_spent",
        "estimated_cost",
        state=F("report__state"),
        region=F("report__plan__partnership__region__name"),
        partner=F("report__plan__partnership__organisation__name"),
        period=F("report__period__number"),
        starts_on=F("report__period__starts_on"),
        ends_on=F("report__period__ends_on"),
    ):
        shares = progress.get(row["pk"], [])
        yield [
            row["region"],
            row["partner"],
            row["period"],
            row["starts_on"],
            row["ends_on"],
            str(states.get(row["state"], row["state"])),
            row["title"],
            str(statuses.get(row["status"], "")),
            row["budget_spent"],
            row["estimated_cost"],
            round(sum(shares) / len(shares) * 100) if shares else None,
        ]


def action_header() -> list[str]:
    return [
        _("Region"),
        _("Partner"),
        _("Period"),
        _("Period starts"),
        _("Period ends"),
        _("Report state"),
        _("Action"),
        _("Status"),
        _("Budget spent (EUR)"),
        _("Estimated costs (EUR)"),
        _("Indicator progress (%)"),
    ]


def as_csv(project) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(action_header())
    for row in _action_rows(project):
        writer.writerow(["" if value is None else value for value in row])
    return out.getvalue()


def as_xlsx(project) -> bytes:
    book = Workbook()
    actions = book.active
    actions.title = _("Actions")[:31]
    actions.append(action_header())
    for row in _action_rows(project):
        actions.append(row)
    indicators = book.create_sheet(_("Indicators")[:31])
    indicators.append(
        [
            _("Region"),
            _("Period"),
            _("Action"),
            _("Indicator"),
            _("Unit"),
            _("Baseline"),
            _("Achieved so far"),
            _("Target"),
        ]
    )
    for row in (
        IndicatorProgress.objects.filter(action__report__period__project=project)
        .order_by(
            "action__report__plan__partnership__region__name", "action__report__period__number"
        )
        .values_list(
            "action__report__plan__partnership__region__name",
            "action__report__period__number",
            "action__title",
            "name",
            "unit",
            "baseline",
            "target",
            "achieved",
        )
    ):
        region, period, action, name, unit, baseline, target, achieved = row
        indicators.append([region, period, action, name, unit, baseline, achieved, target])
    summary = book.create_sheet(_("By region and period")[:31])
    summary.append(
        [
            _("Region"),
            _("Period"),
            _("Report state"),
            _("Actions"),
            _("On track or completed"),
            _("Indicator progress (%)"),
            _("Policy instruments"),
            _("Improved"),
            _("Budget spent (EUR)"),
            _("Estimated costs (EUR)"),
        ]
    )
    numbers = report_figures(project.pk)
    states = dict(ProgressReport.State.choices)
    handed_in = (
        ProgressReport.objects.filter(period__project=project, state__in=HANDED_IN)
        .order_by("plan__partnership__region__name", "period__number")
        .values(
            "pk", "state", region=F("plan__partnership__region__name"), number=F("period__number")
        )
    )
    for report in handed_in:
        f = numbers[report["pk"]]
        summary.append(
            [
                report["region"],
                report["number"],
                str(states[report["state"]]),
                f.actions,
                f.going_well,
                figures.percent(f.indicator_share),
                f.instruments,
                f.improved,
                f.spent,
                f.estimated,
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
