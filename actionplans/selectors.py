"""Reads for the workspace and the public pages."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplans.content import PLAN
from actionplans.documents.display import references as display_references
from actionplans.models import ActionPlan, PlanTransition, PlanVersion, ReviewComment
from projects.models import Partnership, ProjectRole
from projects.selectors import grants_for


def partnerships_filed_by(user):
    """The partnerships a user files plans for, each with its plan (or None)."""
    return (
        Partnership.objects.filter(
            user_roles__user=user, user_roles__role=ProjectRole.Role.PARTNER_MEMBER
        )
        .select_related("project", "organisation", "region", "action_plan")
        .order_by("project__acronym", "region__name")
        .distinct()
    )


def partnerships_reviewed_by(user):
    """Every partnership of the projects a user coordinates, each with its plan (or None)."""
    projects = ProjectRole.objects.filter(user=user, role=ProjectRole.Role.COORDINATOR).values(
        "partnership__project_id"
    )
    return (
        Partnership.objects.filter(project_id__in=projects)
        .exclude(role=Partnership.Role.ADVISORY)
        .select_related("project", "organisation", "region", "action_plan")
        .order_by("project__acronym", "region__name", "organisation__name")
    )


@dataclass
class ProjectOverview:
    """A coordinator's view of one project: its partner regions and how far each plan is."""

    project: object
    partnerships: list

    def counts(self) -> list[tuple[str, int]]:
        """How many plans are in each state, in the workflow's order; states with none left out."""
        states = [getattr(p, "action_plan", None) for p in self.partnerships]
        counts = [(_("Not started"), sum(plan is None for plan in states))]
        counts += [
            (label, sum(plan is not None and plan.state == value for plan in states))
            for value, label in ActionPlan.State.choices
        ]
        return [(label, count) for label, count in counts if count]


def coordinator_overview(partnerships) -> list[ProjectOverview]:
    """Partnerships from partnerships_reviewed_by, grouped by project."""
    overviews: dict[int, ProjectOverview] = {}
    for partnership in partnerships:
        overview = overviews.setdefault(
            partnership.project_id, ProjectOverview(partnership.project, [])
        )
        overview.partnerships.append(partnership)
    return list(overviews.values())


def open_remark_counts(plans) -> dict[int, int]:
    """Remarks of each plan's current review round, counted in one query."""
    counts: dict[int, int] = {}
    rows = ReviewComment.objects.filter(plan__in=plans).values_list(
        "plan_id", "review_round", "plan__review_round"
    )
    for plan_id, comment_round, plan_round in rows:
        if comment_round == plan_round:
            counts[plan_id] = counts.get(plan_id, 0) + 1
    return counts


def last_transitions(plans) -> dict[int, PlanTransition]:
    latest = (
        PlanTransition.objects.filter(plan__in=plans)
        .select_related("by")
        .order_by("plan_id", "-at", "-pk")
        .distinct("plan_id")
    )
    return {transition.plan_id: transition for transition in latest}


def plans_visible_to(user):
    """The plans the rules let a user see (actionplans.view_plan), in one query."""
    plans = ActionPlan.objects.select_related(
        "partnership__project", "partnership__organisation", "partnership__region"
    )
    if not user.is_authenticated:
        return plans.none()
    if user.is_superuser:
        return plans
    grants = grants_for(user)
    filed = {g.partnership_id for g in grants if g.role == ProjectRole.Role.PARTNER_MEMBER}
    reviewed = {g.project_id for g in grants if g.role == ProjectRole.Role.COORDINATOR}
    return plans.filter(Q(partnership_id__in=filed) | Q(partnership__project_id__in=reviewed))


def workspace_plan(pk: int) -> ActionPlan:
    return ActionPlan.objects.select_related(
        "partnership__project", "partnership__organisation", "partnership__region"
    ).get(pk=pk)


def review_remarks(plan: ActionPlan):
    return (
        plan.comments.filter(review_round=plan.review_round)
        .select_related("author", "action")
        .order_by("created_at")
    )


def plan_transitions(plan: ActionPlan):
    return plan.transitions.select_related("by").order_by("-at", "-pk")


def plan_versions(plan: ActionPlan):
    return plan.versions.select_related("author").defer("content").order_by("-created_at", "-pk")


def plan_version(plan: ActionPlan, pk: int) -> PlanVersion:
    return plan.versions.select_related("author").get(pk=pk)


def references(*contents) -> dict:
    """The regions and good practices plan contents name by key, by field."""
    return display_references(PLAN, *contents)


def public_plans():
    return ActionPlan.objects.filter(approved_version__isnull=False).select_related(
        "partnership__project", "partnership__organisation", "partnership__region"
    )


def public_plan(slug: str) -> ActionPlan:
    return public_plans().select_related("approved_version").get(slug=slug)


def public_plans_for(*, project=None, region=None, organisation=None) -> list[ActionPlan]:
    plans = public_plans().select_related("approved_version").order_by("partnership__region__name")
    if project is not None:
        plans = plans.filter(partnership__project=project)
    if region is not None:
        plans = plans.filter(partnership__region=region)
    if organisation is not None:
        plans = plans.filter(partnership__organisation=organisation)
    return list(plans)
