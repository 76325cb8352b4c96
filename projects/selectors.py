from dataclasses import dataclass

from django.db.models import Prefetch

from projects.models import GoodPractice, Partnership, Project, ProjectRole


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


def public_practices():
    """Good practices the public sees: those the coordinator validated."""
    return GoodPractice.objects.filter(status=GoodPractice.Status.VALIDATED)


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
            "contacts__organisation",
        )
        .get(slug=slug)
    )


def practice_detail(slug: str) -> GoodPractice:
    return (
        public_practices()
        .select_related("project", "organisation", "region", "contact__organisation")
        .prefetch_related(
            "themes",
            Prefetch("related", queryset=public_practices().select_related("region")),
        )
        .get(slug=slug)
    )
