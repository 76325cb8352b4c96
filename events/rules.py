import rules

from projects.rules import is_communication_manager, is_coordinator

rules.add_perm("events.view_event", rules.always_allow)
# A project's events are edited by its communication managers and coordinators; events
# outside any project only by staff with the admin's own permissions.
rules.add_perm(
    "events.change_event", rules.is_superuser | is_communication_manager | is_coordinator
)
