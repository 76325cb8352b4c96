"""A session's own page and calendar file."""

from django.http import Http404, HttpResponse
from django.shortcuts import render

from events import selectors
from events.ical import calendar
from events.models import Session
from portal.core.cache import public_page
from portal.core.i18n import translated


def _session(slug, pk) -> Session:
    try:
        return selectors.session_detail(slug, pk)
    except Session.DoesNotExist:
        raise Http404("No such session in this event's programme.") from None


@public_page
def session_detail(request, slug, pk):
    session = _session(slug, pk)
    return render(request, "events/session.html", {"session": session, "event": session.event})


@public_page
def session_ics(request, slug, pk):
    session = _session(slug, pk)
    response = HttpResponse(
        calendar([], translated(session, "title")[0], sessions=[session]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{session.event.slug}-{pk}.ics"'
    return response
