"""Writes to action plans: creating one, saving its content, restoring a version, review
remarks. Workflow steps live in actionplans.workflow.

Every save goes through `plan_write`, in one transaction, and leaves a PlanVersion behind;
a save that started from an older version than the plan's is refused and kept aside
(actionplans.documents.writing, which the progress reports share).
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplans.documents import writing
from actionplans.documents.writing import VersionConflict as VersionConflict
from actionplans.models import ActionPlan, PlanVersion, ReviewComment
from actionplans.rules import can
from actionplans.workflow import PLANS
from projects.models import Partnership


def _phase_one_end(partnership):
    phase = partnership.project.phases.filter(kind=1).first()
    return phase.end_date if phase else None


@transaction.atomic
def plan_create(*, user, partnership, title: str, language: str = "en") -> ActionPlan:
    # Locked, so two clicks on "Start" cannot both find no plan and both create one.
    partnership = (
        Partnership.objects.select_for_update(of=("self",))
        .select_related("project", "region")
        .get(pk=partnership.pk)
    )
    # Permission first: only the partner's own members may learn whether it has a plan, so
    # everyone else gets the same refusal whether or not one exists.
    if not can(user, "actionplans.create_plan", partnership):
        raise PermissionDenied(_("You cannot start an action plan for this partner."))
    if ActionPlan.objects.filter(partnership=partnership).exists():
        raise ValidationError(_("This partner has an action plan already."), code="exists")
    plan = ActionPlan(
        partnership=partnership,
        slug=f"{partnership.project.slug}-{partnership.region.slug}-{partnership.pk}",
        title=title,
        language=language,
        due_on=_phase_one_end(partnership),
    )
    plan.full_clean(exclude=["partnership"])
    plan.save()
    writing.document_start(PLANS, user=user, document=plan)
    return plan


def plan_write(
    *,
    user,
    plan: ActionPlan,
    expected_version: int,
    content: dict,
    letter=None,
    kind: str = PlanVersion.Kind.SAVED,
    note: str = "",
) -> ActionPlan:
    """Replace the plan's content with `content` as a new version, or refuse and keep it.

    `letter` is a newly uploaded endorsement letter; otherwise content["endorsement"]
    ["letter"] names a file this plan already had.
    """
    return writing.document_write(
        PLANS,
        user=user,
        document=plan,
        expected_version=expected_version,
        content=content,
        uploads={"endorsement.letter": letter} if letter is not None else {},
        version_kind=kind,
        note=note,
    )


def plan_restore(*, user, plan: ActionPlan, version: PlanVersion, expected_version: int):
    """Write an earlier version (or a refused save) back as the newest version."""
    if version.plan_id != plan.pk:
        raise ValidationError(_("That version belongs to another plan."))
    return writing.document_restore(
        PLANS, user=user, document=plan, version=version, expected_version=expected_version
    )


def plan_set_due(*, user, plan: ActionPlan, due_on) -> ActionPlan:
    """The deadline for the partner's draft; by default the end of phase 1."""
    if not can(user, "actionplans.set_due_plan", plan):
        raise PermissionDenied(_("Deadlines are set by the project's coordinator."))
    ActionPlan.objects.filter(pk=plan.pk).update(due_on=due_on)
    plan.due_on = due_on
    return plan


def comment_add(*, user, plan: ActionPlan, section: str, body: str, action_id=None):
    # Judged on the plan as it is now, not as the caller last read it.
    plan = ActionPlan.objects.select_related("partnership").get(pk=plan.pk)
    if not can(user, "actionplans.comment_plan", plan):
        raise PermissionDenied(_("Remarks are made by the coordinator on a submitted plan."))
    action = plan.actions.filter(pk=action_id).first() if action_id else None
    if action_id and action is None:
        raise ValidationError({"action": _("That action is not part of this plan.")})
    comment = ReviewComment(
        plan=plan,
        review_round=plan.review_round,
        section=ReviewComment.Section.ACTIONS if action else section,
        action=action,
        action_title=action.title if action else "",
        body=body.strip(),
        author=user,
    )
    comment.full_clean(exclude=["plan", "action", "author"])
    comment.save()
    return comment


# What replaces an erased contact person: the name says why the plan has none; the address
# and phone stay empty, so the checklist asks for a new contact before the next submission.
ERASED_CONTACT = {"contact_name": "(erased)", "contact_email": "", "contact_phone": ""}


@transaction.atomic
def plan_contact_erase(*, plan: ActionPlan, email: str = "") -> int:
    """Replace the contact person of this address (the plan's current one by default) on
    the plan and in every stored version that names them; the versions keep all else.
    Answers how many versions were rewritten."""
    plan = ActionPlan.objects.select_for_update().get(pk=plan.pk)
    email = (email or plan.contact_email).strip()
    if not email or plan.contact_email.lower() == email.lower():
        ActionPlan.objects.filter(pk=plan.pk).update(**ERASED_CONTACT)
    if not email:
        return 0
    rewritten = 0
    for version in plan.versions.filter(content__contact_email__iexact=email):
        version.content = {**version.content, **ERASED_CONTACT}
        version.save(update_fields=["content"])
        rewritten += 1
    return rewritten
