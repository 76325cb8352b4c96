"""Who may compose and send the newsletter. Pages, tasks and the admin ask these.

Communication managers compose and send the issues of the projects they hold that role
in; staff compose and send any issue, and alone those of the whole network (no project).
The predicates are here rather than in projects/rules.py because only the newsletter asks
them; they read the same grants (projects.selectors.grants_for), once per request.
"""

import rules

from news.models import Issue
from projects.models import Project, ProjectRole
from projects.selectors import grants_for

COMMUNICATION_MANAGER = ProjectRole.Role.COMMUNICATION_MANAGER


def managed_project_ids(user) -> set[int]:
    return {g.project_id for g in grants_for(user) if g.role == COMMUNICATION_MANAGER}


@rules.predicate
def communicates_for_a_project(user) -> bool:
    return bool(managed_project_ids(user))


@rules.predicate
def communicates_for(user, obj) -> bool:
    """A communication manager of the issue's (or this) project; nobody for the network's."""
    project_id = obj.pk if isinstance(obj, Project) else getattr(obj, "project_id", None)
    return project_id is not None and project_id in managed_project_ids(user)


@rules.predicate
def is_editable(user, issue) -> bool:
    return isinstance(issue, Issue) and issue.is_editable


is_staff = rules.is_active & rules.is_staff

# Whether the newsletter's workspace is for this user at all.
rules.add_perm("news.compose_newsletter", is_staff | communicates_for_a_project)
# An issue's page, preview, test send, scheduling, sending, pausing; or, with a project
# (None for the whole network), composing a new issue for it.
rules.add_perm("news.manage_issue", is_staff | communicates_for)
rules.add_perm("news.edit_issue", (is_staff | communicates_for) & is_editable)


def can(user, permission: str, obj=None) -> bool:
    """Ask the rules themselves: Django's user.has_perm would let a superuser edit an
    issue that is already being sent."""
    return rules.has_perm(permission, user, obj)
