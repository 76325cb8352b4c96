"""Writes to action plans: creating one, saving its content, restoring a version, review
remarks. Workflow steps live in actionplans.workflow.

Every save goes through `plan_write`, in one transaction, and leaves a PlanVersion behind;
a save that started from an older version than the plan's is refused and kept aside.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from actionplans.content import content_of, plan_with_content
from actionplans.models import ActionPlan, Indicator, PlanVersion, PolicyInstrument, ReviewComment
from actionplans.rows import build_rows
from actionplans.rules import can
from projects.models import Partnership


class VersionConflict(Exception):
    """Someone saved the plan after the editor loaded it; their save was not applied."""

    def __init__(self, plan: ActionPlan, kept: PlanVersion):
        self.plan, self.kept = plan, kept
        self.current = plan.versions.filter(number=plan.version).select_related("author").first()
        super().__init__(f"plan {plan.pk} is at version {plan.version}, not {kept.based_on}")

    @property
    def message(self) -> str:
        who = self.current.author if self.current and self.current.author else _("someone")
        return _(
            "%(who)s saved this plan (version %(version)s) while you were editing it. Your "
            "changes were not applied, but they are kept: compare them with the current "
            "version and apply what you need."
        ) % {"who": who, "version": self.plan.version}


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
    if ActionPlan.objects.filter(partnership=partnership).exists():
        raise ValidationError(_("This partner has an action plan already."), code="exists")
    if not can(user, "actionplans.create_plan", partnership):
        raise PermissionDenied(_("You cannot start an action plan for this partner."))
    plan = ActionPlan(
        partnership=partnership,
        slug=f"{partnership.project.slug}-{partnership.region.slug}-{partnership.pk}",
        title=title,
        language=language,
        due_on=_phase_one_end(partnership),
    )
    plan.full_clean(exclude=["partnership"])
    plan.save()
    PlanVersion.objects.create(
        plan=plan, number=0, kind=PlanVersion.Kind.CREATED, content=content_of(plan), author=user
    )
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
    try:
        with transaction.atomic():
            return _write(user, plan.pk, expected_version, content, letter, kind, note)
    except _Stale as stale:
        if not 0 <= expected_version < stale.plan.version:
            # Not an older version but none at all: a tampered form or a client's bug.
            raise ValidationError(
                {
                    "version": _("This plan has no version %(number)s.")
                    % {"number": expected_version}
                }
            ) from None
        # Recorded outside the rolled-back transaction: the refused save must survive.
        kept = PlanVersion.objects.create(
            plan=stale.plan,
            kind=PlanVersion.Kind.CONFLICT,
            based_on=expected_version,
            content=content,
            author=user,
            note=note[:250],
        )
        raise VersionConflict(stale.plan, kept) from None


class _Stale(Exception):
    def __init__(self, plan):
        self.plan = plan


def _write(user, pk, expected_version, content, letter, kind, note):
    # The row lock orders concurrent saves: the second waits, then sees the new version.
    plan = ActionPlan.objects.select_for_update().select_related("partnership").get(pk=pk)
    if not can(user, "actionplans.change_plan", plan):
        raise PermissionDenied(
            _("This plan's state is “%(state)s”: it cannot be changed now.")
            % {"state": plan.get_state_display()}
        )
    if plan.version != expected_version:
        raise _Stale(plan)
    # Everything is checked before anything is written, so errors name every problem at
    # once; the transaction still guards against a failure half-way through writing.
    rows = build_rows(plan, content, letter)
    if letter is not None:
        plan.endorsement_letter.save(letter.name, letter, save=False)
    plan.version += 1
    plan.save()
    plan.instruments.all().delete()
    PolicyInstrument.objects.bulk_create(rows.instruments)
    kept = set()
    for action, learnt_from, practices, indicators in rows.actions:
        action.save()
        kept.add(action.pk)
        action.learnt_from.set(learnt_from)
        action.good_practices.set(practices)
        action.indicators.all().delete()
        for indicator in indicators:
            indicator.action = action
        Indicator.objects.bulk_create(indicators)
    plan.actions.exclude(pk__in=kept).delete()
    PlanVersion.objects.create(
        plan=plan,
        number=plan.version,
        based_on=expected_version,
        kind=kind,
        note=note[:250],
        content=content_of(plan_with_content(plan.pk)),
        author=user,
    )
    return plan


def plan_restore(*, user, plan: ActionPlan, version: PlanVersion, expected_version: int):
    """Write an earlier version (or a refused save) back as the newest version."""
    if version.plan_id != plan.pk:
        raise ValidationError(_("That version belongs to another plan."))
    label = (
        _("Restored the changes refused on %(date)s")
        % {"date": date_format(version.created_at, "SHORT_DATETIME_FORMAT")}
        if version.number is None
        else _("Restored version %(number)s") % {"number": version.number}
    )
    return plan_write(
        user=user,
        plan=plan,
        expected_version=expected_version,
        content=version.content,
        kind=PlanVersion.Kind.RESTORED,
        note=label,
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
