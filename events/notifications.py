"""What a registrant is told, and when: one mail per step, in their language.

Every mail goes through the outbox (portal.core.mail) with a key that starts with
`registration:<id>:`, so a step announced twice is queued once, and erasing a
registration finds every stored mail that holds its data.
"""

from django.conf import settings
from django.utils import timezone

from events import links
from events.ical import calendar
from portal.core.i18n import translated
from portal.core.mail import mail_queue_to


def mail_prefix(registration) -> str:
    return f"registration:{registration.pk}:"


def _send(registration, what: str, template: str, attachments=(), **context) -> None:
    mail_queue_to(
        key=mail_prefix(registration) + what,
        to=registration.email,
        language=registration.language,
        name=template,
        context={
            "registration": registration,
            "event": registration.event,
            "personal_url": links.personal_url(registration),
            **context,
        },
        attachments=attachments,
    )


def confirm_address(registration, *, again: bool = False) -> None:
    # A repeated sign-up sends the link again, at most once an hour.
    what = f"confirm:{timezone.now():%Y%m%d%H}" if again else "confirm"
    _send(
        registration,
        what,
        "registration_confirm",
        confirm_url=links.confirm_url(registration),
        hours=settings.REGISTRATION_CONFIRM_HOURS,
    )


def personal_link_again(registration) -> None:
    _send(registration, f"link:{timezone.now():%Y%m%d%H}", "registration_link")


def confirmed(registration) -> None:
    """The place is theirs: with the event (and the sessions they have a place in) to add
    to a calendar."""
    event = registration.event
    sessions = [
        seat.session
        for seat in registration.seats.filter(state="confirmed").select_related("session__event")
    ]
    ics = calendar([event], translated(event, "title")[0], sessions=sessions)
    _send(
        registration,
        "confirmed",
        "registration_confirmed",
        attachments=[(f"{event.slug}.ics", ics, "text/calendar")],
        seats=registration.seats.select_related("session").exclude(state="released"),
    )


def waiting(registration, position: int | None) -> None:
    _send(registration, "waiting", "registration_waiting", position=position)


def pending(registration) -> None:
    _send(registration, "pending", "registration_pending")


def declined(registration) -> None:
    _send(registration, "declined", "registration_declined")


def offered(registration) -> None:
    _send(
        registration,
        f"offer:{registration.offer_expires_at:%Y%m%d%H%M}",
        "registration_offer",
        deadline=registration.offer_expires_at,
    )


def offer_lapsed(registration) -> None:
    _send(registration, "offer-lapsed", "registration_offer_lapsed")


def seat_offered(seat) -> None:
    registration = seat.registration
    _send(
        registration,
        f"seat:{seat.pk}:offer:{seat.offer_expires_at:%Y%m%d%H%M}",
        "registration_seat_offer",
        session=seat.session,
        deadline=seat.offer_expires_at,
    )


def cancelled(registration) -> None:
    _send(registration, "cancelled", "registration_cancelled")


def message(registration, message) -> None:
    _send(registration, f"message:{message.pk}", "registration_message", message=message)
