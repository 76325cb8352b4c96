"""Who may organise an event: its registration, its participants and its programme.

Organisers are the coordinators and communication managers of the event's project, and
staff. Registrations are personal data: to anyone else the participants pages of an event
do not exist (404), in pages and admin alike. Registrants themselves need no account; their
signed links are their key (events.links).
"""

import rules

from projects.rules import is_communication_manager, is_coordinator


@rules.predicate
def is_staff(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_staff


@rules.predicate
def organises_event(user, event) -> bool:
    # An event of no project has no project roles: staff organise it.
    return event is not None and (
        is_coordinator(user, event) or is_communication_manager(user, event)
    )


is_organiser = is_staff | organises_event

# Set up registration: dates, places, questions, consent text.
rules.add_perm("events.manage_registration", is_organiser)
# See who registered, export them, approve or decline, write to them, check them in.
rules.add_perm("events.view_participants", is_organiser)
# The programme and the report, in the admin.
rules.add_perm("events.change_programme", is_organiser)


def can(user, permission: str, event) -> bool:
    return rules.has_perm(permission, user, event)
