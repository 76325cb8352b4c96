"""The action plan's workflow: the only place where a plan's state changes.

    draft ──submit──▶ submitted ──approve──▶ approved
      ▲                 │    ▲                  │
      │        request_changes  submit          │
      │                 ▼    │                  │
      │           changes requested             │
      └──────────────reopen (new revision)──────┘

Each step is recorded as a PlanTransition with who, when and a comment, and tells the
people who act next by email once the transaction has committed. The plan is a document
kind (actionplans.documents): `PLANS` says what its steps mean; the machinery that takes
them is shared with the progress reports.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplans.checklist import missing_for_submission
from actionplans.content import PLAN
from actionplans.documents import workflow as steps
from actionplans.documents.kind import DocumentKind, Step, Wording
from actionplans.models import ActionPlan, PlanTransition, PlanVersion
from actionplans.notifications import notify_transition
from portal.core.cache import bump_content_version

State = ActionPlan.State


class PlanKind(DocumentKind):
    shape = PLAN
    model = ActionPlan
    name = "plan"
    version_model = PlanVersion
    transition_model = PlanTransition
    related = ("partnership",)
    step_fields = ("review_round", "approved_version", "approved_at", "revision")
    wording = Wording(
        no_version=_("This plan has no version %(number)s."),
        conflict=_(
            "%(who)s saved this plan (version %(version)s) while you were editing it. Your "
            "changes were not applied, but they are kept: compare them with the current "
            "version and apply what you need."
        ),
        not_editable=_("This plan's state is “%(state)s”: it cannot be changed now."),
        wrong_state=_("The plan's state is “%(state)s”, so this step (%(step)s) cannot be taken."),
        step_refused=_("You may not take this step on this plan."),
    )
    steps = {
        step.name: step
        for step in (
            Step(
                "submit",
                _("Submit for review"),
                (State.DRAFT, State.CHANGES_REQUESTED),
                State.SUBMITTED,
                "actionplans.submit_plan",
            ),
            Step(
                "request_changes",
                _("Request changes"),
                (State.SUBMITTED,),
                State.CHANGES_REQUESTED,
                "actionplans.request_changes_plan",
                comment_label=_("What needs to change"),
                needs_comment=True,
            ),
            Step(
                "approve",
                _("Approve"),
                (State.SUBMITTED,),
                State.APPROVED,
                "actionplans.approve_plan",
            ),
            Step(
                "reopen",
                _("Reopen as a new revision"),
                (State.APPROVED,),
                State.DRAFT,
                "actionplans.reopen_plan",
                comment_label=_("Why the plan is reopened"),
                needs_comment=True,
            ),
        )
    }

    def before_step(self, plan, step):
        if step.name == "submit":
            missing = missing_for_submission(self.current_content(plan))
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

    def transition_extra(self, plan):
        return {"revision": plan.revision}

    def notify(self, transition):
        notify_transition(transition)


PLANS = PlanKind()
STEPS = PLANS.steps


def available_steps(user, plan: ActionPlan) -> list[Step]:
    return steps.available_steps(PLANS, user, plan)


def plan_transition(
    *, user, plan: ActionPlan, step: str, comment: str = "", notify: bool = True
) -> PlanTransition:
    return steps.document_transition(
        PLANS, user=user, document=plan, step=step, comment=comment, notify=notify
    )
