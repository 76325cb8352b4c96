"""Reminding partners of their progress reports: a number of days before a period's
deadline (the project's `reminder_days`), and once more when it has passed, for every
report not yet handed in (not started, or still a draft).

Each reminder is at most once per report and recipient: the outbox row's unique key
(`report-reminder:<which>:<plan>:<period>:<user>`) is the record, so a task that is
retried or runs twice queues nothing new.
"""

import datetime

from django.utils import timezone

from actionplans.models import ActionPlan, MonitoringPeriod, ProgressReport
from actionplans.monitoring.notifications import remind
from actionplans.monitoring.periods import schedule_of

State = ProgressReport.State


def reminders_send(today: datetime.date | None = None) -> int:
    """Queue the reminders due today; how many mails were queued."""
    today = today or timezone.localdate()
    queued = 0
    # Overdue reminders for every period past its deadline, due-soon ones for those near it.
    periods = MonitoringPeriod.objects.select_related("project__monitoring_schedule").filter(
        starts_on__lte=today
    )
    for period in periods:
        window = datetime.timedelta(days=schedule_of(period.project).reminder_days)
        overdue = period.due_on < today
        if not overdue and period.due_on - window > today:
            continue
        plans = ActionPlan.objects.filter(
            partnership__project_id=period.project_id, approved_version__isnull=False
        ).select_related("partnership__project", "partnership__region")
        reports = {r.plan_id: r for r in ProgressReport.objects.filter(period=period)}
        for plan in plans:
            report = reports.get(plan.pk)
            if report is not None and report.state != State.DRAFT:
                continue
            queued += remind(plan=plan, period=period, report=report, overdue=overdue)
    return queued
