"""Who gets a place: at the event, and in the sessions people choose.

One rule for both. Someone arriving gets a place when one is free and nobody waits before
them; otherwise they join the waiting list, in the order they arrived. A place that frees
up is offered to the first in line, who has until a deadline to take it up before it
passes on. An offered place counts as taken until then.

Every function here expects the caller to hold the event's lock (`lock`): a row lock on
its RegistrationSettings, taken first by every change to an event's places. With it, two
sign-ups for the last place are taken one after the other, and the second sees it gone; a
count read under the lock is still true when the place is given. One lock per event also
covers its sessions, so no second lock order can deadlock with the first.
"""

import datetime

from django.db.models import Q

from events.models import Registration, RegistrationSettings, Session, SessionSeat

R = Registration.State
S = SessionSeat.State


def lock(event_id: int) -> RegistrationSettings:
    """The event's registration settings, locked until the transaction ends."""
    return (
        RegistrationSettings.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(event_id=event_id)
    )


def places_taken(event_id: int) -> int:
    return Registration.objects.filter(event_id=event_id, state__in=Registration.HOLDING).count()


def _first_waiting(queryset):
    return queryset.order_by("waiting_since", "pk")


def has_place_for_newcomer(config: RegistrationSettings) -> bool:
    if config.capacity is None:
        return True
    waiting = Registration.objects.filter(event_id=config.event_id, state=R.WAITING)
    if waiting.exists():
        return False
    return places_taken(config.event_id) < config.capacity


def offer_deadline(config: RegistrationSettings, now) -> datetime.datetime:
    # Never beyond the start: a place offered for after the event has begun is no place.
    return min(now + datetime.timedelta(hours=config.offer_hours), config.event.starts_at)


def fill(config: RegistrationSettings, now) -> list[Registration]:
    """Offer the free places to the waiting list, first come first served."""
    if config.event.starts_at <= now:
        return []
    waiting = _first_waiting(Registration.objects.filter(event_id=config.event_id, state=R.WAITING))
    if config.capacity is not None:
        free = config.capacity - places_taken(config.event_id)
        if free <= 0:
            return []
        waiting = waiting[:free]
    offered = list(waiting.select_related("event"))
    deadline = offer_deadline(config, now)
    for registration in offered:
        registration.state, registration.offer_expires_at = R.OFFERED, deadline
        registration.save(update_fields=["state", "offer_expires_at", "updated_at"])
    return offered


def waiting_position(registration: Registration) -> int | None:
    """1 for the first in line."""
    if registration.state != R.WAITING:
        return None
    ahead = Registration.objects.filter(event_id=registration.event_id, state=R.WAITING).filter(
        Q(waiting_since__lt=registration.waiting_since)
        | Q(waiting_since=registration.waiting_since, pk__lt=registration.pk)
    )
    return ahead.count() + 1


# --- Sessions --------------------------------------------------------------------------


def seats_taken(session_id: int) -> int:
    return SessionSeat.objects.filter(session_id=session_id, state__in=SessionSeat.HOLDING).count()


def _has_seat_for_newcomer(session: Session) -> bool:
    if session.capacity is None:
        return True
    if SessionSeat.objects.filter(session=session, state=S.WAITING).exists():
        return False
    return seats_taken(session.pk) < session.capacity


def allocate_seats(registration: Registration, now) -> None:
    """Give a registrant who now holds a place at the event the sessions they chose."""
    requested = registration.seats.filter(state=S.REQUESTED).select_related("session")
    for seat in requested.order_by("session__starts_at", "pk"):
        if _has_seat_for_newcomer(seat.session):
            seat.state = S.CONFIRMED
        else:
            seat.state, seat.waiting_since = S.WAITING, now
        seat.save(update_fields=["state", "waiting_since", "updated_at"])


def release_seats(seats) -> set[int]:
    """Give up seats; the ids of the sessions where a held seat became free."""
    freed = set()
    for seat in seats:
        if seat.state in SessionSeat.HOLDING:
            freed.add(seat.session_id)
        seat.state, seat.offer_expires_at, seat.waiting_since = S.RELEASED, None, None
        seat.save(update_fields=["state", "offer_expires_at", "waiting_since", "updated_at"])
    return freed


def fill_sessions(config: RegistrationSettings, session_ids, now) -> list[SessionSeat]:
    """Offer the free seats of these sessions to their waiting lists, in order."""
    if config.event.starts_at <= now:
        return []
    deadline = offer_deadline(config, now)
    offered = []
    for session in Session.objects.filter(pk__in=session_ids).order_by("pk"):
        waiting = _first_waiting(SessionSeat.objects.filter(session=session, state=S.WAITING))
        if session.capacity is not None:
            free = session.capacity - seats_taken(session.pk)
            if free <= 0:
                continue
            waiting = waiting[:free]
        for seat in waiting.select_related("registration__event", "session"):
            seat.state, seat.offer_expires_at = S.OFFERED, deadline
            seat.save(update_fields=["state", "offer_expires_at", "updated_at"])
            offered.append(seat)
    return offered
