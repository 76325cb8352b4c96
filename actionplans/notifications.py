"""Who hears about a workflow step, and what they read."""

from actionplans.models import PlanTransition
from portal.core.mail import mail_queue
from projects.selectors import users_with_role

# step name -> (email template, who is told)
NOTICES = {
    "submit": ("plan_submitted", "coordinator"),
    "request_changes": ("plan_changes_requested", "partner_member"),
    "approve": ("plan_approved", "partner_member"),
    "reopen": ("plan_reopened", "partner_member"),
}


def notify_transition(transition: PlanTransition) -> None:
    template, role = NOTICES[transition.name]
    plan = transition.plan
    if role == "coordinator":
        recipients = users_with_role(project_id=plan.partnership.project_id, role=role)
    else:
        recipients = users_with_role(partnership_id=plan.partnership_id, role=role)
    for user in recipients:
        if user.pk == transition.by_id:
            continue
        mail_queue(
            key=f"plan-step:{transition.pk}:{user.pk}",
            user=user,
            name=template,
            context={"plan": plan, "transition": transition},
        )
