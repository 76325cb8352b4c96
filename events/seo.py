from django.conf import settings
from django.urls import reverse

from events.models import Event
from portal.core.i18n import translated

_STATUS = "https://schema.org/EventScheduled"


def _iso(event, moment) -> str:
    """A date no more precise than it is known: ISO 8601 allows "2017-03" and "2017".

    A season has no form of its own that search engines read, so it is given as its year.
    """
    if event.date_precision == Event.Precision.MONTH:
        return f"{moment.year:04d}-{moment.month:02d}"
    if event.date_precision != Event.Precision.DAY:
        return f"{moment.year:04d}"
    return moment.date().isoformat() if event.all_day else moment.isoformat()


def event_json_ld(event) -> dict:
    """schema.org Event for the event page."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": translated(event, "title")[0],
        "description": translated(event, "summary")[0],
        "eventStatus": _STATUS,
        "eventAttendanceMode": "https://schema.org/"
        + ("OnlineEventAttendanceMode" if event.is_online else "OfflineEventAttendanceMode"),
        "url": settings.SITE_URL + reverse("events:detail", args=[event.slug]),
    }
    data["startDate"] = _iso(event, event.local_start)
    data["endDate"] = _iso(event, event.local_end)
    if event.city:
        data["location"] = {
            "@type": "Place",
            "name": translated(event, "venue")[0] or event.city,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": event.address,
                "addressLocality": event.city,
                "addressCountry": str(event.country),
            },
        }
    organisers = [
        {"@type": "Organization", "name": translated(o, "name")[0], "url": o.website or None}
        for o in event.organisers.all()
    ]
    if organisers:
        data["organizer"] = organisers
    return data
