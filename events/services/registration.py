"""A registrant's way through: sign up, confirm the address, wait or be approved, take up a
freed place, change, cancel, erase. Organisers approve, decline and check in."""

import datetime

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from events import notifications
from events.models import Registration, RegistrationSettings, SessionSeat
from events.services import places
from portal.core.cache import content_changed
from portal.core.mail import mail_forget

R = Registration.State
S = SessionSeat.State

# What a registrant may change on their own page; the address is who they are.
CHANGEABLE = (
    "name",
    "organisation_name",
    "organisation_type",
    "country",
    "region",
    "dietary",
    "dietary_note",
)


class RegistrationClosed(ValidationError):
    pass


def _places_changed() -> None:
    # Event pages and the API show the places left; they are cached per content version,
    # which registrations (private rows) do not move by themselves. Moved on commit.
    content_changed()


def closed_reason(config: RegistrationSettings | None, now=None) -> str | None:
    """Why nobody can sign up now, or None while registration is open."""
    if config is None:
        return _("This event takes no registrations through the portal.")
    status = config.status(now or timezone.now())
    if status == "not_yet":
        opens = timezone.localtime(config.opens_at, config.event.tz)
        return _("Registration opens on %(date)s.") % {
            "date": date_format(opens, "DATETIME_FORMAT")
        }
    if status == "closed":
        return _("Registration for this event is closed.")
    return None


def settings_of(event) -> RegistrationSettings | None:
    try:
        return event.registration_settings
    except ObjectDoesNotExist:
        return None


@transaction.atomic
def registration_create(
    *, event, data: dict, sessions=(), language: str
) -> tuple[Registration, bool]:
    """A new registration waiting for its address to be confirmed, and the mail that asks.

    An address already registered gets its link again instead, and (registration, False)
    comes back: the visitor is told so, and the first registration stays as it is.
    """
    # Read afresh: the consent given is the version current now.
    config = (
        RegistrationSettings.objects.select_related("consent", "event").filter(event=event).first()
    )
    reason = closed_reason(config)
    if reason:
        raise RegistrationClosed(reason, code="closed")
    existing = _active_with_address(event, data["email"])
    if existing is None:
        registration = Registration(event=event, language=language, consent=config.consent, **data)
        # The event and the consent come from here, not from the visitor.
        registration.full_clean(exclude=["event", "consent"], validate_constraints=False)
        try:
            # A savepoint: a sign-up racing this one with the same address loses here,
            # and is answered like any repeated sign-up.
            with transaction.atomic():
                registration.save()
                SessionSeat.objects.bulk_create(
                    SessionSeat(registration=registration, session=session) for session in sessions
                )
        except IntegrityError:
            existing = _active_with_address(event, data["email"])
            if existing is None:
                raise
        else:
            notifications.confirm_address(registration)
            return registration, True
    if existing.state == R.UNCONFIRMED:
        notifications.confirm_address(existing, again=True)
    else:
        notifications.personal_link_again(existing)
    return existing, False


def _active_with_address(event, email: str) -> Registration | None:
    return (
        Registration.objects.filter(event=event, email__iexact=email, state__in=Registration.ACTIVE)
        .select_related("event")
        .first()
    )


@transaction.atomic
def registration_confirm(*, registration: Registration) -> Registration:
    """The address is confirmed: the registration now counts. Clicking twice is harmless."""
    config = places.lock(registration.event_id)
    registration = _locked(registration)
    if registration.state != R.UNCONFIRMED:
        return registration
    now = timezone.now()
    if config.event.starts_at <= now:
        raise RegistrationClosed(_("The event has begun; registration is closed."), code="begun")
    registration.confirmed_at = now
    if config.needs_approval:
        registration.state = R.PENDING
        registration.save()
        notifications.pending(registration)
        return registration
    _place_or_wait(registration, config, now)
    return registration


def _locked(registration: Registration) -> Registration:
    return Registration.objects.select_related(
        "event__registration_settings", "consent", "region"
    ).get(pk=registration.pk)


def _place_or_wait(registration, config, now) -> None:
    if places.has_place_for_newcomer(config):
        registration.state = R.CONFIRMED
        registration.save()
        places.allocate_seats(registration, now)
        notifications.confirmed(registration)
        _places_changed()
    else:
        registration.state, registration.waiting_since = R.WAITING, now
        registration.save()
        notifications.waiting(registration, places.waiting_position(registration))


