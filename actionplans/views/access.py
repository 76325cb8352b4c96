"""Finding the plan a request names, for those who may see it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from actionplans import selectors
from actionplans.models import ActionPlan
from actionplans.rules import can
from actionplans.views import versions


def viewable_plan(request, pk, permission="actionplans.view_plan") -> ActionPlan:
    """The plan, if the user may see it; to anyone else a draft does not exist."""
    try:
        plan = selectors.workspace_plan(pk)
    except ActionPlan.DoesNotExist:
        raise Http404 from None
    if not can(request.user, "actionplans.view_plan", plan):
        raise Http404
    if not can(request.user, permission, plan):
        raise PermissionDenied
    return plan


def posted_version(request) -> int:
    return versions.posted_version(request, _("The form was sent without the plan's version."))
