from django.conf import settings
from django.urls import reverse

from portal.core.i18n import translated

_STATUS = "https://schema.org/EventScheduled"


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
    if event.all_day:
        data["startDate"] = event.local_start.date().isoformat()
        data["endDate"] = event.local_end.date().isoformat()
    else:
        data["startDate"] = event.local_start.isoformat()
        data["endDate"] = event.local_end.isoformat()
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
