import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from events import selectors
from events.filters import EventFilter
from events.ical import calendar
from events.models import Event, Session
from events.rules import can
from events.seo import event_json_ld
from portal.core.cache import public_page
from portal.core.i18n import translated
from portal.core.lists import filtered_list
from portal.core.middleware import csp_images_from

RECENT_WHEN_NONE_COMING = 6


@public_page
def event_list(request):
    past = request.GET.get("when") == "past"
    base = selectors.past() if past else selectors.upcoming()
    filtering = any(request.GET.get(name) for name in EventFilter.base_filters)
    recent = []
    if not past and not filtering and not base.exists():
        # Nothing is planned: say so, and show what happened last instead of an empty page.
        recent = selectors.past()[:RECENT_WHEN_NONE_COMING]
    return filtered_list(
        request,
        EventFilter(request.GET or None, queryset=base),
        template="events/list.html",
        fragment="events/fragment_results.html",
        context={
            "past": past,
            "filtering": filtering,
            "recent": recent,
            "hidden_fields": [("when", "past")] if past else [],
        },
    )


def get_event(slug):
    try:
        return selectors.event_detail(slug)
    except Event.DoesNotExist:
        raise Http404("No event with that address.") from None


@csp_images_from("MAP_TILE_URL")  # outside public_page: a cached page needs the tiles too
@public_page
def event_detail(request, slug):
    event = get_event(slug)
    days = selectors.timetable(event)
    return render(
        request,
        "events/detail.html",
        {
            "event": event,
            "json_ld": event_json_ld(event),
            "days": days,
            "demo_sessions": any(s.is_demo for s in event.sessions.all()),
            "availability": selectors.availability(event) if event.is_upcoming else None,
            "organiser": request.user.is_authenticated
            and can(request.user, "events.view_participants", event),
        },
    )


@public_page
def event_ics(request, slug):
    event = get_event(slug)
    if not event.has_exact_date:
        # A calendar entry needs a day; one made up would mislead whoever imports it.
        reason = _(
            "The date of “%(title)s” is known only as “%(when)s”, so there is no calendar"
            " entry to add."
        ) % {"title": translated(event, "title")[0], "when": event.when_display()}
        return render(request, "404.html", {"reason": reason}, status=404)
    response = HttpResponse(
        calendar([event], translated(event, "title")[0]),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


FEED_LIMIT = 500


@public_page
def event_calendar(request):
    """The events the list page shows, with its filters, as a calendar to subscribe to."""
    past = request.GET.get("when") == "past"
    base = selectors.past() if past else selectors.upcoming()
    filterset = EventFilter(request.GET, queryset=base)
    if not filterset.is_valid():
        return _bad_filter(filterset)
    name = " – ".join([_("Events"), *_chosen(filterset)])
    with_sessions = request.GET.get("sessions", "0")
    if with_sessions not in ("0", "1"):
        return HttpResponse(
            _("sessions: give 1 to add each event's sessions, or 0."),
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    events = list(filterset.qs[:FEED_LIMIT])
    sessions = ()
    if with_sessions == "1":
        # For subscribers who follow the programmes: every session an entry of its own.
        sessions = Session.objects.filter(event__in=events).select_related("event")
    response = HttpResponse(
        calendar(events, name, refresh=datetime.timedelta(hours=1), sessions=sessions),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


WIDGET_SIZES = range(1, 21)


@xframe_options_exempt  # outside public_page: a cached response must keep the exemption
@public_page
def event_widget(request):
    """The next events of a project or region, for other sites to show in a frame."""
    filterset = EventFilter(request.GET, queryset=selectors.upcoming())
    if not filterset.is_valid():
        return _bad_filter(filterset)
    size = request.GET.get("limit", "5")
    if not size.isdecimal() or int(size) not in WIDGET_SIZES:
        return HttpResponse(
            _("limit: give a number from 1 to 20."), status=400, content_type="text/plain"
        )
    query = request.GET.copy()
    query.pop("limit", None)
    return render(
        request,
        "events/widget.html",
        {
            "events": filterset.qs[: int(size)],
            "heading": " – ".join([_("Upcoming events"), *_chosen(filterset)]),
            "more": query.urlencode(),
        },
    )


def _chosen(filterset) -> list[str]:
    """What the filters narrowed the events to, for a calendar's or a widget's heading."""
    data, labels = filterset.form.cleaned_data, []
    if data.get("project"):
        labels.append(data["project"].acronym)
    if data.get("region"):
        labels.append(translated(data["region"], "name")[0])
    return labels


def _bad_filter(filterset):
    problems = "; ".join(
        f"{field}: {' '.join(errors)}" for field, errors in filterset.errors.items()
    )
    return HttpResponse(problems, status=400, content_type="text/plain; charset=utf-8")