@transaction.atomic
def registration_approve(*, registration: Registration, by) -> Registration:
    config = places.lock(registration.event_id)
    registration = _locked(registration)
    _expect(registration, R.PENDING, _("approved"))
    now = timezone.now()
    registration.decided_at, registration.decided_by = now, by
    _place_or_wait(registration, config, now)
    return registration


@transaction.atomic
def registration_decline(*, registration: Registration, by) -> Registration:
    places.lock(registration.event_id)
    registration = _locked(registration)
    _expect(registration, R.PENDING, _("declined"))
    registration.state = R.DECLINED
    registration.decided_at, registration.decided_by = timezone.now(), by
    registration.save()
    places.release_seats(registration.seats.filter(state__in=SessionSeat.CHOSEN))
    notifications.declined(registration)
    return registration


def _expect(registration, state, done: str) -> None:
    if registration.state != state:
        raise ValidationError(
            _("Only a registration awaiting approval can be %(done)s; %(name)s's is “%(state)s”.")
            % {"done": done, "name": registration, "state": registration.get_state_display()},
            code="state",
        )


@transaction.atomic
def registration_cancel(*, registration: Registration) -> Registration:
    """Cancel; a place given up goes to the next in line. Cancelling twice is harmless."""
    config = places.lock(registration.event_id)
    registration = _locked(registration)
    if not registration.is_active:
        return registration
    held = registration.holds_place
    registration.state, registration.cancelled_at = R.CANCELLED, timezone.now()
    registration.offer_expires_at = None
    registration.save()
    _after_leaving(registration, config, held)
    notifications.cancelled(registration)
    return registration


def _after_leaving(registration, config, held: bool) -> None:
    """Pass on what a registration no longer holds: its place and its seats."""
    now = timezone.now()
    freed = places.release_seats(registration.seats.filter(state__in=SessionSeat.CHOSEN))
    if held:
        for offered in places.fill(config, now):
            notifications.offered(offered)
        _places_changed()
    for seat in places.fill_sessions(config, freed, now):
        notifications.seat_offered(seat)


def registration_accept_offer(*, registration: Registration, seat_id: int | None = None):
    """Take up a place offered from a waiting list: the event's, or a session's.

    An offer found past its deadline lapses here and now (as beat would have done), and
    the place passes on before the refusal is raised.
    """
    with transaction.atomic():
        config = places.lock(registration.event_id)
        registration = _locked(registration)
        now = timezone.now()
        if seat_id is None:
            offer = registration if registration.state == R.OFFERED else None
        else:
            offer = registration.seats.filter(pk=seat_id, state=S.OFFERED).first()
        if offer is None:
            raise ValidationError(_("There is no place on offer for you there."), code="none")
        lapsed = offer.offer_expires_at <= now
        if lapsed:
            _lapse(config, now)
        elif seat_id is None:
            registration.state, registration.offer_expires_at = R.CONFIRMED, None
            registration.save()
            places.allocate_seats(registration, now)
            notifications.confirmed(registration)
            _places_changed()
        else:
            offer.state, offer.offer_expires_at = S.CONFIRMED, None
            offer.save(update_fields=["state", "offer_expires_at", "updated_at"])
    if lapsed:
        raise ValidationError(_("The offer ran out and the place has passed on."), code="lapsed")
    return registration


@transaction.atomic
def registration_change(*, registration: Registration, data: dict, sessions) -> Registration:
    """New answers from the registrant; sessions given up go to the next in line."""
    config = places.lock(registration.event_id)
    registration = _locked(registration)
    if not registration.is_active:
        raise ValidationError(
            _("A registration that is “%(state)s” cannot be changed.")
            % {"state": registration.get_state_display()},
            code="inactive",
        )
    for field in CHANGEABLE:
        if field in data:
            setattr(registration, field, data[field])
    registration.full_clean(validate_constraints=False)
    registration.save()
    now = timezone.now()
    wanted = {session.pk for session in sessions}
    seats = {seat.session_id: seat for seat in registration.seats.all()}
    dropped = [s for sid, s in seats.items() if sid not in wanted and s.state in SessionSeat.CHOSEN]
    freed = places.release_seats(dropped)
    for session_id in wanted:
        seat = seats.get(session_id)
        if seat is None:
            SessionSeat.objects.create(registration=registration, session_id=session_id)
        elif seat.state not in SessionSeat.CHOSEN:
            seat.state, seat.waiting_since, seat.offer_expires_at = S.REQUESTED, None, None
            seat.save(update_fields=["state", "waiting_since", "offer_expires_at", "updated_at"])
    if registration.state == R.CONFIRMED:
        places.allocate_seats(registration, now)
    for seat in places.fill_sessions(config, freed, now):
        notifications.seat_offered(seat)
    return registration


