"""Who may do what in a project. Pages, the API and the admin all ask these predicates.

A predicate's object may be a Project, a Partnership, or anything with a `project_id`
(an event, an action plan...), so apps above projects reuse them as they are.
"""

import rules

from projects.models import Partnership, Project, ProjectRole
from projects.selectors import grants_for

Role = ProjectRole.Role


def _project_id(obj):
    if obj is None:
        return None
    if isinstance(obj, Project):
        return obj.pk
    return getattr(obj, "project_id", None)


def _has_role(user, obj, role) -> bool:
    project_id = _project_id(obj)
    return project_id is not None and any(
        grant.project_id == project_id and grant.role == role for grant in grants_for(user)
    )


@rules.predicate
def is_coordinator(user, obj) -> bool:
    return _has_role(user, obj, Role.COORDINATOR)


@rules.predicate
def is_communication_manager(user, obj) -> bool:
    return _has_role(user, obj, Role.COMMUNICATION_MANAGER)


@rules.predicate
def represents_partnership(user, partnership) -> bool:
    """A partner member of this very partnership: files its region's plans and reports."""
    if not isinstance(partnership, Partnership):
        return False
    return any(
        grant.partnership_id == partnership.pk and grant.role == Role.PARTNER_MEMBER
        for grant in grants_for(user)
    )


@rules.predicate
def coordinates_a_project(user) -> bool:
    return any(grant.role == Role.COORDINATOR for grant in grants_for(user))


# Permissions with names of their own: Django's model permissions (change_project...) stay
# with the admin's ModelBackend.
rules.add_perm("projects.file_for_partnership", rules.is_superuser | represents_partnership)
rules.add_perm("projects.review_partner_work", rules.is_superuser | is_coordinator)
# Whether the review queue is for this user at all; which proposals, review_partner_work says.
rules.add_perm("projects.view_review_queue", rules.is_superuser | coordinates_a_project)
