from dataclasses import dataclass

from django.db.models import Prefetch

from portal.accounts.models import User
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


def users_with_role(*, role: str, project_id=None, partnership_id=None):
    """The people holding a role in a project, or in one partnership of it."""
    grants = ProjectRole.objects.filter(role=role)
    if project_id is not None:
        grants = grants.filter(partnership__project_id=project_id)
    if partnership_id is not None:
        grants = grants.filter(partnership_id=partnership_id)
    return User.objects.filter(is_active=True, pk__in=grants.values("user_id")).order_by("pk")


def public_practices():
    """Good practices the public sees: those the coordinator validated."""
    return GoodPractice.objects.filter(status=GoodPractice.Status.VALIDATED)


def project_list():
    return Project.objects.select_related("programme").prefetch_related("themes")


def project_detail(slug: str) -> Project:
    partnerships = Partnership.objects.select_related("organisation", "region").order_by(
        "region__name", "role", "organisation__name"
    )
    return (
        Project.objects.select_related("programme")
        .prefetch_related(
            "themes",
            "phases",
            "documents",
            Prefetch("partnerships", queryset=partnerships),
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
