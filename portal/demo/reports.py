"""Demo progress reports: phase 2 of S3Chem as the approved demo plans might have gone.

The seeds say only that phase 2 (April 2019 to March 2021) monitors how the regions carry
out their plans. Every status, figure and sentence below is invented to show the
dashboard's variety, and every report says so (`is_demo`): these are not the partners'
reports. They are made through the same services and workflow as a partner's, period
after period, each new one starting from the last; a report that exists is left alone.
"""

from actionplans.models import ActionPlan, ProgressReport
from actionplans.monitoring import services as reporting
from actionplans.monitoring.periods import periods_generate
from actionplans.monitoring.workflow import REPORTS, report_transition
from portal.accounts.models import User
from projects.models import Phase, Project

COORDINATOR = "coordinator@example.org"
DESK, PANEL = 0, 1  # the demo plans' two actions (portal/demo/plans.py)

# region: one entry per period, in order: (state the report is left in, desk's status,
# companies advised so far, budget spent so far, panel's status, meetings held so far,
# instrument improved). None: no report for that period.
REPORTS_BY_REGION = {
    "lombardy": [
        ("accepted", "in_progress", 12, 20000, "not_started", 0, False),
        ("accepted", "on_track", 27, 45000, "in_progress", 1, False),
        ("accepted", "on_track", 41, 78000, "on_track", 3, True),
        ("submitted", "completed", 63, 118000, "completed", 4, True),
    ],
    "asturias": [
        ("accepted", "in_progress", 5, 10000, "in_progress", 1, False),
        ("accepted", "delayed", 9, 16000, "on_track", 2, False),
        ("changes_requested", "delayed", 14, 30000, "on_track", 3, False),
        None,
    ],
    "mazovia": [
        ("accepted", "on_track", 15, 25000, "delayed", 0, False),
        ("submitted", "on_track", 30, 52000, "cancelled", 0, False),
        ("draft", "on_track", 38, 61000, "cancelled", 0, False),
        None,
    ],
}

NARRATIVE = {
    "not_started": "Not begun in this period: it waits for the desk to run (demo text).",
    "in_progress": "Work began: staff were hired and the first companies were met (demo text).",
    "on_track": "Going as planned; the numbers follow the schedule (demo text).",
    "delayed": "Late: the call for the desk's staff had to be repeated (demo text).",
    "completed": "Done: the action reached its target (demo text).",
    "cancelled": "Stopped: the partners chose to put its budget into the desk (demo text).",
}


def load_reports() -> None:
    for project in Project.objects.filter(phases__kind=Phase.Kind.MONITORING).distinct():
        periods_generate(project=project)
    coordinator = User.objects.get(email=COORDINATOR)
    for region, entries in REPORTS_BY_REGION.items():
        plan = (
            ActionPlan.objects.filter(
                partnership__project__slug="s3chem",
                partnership__region__slug=region,
                approved_version__isnull=False,
                is_demo=True,
            )
            .select_related("partnership")
            .first()
        )
        if plan is None or ProgressReport.objects.filter(plan=plan).exists():
            continue
        partner = User.objects.get(email=f"partner.{region}@example.org")
        periods = list(plan.partnership.project.monitoring_periods.order_by("number"))
        for period, entry in zip(periods, entries, strict=False):
            if entry is not None:
                _report(plan, period, entry, partner, coordinator)


def _report(plan, period, entry, partner, coordinator):
    state, desk, advised, spent, panel, meetings, improved = entry
    report = reporting.report_start(user=partner, plan=plan, period=period)
    ProgressReport.objects.filter(pk=report.pk).update(is_demo=True)
    content = REPORTS.current_content(report)
    content["summary"] = (
        f"<p>{period}: the funding desk advised {advised} companies so far (demo text).</p>"
    )
    for index, (status, achieved) in ((DESK, (desk, advised)), (PANEL, (panel, meetings))):
        action = content["actions"][index]
        action["status"] = status
        action["narrative"] = f"<p>{NARRATIVE[status]}</p>"
        for indicator in action["indicators"]:
            indicator["achieved"] = str(achieved)
    content["actions"][DESK]["budget_spent"] = str(spent)
    if not content["actions"][DESK]["evidence"]:
        content["actions"][DESK]["evidence"] = [
            {
                "kind": "link",
                "title": "The funding desk's page (demo link)",
                "url": "https://example.org/demo/funding-desk",
            }
        ]
    for instrument in content["instruments"]:
        instrument["improved"] = improved
        if improved:
            instrument["evidence"] = (
                "<p>The strategy's managing authority now funds projects the desk prepared "
                "(demo text).</p>"
            )
    reporting.report_write(user=partner, report=report, expected_version=0, content=content)
    if state == "draft":
        return
    report_transition(user=partner, report=report, step="submit", notify=False)
    if state == "changes_requested":
        report_transition(
            user=coordinator,
            report=report,
            step="request_changes",
            comment="Say when the desk's staff will be in place (demo text).",
            notify=False,
        )
    elif state == "accepted":
        report_transition(user=coordinator, report=report, step="accept", notify=False)
