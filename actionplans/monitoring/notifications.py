"""Who hears about a progress report, and what they read: workflow notices and the
reminders before and after a period's deadline.

Every notice is a row of the mail outbox (portal.core.mail) with a unique key naming what
it is about and for whom; that row is the record that a notice went out, so a retried or
re-run task queues nothing twice.
"""

from portal.core.mail import mail_queue
from portal.core.models import OutgoingMail
from projects.selectors import users_with_role

# step name -> (email template, who is told)
NOTICES = {
    "submit": ("report_submitted", "coordinator"),
    "request_changes": ("report_changes_requested", "partner_member"),
    "accept": ("report_accepted", "partner_member"),
}


def notify_report_step(transition) -> None:
    template, role = NOTICES[transition.name]
    report = transition.report
    plan = report.plan
    if role == "coordinator":
        recipients = users_with_role(project_id=plan.partnership.project_id, role=role)
    else:
        recipients = users_with_role(partnership_id=plan.partnership_id, role=role)
    for user in recipients:
        if user.pk == transition.by_id:
            continue
        mail_queue(
            key=f"report-step:{transition.pk}:{user.pk}",
            user=user,
            name=template,
            context={"plan": plan, "report": report, "transition": transition},
        )


def remind(*, plan, period, report, overdue: bool) -> int:
    """Remind the plan's partner members of a report not yet submitted; how many mails
    were queued now (none for a reminder that went out before)."""
    which = "overdue" if overdue else "due_soon"
    queued = 0
    for user in users_with_role(partnership_id=plan.partnership_id, role="partner_member"):
        key = f"report-reminder:{which}:{plan.pk}:{period.pk}:{user.pk}"
        if OutgoingMail.objects.filter(key=key).exists():
            continue  # sent before: no need to render it again to find out
        mail = mail_queue(
            key=key,
            user=user,
            name=f"report_{which}",
            context={"plan": plan, "period": period, "report": report},
        )
        queued += mail is not None
    return queued
