"""Reads for the workspace and the public pages."""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplans.content import PLAN
from actionplans.documents.display import references as display_references
from actionplans.models import (
    ActionPlan,
    PlanTransition,
    PlanVersion,
    ReportTransition,
    ReportVersion,
    ReviewComment,
)
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


@dataclass
class Review:
    """A plan's review remarks: the current round's by what they are on, and the earlier
    rounds', kept readable after the plan was sent in again."""

    round: int
    current: list
    earlier: list  # [(round, [remarks])], the newest round first
    on_parts: dict  # part name -> remarks on the part as a whole
    on_actions: dict  # action id -> remarks on it
    on_removed_actions: list  # remarks on actions the partner has removed since


def plan_review(plan: ActionPlan) -> Review:
    """Every remark of every round, in one query."""
    remarks = plan.comments.select_related("author").order_by("review_round", "created_at", "pk")
    current, rounds = [], {}
    on_parts, on_actions, removed = {}, {}, []
    for remark in remarks:
        if remark.review_round != plan.review_round:
            rounds.setdefault(remark.review_round, []).append(remark)
            continue
        current.append(remark)
        if remark.action_id:
            on_actions.setdefault(remark.action_id, []).append(remark)
        elif remark.action_title:
            removed.append(remark)
        else:
            on_parts.setdefault(remark.section, []).append(remark)
    earlier = sorted(rounds.items(), reverse=True)
    return Review(plan.review_round, current, earlier, on_parts, on_actions, removed)


def with_remarks(doc, review: Review):
    """The displayed plan's actions, each with its remarks of the current round."""
    for action in doc.actions:
        action.remarks = review.on_actions.get(action.id, [])
    return doc


def last_reviewed(plan: ActionPlan, user) -> tuple[PlanVersion, PlanVersion] | None:
    """(the version the user last took a workflow step on, the current one), when the plan
    has changed since; None if it has not or they never took one."""
    step = plan.transitions.filter(by=user).order_by("-at", "-pk").only("version").first()
    if step is None or step.version == plan.version:
        return None
    found = {
        version.number: version
        for version in plan.versions.filter(number__in=[step.version, plan.version]).only(
            "pk", "number", "created_at"
        )
    }
    if len(found) < 2:
        return None
    return found[step.version], found[plan.version]


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


# Personal data: a plan's contact person, and what a user did in plans and reports.
CONTACT_FIELDS = ("contact_name", "contact_email", "contact_phone")


def plans_naming_contact(email: str):
    """Plans whose contact person has this address, now or in any stored version."""
    named = PlanVersion.objects.filter(content__contact_email__iexact=email).values("plan_id")
    return ActionPlan.objects.filter(Q(contact_email__iexact=email) | Q(pk__in=named)).order_by(
        "pk"
    )


def versions_naming_contact(plan: ActionPlan, email: str):
    return plan.versions.filter(content__contact_email__iexact=email).order_by("created_at", "pk")


def plan_contact_data(plan: ActionPlan, email: str) -> dict:
    """What a plan keeps about its contact person of this address, for them to download."""

    def contact(values) -> dict:
        return {name: values.get(name, "") for name in CONTACT_FIELDS}

    current = {name: getattr(plan, name) for name in CONTACT_FIELDS}
    return {
        "plan": plan.title,
        "plan_id": plan.pk,
        "contact": contact(current) if plan.contact_email.lower() == email.lower() else None,
        "versions": [
            {"version": version.number, "saved_at": version.created_at.isoformat()}
            | contact(version.content)
            for version in versions_naming_contact(plan, email)
        ],
    }


def user_plan_work(user) -> dict:
    """What a user did in plans and progress reports: the saves, steps and remarks that
    name them as author (kept for the record when the account is erased)."""

    def when(moment):
        return moment.isoformat() if moment else None

    plan_saves = PlanVersion.objects.filter(author=user).select_related("plan").defer("content")
    report_saves = (
        ReportVersion.objects.filter(author=user).select_related("report").defer("content")
    )
    plan_steps = PlanTransition.objects.filter(by=user).select_related("plan")
    report_steps = ReportTransition.objects.filter(by=user).select_related("report")
    remarks = ReviewComment.objects.filter(author=user).select_related("plan")
    return {
        "plan_versions": [
            {
                "plan": v.plan.title,
                "version": v.number,
                "kind": v.kind,
                "saved_at": when(v.created_at),
            }
            for v in plan_saves.order_by("created_at", "pk")
        ],
        "report_versions": [
            {
                "report": str(v.report),
                "version": v.number,
                "kind": v.kind,
                "saved_at": when(v.created_at),
            }
            for v in report_saves.order_by("created_at", "pk")
        ],
        "plan_steps": [
            {
                "plan": t.plan.title,
                "from": t.source,
                "to": t.target,
                "at": when(t.at),
                "comment": t.comment,
            }
            for t in plan_steps.order_by("at", "pk")
        ],
        "report_steps": [
            {
                "report": str(t.report),
                "from": t.source,
                "to": t.target,
                "at": when(t.at),
                "comment": t.comment,
            }
            for t in report_steps.order_by("at", "pk")
        ],
        "remarks": [
            {
                "plan": c.plan.title,
                "part": c.section,
                "remark": c.body,
                "made_at": when(c.created_at),
            }
            for c in remarks.order_by("created_at", "pk")
        ],
    }
