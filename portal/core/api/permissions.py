"""Permissions for API endpoints that are not public: the apps' rules, asked per action."""

from rest_framework.permissions import BasePermission


class RulesPermission(BasePermission):
    """Grants what the view's `permission_required` names for the action, via django-rules.

    A partners' endpoint declares, for example::

        permission_classes = [RulesPermission]
        permission_required = {"list": None, "retrieve": "actionplans.view_plan",
                               "update": "actionplans.change_plan"}

    so the API asks the same predicates (<app>/rules.py) as the pages and the admin. An
    action the view does not name is refused; None means any signed-in user.
    """

    def has_permission(self, request, view):
        if not request.user.is_authenticated or view.action not in view.permission_required:
            return False
        permission = view.permission_required[view.action]
        # An action on one object is decided with the object, in has_object_permission.
        return permission is None or view.detail or request.user.has_perm(permission)

    def has_object_permission(self, request, view, obj):
        permission = view.permission_required.get(view.action)
        return permission is None or request.user.has_perm(permission, obj)
