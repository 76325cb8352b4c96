import datetime
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django_countries import countries

from events.models import (
    Event,
    Person,
    Presentation,
    Registration,
    RegistrationSettings,
    Session,
    SessionSeat,
)
from events.models.registration import ORGANISATION_TYPES
from portal.core.models import OutgoingMail
from regions.models import Organisation

R = Registration.State


def public_events():
    return Event.objects.select_related("project", "region")


def upcoming(queryset=None):
    queryset = public_events() if queryset is None else queryset
    return queryset.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def past(queryset=None):
    queryset = public_events() if queryset is None else queryset
    return queryset.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def _people():
    return Person.objects.select_related("organisation").order_by("name")


def programme_sessions():
    """Sessions with everything the timetable shows, in a constant number of queries."""
    return Session.objects.prefetch_related(
        Prefetch("chairs", queryset=_people()),
        Prefetch(
            "presentations",
            queryset=Presentation.objects.prefetch_related(
                Prefetch("speakers", queryset=_people()), "documents"
            ),
        ),
        "documents",
    )


def event_detail(slug: str):
    return (
        public_events()
        .select_related("registration_settings")
        .annotate(places_taken=places_taken_subquery())
        .prefetch_related(
            Prefetch("organisers", queryset=Organisation.objects.order_by("name")),
            "documents",
            Prefetch("sessions", queryset=programme_sessions()),
        )
        .get(slug=slug)
    )


def places_taken_subquery():
    holding = (
        Registration.objects.filter(event=OuterRef("pk"), state__in=Registration.HOLDING)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(holding), 0)


def session_detail(slug: str, pk: int) -> Session:
    return programme_sessions().select_related("event__project").get(event__slug=slug, pk=pk)


@dataclass
class Slot:
    """Sessions that start together: one, or several in parallel."""

    starts_at: datetime.datetime
    ends_at: datetime.datetime
    sessions: list


@dataclass
class Day:
    date: datetime.date
    slots: list = field(default_factory=list)


def timetable(event: Event) -> list[Day]:
    """The event's sessions by day in its own time zone, and by starting time within a day."""
    sessions = sorted(event.sessions.all(), key=lambda s: (s.starts_at, s.track, s.pk))
    days = []
    tz = event.tz
    for date, of_day in groupby(sessions, key=lambda s: s.starts_at.astimezone(tz).date()):
        day = Day(date)
        for start, together in groupby(of_day, key=lambda s: s.starts_at):
            together = list(together)
            end = max(s.ends_at for s in together)
            day.slots.append(Slot(start.astimezone(tz), end.astimezone(tz), together))
        days.append(day)
    return days


@dataclass
class Availability:
    """What the public may know of an event's registration: never who registered."""

    slug: str
    status: str  # "open", "not_yet" or "closed"
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    capacity: int | None
    places_left: int | None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def is_full(self) -> bool:
        return self.places_left == 0


def availability(event: Event) -> Availability | None:
    """From an event read with `places_taken` annotated (event_detail, the API)."""
    try:
        config = event.registration_settings
    except RegistrationSettings.DoesNotExist:
        return None
    config.event = event
    left = None
    if config.capacity is not None:
        left = max(config.capacity - getattr(event, "places_taken", 0), 0)
    tz = event.tz
    return Availability(
        event.slug,
        config.status(),
        config.opens_at.astimezone(tz),
        config.closes_at.astimezone(tz),
        config.capacity,
        left,
    )


def selectable_sessions(event: Event):
    return (
        event.sessions.filter(selectable=True)
        .annotate(
            taken=Count("seats", filter=Q(seats__state__in=SessionSeat.HOLDING)),
        )
        .order_by("starts_at", "track", "pk")
    )


# --- Organisers ------------------------------------------------------------------------


def events_to_organise(user):
    """Events this user organises that take registrations, newest first."""
    from events.rules import can

    events = (
        Event.objects.filter(registration_settings__isnull=False)
        .select_related("project", "registration_settings")
        .annotate(
            places_taken=places_taken_subquery(),
            pending=Count("registrations", filter=Q(registrations__state=R.PENDING)),
            waiting=Count("registrations", filter=Q(registrations__state=R.WAITING)),
        )
        .order_by("-starts_at")
    )
    if user.is_staff:
        return list(events)
    return [event for event in events if can(user, "events.view_participants", event)]


