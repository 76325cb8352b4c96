"""Writes to progress reports: starting one (pre-filled from the last), saving it,
restoring a version. Workflow steps live in actionplans.monitoring.workflow.

Every save goes through the document machinery the plans use
(actionplans.documents.writing): one transaction, one new version, a crossed save
refused and kept.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.documents import store, writing
from actionplans.models import Action, ActionPlan, ProgressReport, ReportVersion
from actionplans.monitoring.workflow import REPORTS
from actionplans.rules import can


def report_start(*, user, plan: ActionPlan, period) -> ProgressReport:
    """The plan's report for a period, filled in from the approved plan and from the
    report of the period before, if there is one."""
    with transaction.atomic():
        # Locked, so two clicks on "Start" cannot both find no report and both make one.
        plan = (
            ActionPlan.objects.select_for_update(of=("self",))
            .select_related("partnership", "approved_version")
            .get(pk=plan.pk)
        )
        if not can(user, "actionplans.create_report", plan):
            raise PermissionDenied(
                _("Reports are written by the plan's partner, once it is approved.")
            )
        if period.project_id != plan.partnership.project_id:
            raise ValidationError({"period": _("That period belongs to another project.")})
        if period.starts_on > timezone.localdate():
            raise ValidationError(
                {
                    "period": _("This period has not begun yet: it starts on %(date)s.")
                    % {"date": date_format(period.starts_on)}
                }
            )
        if ProgressReport.objects.filter(plan=plan, period=period).exists():
            raise ValidationError(
                _("This plan has a report for this period already."), code="exists"
            )
        report = ProgressReport.objects.create(
            plan=plan, period=period, plan_version=plan.approved_version
        )
        content, previous = starting_content(plan, period)
        store.write(REPORTS.shape, report, content, {})
        note = (
            _("Filled in from the report for period %(number)s")
            % {"number": previous.period.number}
            if previous
            else ""
        )
        writing.document_start(REPORTS, user=user, document=report, note=note)
    return report


def starting_content(plan: ActionPlan, period) -> tuple[dict, ProgressReport | None]:
    """A new report's content: the approved plan's actions, indicators and instruments,
    with what the latest earlier report said of each."""
    approved = plan.approved_version.content
    previous = (
        ProgressReport.objects.filter(plan=plan, period__number__lt=period.number)
        .select_related("period")
        .order_by("-period__number")
        .first()
    )
    before = REPORTS.current_content(previous) if previous else {}
    earlier = {row["action"]: row for row in before.get("actions") or []}
    # A plan reopened since may have dropped an action its approved version still names.
    existing = set(Action.objects.filter(plan=plan).values_list("pk", flat=True))
    actions = []
    for action in approved.get("actions") or []:
        last = earlier.get(action["id"], {})
        achieved = {row["name"]: row.get("achieved") for row in last.get("indicators") or []}
        actions.append(
            {
                "id": None,
                "action": action["id"] if action["id"] in existing else None,
                "title": action["title"],
                "estimated_cost": action.get("estimated_cost"),
                "status": last.get("status", ""),
                "narrative": last.get("narrative", ""),
                "budget_spent": last.get("budget_spent"),
                "indicators": [
                    {
                        "name": indicator["name"],
                        "unit": indicator.get("unit") or "",
                        "baseline": indicator["baseline"],
                        "target": indicator["target"],
                        "achieved": achieved.get(indicator["name"]),
                    }
                    for indicator in action.get("indicators") or []
                ],
                "evidence": [{**row, "id": None} for row in last.get("evidence") or []],
            }
        )
    earlier_instruments = {row["name"]: row for row in before.get("instruments") or []}
    instruments = [
        {
            "name": instrument["name"],
            "improved": earlier_instruments.get(instrument["name"], {}).get("improved", False),
            "evidence": earlier_instruments.get(instrument["name"], {}).get("evidence", ""),
        }
        for instrument in approved.get("instruments") or []
    ]
    content = {"summary": before.get("summary", ""), "instruments": instruments, "actions": actions}
    return content, previous


def report_write(
    *, user, report: ProgressReport, expected_version: int, content: dict, uploads=None
) -> ProgressReport:
    return writing.document_write(
        REPORTS,
        user=user,
        document=report,
        expected_version=expected_version,
        content=content,
        uploads=uploads,
    )


def report_restore(*, user, report: ProgressReport, version: ReportVersion, expected_version: int):
    if version.report_id != report.pk:
        raise ValidationError(_("That version belongs to another report."))
    return writing.document_restore(
        REPORTS, user=user, document=report, version=version, expected_version=expected_version
    )
