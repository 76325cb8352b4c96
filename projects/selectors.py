from dataclasses import dataclass

from projects.models import ProjectRole


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