def participants(event: Event):
    return (
        Registration.objects.filter(event=event)
        .exclude(state__in=[R.UNCONFIRMED])
        .select_related("region", "consent", "checked_in_by")
        .prefetch_related(
            Prefetch(
                "seats",
                queryset=SessionSeat.objects.exclude(state=SessionSeat.State.RELEASED)
                .select_related("session")
                .order_by("session__starts_at"),
            )
        )
        .order_by("name", "pk")
    )


def counts(event: Event) -> dict:
    """How many by state, country, type of organisation and session, for the list's head."""
    registrations = Registration.objects.filter(event=event).exclude(state=R.UNCONFIRMED)
    states = dict(
        registrations.order_by()
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    holding = registrations.filter(state__in=Registration.HOLDING)
    by_country = holding.order_by().values("country").annotate(n=Count("pk")).order_by("-n")
    by_type = holding.order_by().values("organisation_type").annotate(n=Count("pk")).order_by("-n")
    sessions = event.sessions.filter(selectable=True).annotate(
        confirmed=Count("seats", filter=Q(seats__state=SessionSeat.State.CONFIRMED)),
        offered=Count("seats", filter=Q(seats__state=SessionSeat.State.OFFERED)),
        waiting=Count("seats", filter=Q(seats__state=SessionSeat.State.WAITING)),
    )
    present = registrations.filter(checked_in_at__isnull=False).count()
    type_labels = dict(ORGANISATION_TYPES)
    return {
        "states": [(state, label, states.get(state, 0)) for state, label in R.choices],
        "total": sum(states.values()),
        "countries": [
            (row["country"], countries.name(row["country"]), row["n"]) for row in by_country
        ],
        "types": [
            (row["organisation_type"], type_labels.get(row["organisation_type"], ""), row["n"])
            for row in by_type
        ],
        "sessions": list(sessions.order_by("starts_at", "pk")),
        "present": present,
        "confirmed": states.get(R.CONFIRMED, 0),
    }


def waiting_positions(event: Event) -> dict[int, int]:
    waiting = Registration.objects.filter(event=event, state=R.WAITING).order_by(
        "waiting_since", "pk"
    )
    return {pk: n for n, pk in enumerate(waiting.values_list("pk", flat=True), start=1)}


def registration_data(registration: Registration) -> dict:
    """Everything the portal holds about a registrant, for them to download."""

    def when(moment):
        return moment.isoformat() if moment else None

    event = registration.event
    consent = registration.consent
    seats = registration.seats.select_related("session").order_by("session__starts_at")
    mails = OutgoingMail.objects.filter(key__startswith=f"registration:{registration.pk}:")
    return {
        "event": {"title": event.title_en or event.title, "slug": event.slug},
        "state": registration.state,
        "name": registration.name,
        "email": registration.email,
        "organisation": registration.organisation_name,
        "organisation_type": registration.organisation_type,
        "country": registration.country.code or None,
        "region": registration.region.slug if registration.region else None,
        "dietary_needs": list(registration.dietary),
        "allergies_or_other_needs": registration.dietary_note,
        "language": registration.language,
        "consent": {
            "version": consent.version,
            "text": {lang: getattr(consent, f"text_{lang}") for lang in ("en", "nl", "de")},
        }
        if consent
        else None,
        "sessions": [
            {"session": seat.session.title_en or seat.session.title, "state": seat.state}
            for seat in seats
        ],
        "registered_at": when(registration.created_at),
        "email_confirmed_at": when(registration.confirmed_at),
        "waiting_since": when(registration.waiting_since),
        "offer_expires_at": when(registration.offer_expires_at),
        "cancelled_at": when(registration.cancelled_at),
        "checked_in_at": when(registration.checked_in_at),
        "mails": [
            {"subject": mail.subject, "state": mail.state, "queued_at": when(mail.created_at)}
            for mail in mails.order_by("created_at")
        ],
    }
