"""The action plan's workflow: the only place where a plan's state changes.

    draft ──submit──▶ submitted ──approve──▶ approved
      ▲                 │    ▲                  │
      │        request_changes  submit          │
      │                 ▼    │                  │
      │           changes requested             │
      └──────────────reopen (new revision)──────┘

Each step is recorded as a PlanTransition with who, when and a comment, and tells the
people who act next by email once the transaction has committed.
"""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actionplans.checklist import missing_for_submission
from actionplans.content import content_of, plan_with_content
from actionplans.models import ActionPlan, PlanTransition
from actionplans.notifications import notify_transition
from actionplans.rules import can
from portal.core.cache import bump_content_version

State = ActionPlan.State


@dataclass(frozen=True)
class Step:
    name: str
    label: str
    sources: tuple[str, ...]
    target: str
    permission: str
    comment_label: str = gettext_lazy("Comment (optional)")
    needs_comment: bool = False


STEPS = {
    step.name: step
    for step in (
        Step(
            "submit",
            gettext_lazy("Submit for review"),
            (State.DRAFT, State.CHANGES_REQUESTED),
            State.SUBMITTED,
            "actionplans.submit_plan",
        ),
        Step(
            "request_changes",
            gettext_lazy("Request changes"),
            (State.SUBMITTED,),
            State.CHANGES_REQUESTED,
            "actionplans.request_changes_plan",
            comment_label=gettext_lazy("What needs to change"),
            needs_comment=True,
        ),
        Step(
            "approve",
            gettext_lazy("Approve"),
            (State.SUBMITTED,),
            State.APPROVED,
            "actionplans.approve_plan",
        ),
        Step(
            "reopen",
            gettext_lazy("Reopen as a new revision"),
            (State.APPROVED,),
            State.DRAFT,
            "actionplans.reopen_plan",
            comment_label=gettext_lazy("Why the plan is reopened"),
            needs_comment=True,
        ),
    )
}


def available_steps(user, plan: ActionPlan) -> list[Step]:
    return [step for step in STEPS.values() if can(user, step.permission, plan)]


def plan_transition(
    *, user, plan: ActionPlan, step: str, comment: str = "", notify: bool = True
) -> PlanTransition:
    if step not in STEPS:
        raise ValidationError(_("“%(step)s” is not a workflow step.") % {"step": step})
    step = STEPS[step]
    comment = comment.strip()
    with transaction.atomic():
        # Locked so that two reviewers acting at once cannot both move the plan.
        plan = ActionPlan.objects.select_for_update().select_related("partnership").get(pk=plan.pk)
        if plan.state not in step.sources:
            raise ValidationError(
                _("The plan's state is “%(state)s”, so this step (%(step)s) cannot be taken.")
                % {"state": plan.get_state_display(), "step": step.label},
                code="wrong_state",
            )
        if not can(user, step.permission, plan):
            raise PermissionDenied(_("You may not take this step on this plan."))
        if step.needs_comment and not comment:
            raise ValidationError(
                {"comment": _("Say what needs to change.")}, code="comment_required"
            )
        if step.name == "submit":
            missing = missing_for_submission(content_of(plan_with_content(plan.pk)))
            if missing:
                raise ValidationError(missing, code="incomplete")
            plan.review_round += 1
        elif step.name == "approve":
            plan.approved_version = plan.versions.get(number=plan.version)
            plan.approved_at = timezone.now()
            # The plan's public page and the project and region pages change with it.
            transaction.on_commit(bump_content_version)
        elif step.name == "reopen":
            plan.revision += 1
        source = plan.state
        plan.state = step.target
        plan.save(
            update_fields=["state", "review_round", "approved_version", "approved_at", "revision"]
        )
        transition = PlanTransition.objects.create(
            plan=plan,
            name=step.name,
            source=source,
            target=step.target,
            revision=plan.revision,
            version=plan.version,
            by=user,
            comment=comment,
        )
        if notify:
            notify_transition(transition)
    return transition
