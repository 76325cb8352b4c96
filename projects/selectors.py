from dataclasses import dataclass

from django.db.models import Prefetch, Q

from portal.accounts.models import User
from projects.models import GoodPractice, Partnership, Project, ProjectRole
from regions.selectors import priority_peers, public_contacts


@dataclass(frozen=True)
class Grant:
    project_id: int
    partnership_id: int
    organisation_id: int
    role: str


def grants_for(user) -> frozenset[Grant]:
    """All of a user's project roles, read once per request and kept on the user object.

    Permission predicates are asked many times while a page renders; caching the grants
    keeps that at one query whatever the number of objects checked.
    """
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_project_grants", None)
    if cached is None:
        rows = ProjectRole.objects.filter(user=user).values_list(
            "partnership__project_id", "partnership_id", "partnership__organisation_id", "role"
        )
        cached = frozenset(Grant(*row) for row in rows)
        user._project_grants = cached
    return cached


def users_with_role(*, role: str, project_id=None, partnership_id=None):
    """The people holding a role in a project, or in one partnership of it."""
    grants = ProjectRole.objects.filter(role=role)
    if project_id is not None:
        grants = grants.filter(partnership__project_id=project_id)
    if partnership_id is not None:
        grants = grants.filter(partnership_id=partnership_id)
    return User.objects.filter(is_active=True, pk__in=grants.values("user_id")).order_by("pk")


def partnership_by_slugs(project: str, organisation: str) -> Partnership | None:
    """An organisation's partnership in a project, both named by slug, or None."""
    return (
        Partnership.objects.select_related("project", "region")
        .filter(project__slug=project, organisation__slug=organisation)
        .first()
    )


def public_practices():
    """Good practices the public sees: those the coordinator validated."""
    return GoodPractice.objects.filter(status=GoodPractice.Status.VALIDATED)


def practices_of(*, region=None, organisation=None) -> list[GoodPractice]:
    """A region's (with the regions within it) or an organisation's validated practices."""
    practices = public_practices().select_related("project", "region").order_by("title")
    if region is not None:
        practices = practices.filter(Q(region=region) | Q(region__parent=region))
    if organisation is not None:
        practices = practices.filter(organisation=organisation)
    return list(practices)


def roles_by_organisation(*, project: str | None = None) -> dict[int, str]:
    """Organisation id -> "lead" if it leads a project (the one named by slug, or any),
    else "partner"; organisations in no project are absent. One query."""
    partnerships = Partnership.objects.all()
    if project:
        partnerships = partnerships.filter(project__slug=project)
    roles: dict[int, str] = {}
    for organisation_id, role in partnerships.values_list("organisation_id", "role"):
        if role == Partnership.Role.LEAD or organisation_id not in roles:
            roles[organisation_id] = "lead" if role == Partnership.Role.LEAD else "partner"
    return roles


def project_list():
    return Project.objects.select_related("programme").prefetch_related("themes")


def partnerships():
    """A project's partners in the order its page lists them: by region, role and name."""
    return Partnership.objects.select_related("organisation", "region").order_by(
        "region__name", "role", "organisation__name"
    )


def project_detail(slug: str) -> Project:
    return (
        Project.objects.select_related("programme")
        .prefetch_related(
            "themes",
            "phases",
            "documents",
            Prefetch("partnerships", queryset=partnerships()),
            Prefetch("good_practices", queryset=public_practices().select_related("region")),
            Prefetch("contacts", queryset=public_contacts()),
        )
        .get(slug=slug)
    )


def practice_detail(slug: str) -> GoodPractice:
    return (
        public_practices()
        .select_related("project", "organisation", "region")
        .prefetch_related(
            # Through the public contacts only: `contact` is None unless the person agreed
            # to be shown, so no page can show them by mistake.
            Prefetch("contact", queryset=public_contacts()),
            "themes",
            Prefetch("related", queryset=public_practices().select_related("region")),
        )
        .get(slug=slug)
    )


def practices_to_review(user) -> list[GoodPractice]:
    """Proposals waiting for a decision this user may take, oldest first.

    The rules decide who reviews which project (its coordinator, or a superuser); asking
    them per proposal keeps that decision in one place. Permission checks reuse the
    user's grants, read once.
    """
    proposed = (
        GoodPractice.objects.filter(status=GoodPractice.Status.PROPOSED)
        .select_related("project", "organisation", "region", "proposed_by")
        .prefetch_related("themes")
        .order_by("created_at")
    )
    return [p for p in proposed if user.has_perm("projects.review_partner_work", p.project)]


def proposals_by(user):
    """What a user proposed, with the coordinator's decision, newest first."""
    return (
        GoodPractice.objects.filter(proposed_by=user)
        .select_related("project")
        .order_by("-created_at")
    )


def filing_partnerships(user):
    """The partnerships this user may propose good practices for, as the rules say."""
    partnerships = Partnership.objects.select_related("project", "organisation", "region")
    allowed = [
        partnership.pk
        for partnership in partnerships
        if user.has_perm("projects.file_for_partnership", partnership)
    ]
    return partnerships.filter(pk__in=allowed).order_by("project__acronym", "organisation__name")


@dataclass
class PeerTies:
    """What a region has with a peer: the peer's priority match, the projects both take
    part in, and the peer's validated good practices."""

    peer: object  # regions.selectors.Peer
    projects: list
    practices: list


PEER_PRACTICES = 3


def priority_peers_with_ties(region, limit: int = 5) -> list[PeerTies]:
    """regions.selectors.priority_peers, each with the projects shared and the peer's good
    practices: four queries however many peers."""
    peers = priority_peers(region, limit)
    if not peers:
        return []
    peer_ids = [peer.region.pk for peer in peers]
    shared: dict[int, list] = {pk: [] for pk in peer_ids}
    together = (
        Partnership.objects.filter(region_id__in=peer_ids, project__partnerships__region=region)
        .select_related("project")
        .order_by("project__acronym")
        .distinct()
    )
    for partnership in together:
        projects = shared[partnership.region_id]
        if partnership.project not in projects:
            projects.append(partnership.project)
    practices: dict[int, list] = {pk: [] for pk in peer_ids}
    for practice in public_practices().filter(region_id__in=peer_ids).order_by("title"):
        if len(practices[practice.region_id]) < PEER_PRACTICES:
            practices[practice.region_id].append(practice)
    return [PeerTies(peer, shared[peer.region.pk], practices[peer.region.pk]) for peer in peers]


def project_role_data(role: ProjectRole) -> dict:
    partnership = role.partnership
    return {
        "project": partnership.project.acronym,
        "organisation": partnership.organisation.name,
        "role": role.role,
        "since": role.created_at.isoformat(),
    }