def _lapse(config, now) -> None:
    """Offers past their deadline expire; the places pass on to the next in line."""
    lapsed = list(
        Registration.objects.filter(
            event_id=config.event_id, state=R.OFFERED, offer_expires_at__lte=now
        ).select_related("event")
    )
    freed = set()
    for registration in lapsed:
        registration.state, registration.offer_expires_at = R.EXPIRED, None
        registration.save(update_fields=["state", "offer_expires_at", "updated_at"])
        freed |= places.release_seats(registration.seats.filter(state__in=SessionSeat.CHOSEN))
        notifications.offer_lapsed(registration)
    lapsed_seats = SessionSeat.objects.filter(
        registration__event_id=config.event_id, state=S.OFFERED, offer_expires_at__lte=now
    )
    for seat in lapsed_seats:
        freed.add(seat.session_id)
        seat.state, seat.offer_expires_at = S.EXPIRED, None
        seat.save(update_fields=["state", "offer_expires_at", "updated_at"])
    if lapsed:
        for registration in places.fill(config, now):
            notifications.offered(registration)
        _places_changed()
    for seat in places.fill_sessions(config, freed, now):
        notifications.seat_offered(seat)


def offers_expire(*, now=None) -> int:
    """Expire every offer past its deadline, event by event; safe to run twice."""
    now = now or timezone.now()
    event_ids = set(
        Registration.objects.filter(state=R.OFFERED, offer_expires_at__lte=now).values_list(
            "event_id", flat=True
        )
    ) | set(
        SessionSeat.objects.filter(state=S.OFFERED, offer_expires_at__lte=now).values_list(
            "registration__event_id", flat=True
        )
    )
    for event_id in sorted(event_ids):
        with transaction.atomic():
            _lapse(places.lock(event_id), now)
    return len(event_ids)


def unconfirmed_expire(*, now=None) -> int:
    """Sign-ups whose address was never confirmed, once their link has run out."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS)
    return Registration.objects.filter(state=R.UNCONFIRMED, created_at__lt=cutoff).update(
        state=R.EXPIRED, updated_at=now
    )


def registration_check_in(*, registration: Registration, by, present: bool = True) -> bool:
    """Mark a confirmed registrant present (or not); False if they hold no place."""
    changed = Registration.objects.filter(pk=registration.pk, state=R.CONFIRMED).update(
        checked_in_at=timezone.now() if present else None,
        checked_in_by=by if present else None,
        updated_at=timezone.now(),
    )
    return bool(changed)


# What erasure empties: everything that names or reaches the person. Country, region,
# type of organisation, the state and attendance stay, for the counts the programme asks.
ERASED = {
    "name": "",
    "email": "",
    "organisation_name": "",
    "dietary": [],
    "dietary_note": "",
    "secret": "",
}


@transaction.atomic
def registration_erase(*, registration: Registration) -> None:
    """At the registrant's request: cancel if still in play, then erase."""
    if registration.is_active:
        registration_cancel(registration=registration)
    now = timezone.now()
    Registration.objects.filter(pk=registration.pk).update(**ERASED, erased_at=now, updated_at=now)
    mail_forget(notifications.mail_prefix(registration))


def registrations_erase_expired(*, now=None) -> int:
    """Erase the registrations of events over for longer than their retention period."""
    now = now or timezone.now()
    erased = 0
    due = RegistrationSettings.objects.filter(
        event__ends_at__lt=now, event__registrations__erased_at__isnull=True
    ).distinct()
    for config in due.select_related("event"):
        if config.event.ends_at + datetime.timedelta(days=config.retention_days) > now:
            continue
        with transaction.atomic():
            registrations = Registration.objects.select_for_update().filter(
                event_id=config.event_id, erased_at__isnull=True
            )
            for registration in registrations:
                mail_forget(notifications.mail_prefix(registration))
            erased += registrations.update(**ERASED, erased_at=now, updated_at=now)
    return erased
