"""Events and their sessions as iCalendar (RFC 5545), for "add to calendar" links, feeds and
the file a confirmed registrant receives."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from icalendar import Calendar, vDuration
from icalendar import Event as VEvent

from portal.core.i18n import translated


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "portal"


def _uid(event) -> str:
    # Stable across edits and languages, so calendars update the entry instead of adding one.
    return f"event-{event.pk}@{_host()}"


def _vevent(event) -> VEvent:
    vevent = VEvent()
    vevent.add("uid", _uid(event))
    vevent.add("dtstamp", event.updated_at)
    vevent.add("summary", translated(event, "title")[0])
    if event.all_day:
        vevent.add("dtstart", event.local_start.date())
        # DTEND of an all-day event is exclusive: the day after the last day.
        vevent.add("dtend", event.local_end.date() + datetime.timedelta(days=1))
    else:
        vevent.add("dtstart", event.local_start)
        vevent.add("dtend", event.local_end)
    place = ", ".join(p for p in (translated(event, "venue")[0], event.address, event.city) if p)
    if place:
        vevent.add("location", place)
    summary = translated(event, "summary")[0]
    if summary:
        vevent.add("description", summary)
    vevent.add("url", settings.SITE_URL + reverse("events:detail", args=[event.slug]))
    return vevent


def _session_vevent(session) -> VEvent:
    event = session.event
    vevent = VEvent()
    vevent.add("uid", f"session-{session.pk}@{_host()}")
    vevent.add("dtstamp", session.updated_at)
    title = translated(session, "title")[0]
    vevent.add("summary", f"{title} – {translated(event, 'title')[0]}")
    vevent.add("dtstart", session.local_start)
    vevent.add("dtend", session.local_end)
    place = ", ".join(
        p
        for p in (
            translated(session, "room")[0],
            session.address,
            translated(event, "venue")[0],
            event.city,
        )
        if p
    )
    if place:
        vevent.add("location", place)
    description = translated(session, "description")[0]
    if description:
        vevent.add("description", description)
    vevent.add("url", settings.SITE_URL + reverse("events:session", args=[event.slug, session.pk]))
    return vevent


def calendar(events, name: str, *, refresh: datetime.timedelta | None = None, sessions=()) -> bytes:
    """A calendar of `events` and `sessions`; `refresh` tells subscribers how often to fetch
    it again."""
    cal = Calendar()
    cal.add("prodid", "-//Innovation cooperation portal//events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    if refresh:
        # RFC 7986's property, and the one Outlook reads.
        cal.add("refresh-interval", refresh, parameters={"VALUE": "DURATION"})
        cal.add("x-published-ttl", vDuration(refresh))
    for event in events:
        # A calendar entry needs a day; one made up for an event known only by its month,
        # season or year would mislead whoever subscribes. Its page says what is known.
        if event.has_exact_date:
            cal.add_component(_vevent(event))
    for session in sessions:
        cal.add_component(_session_vevent(session))
    cal.add_missing_timezones()
    return cal.to_ical()
