from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from events import selectors
from events.filters import EventFilter
from events.ical import calendar
from events.models import Event
from events.seo import event_json_ld
from portal.core.cache import public_page
from portal.core.i18n import translated
from portal.core.lists import filtered_list


@public_page
def event_list(request):
    past = request.GET.get("when") == "past"
    base = selectors.past() if past else selectors.upcoming()
    return filtered_list(
        request,
        EventFilter(request.GET or None, queryset=base),
        template="events/list.html",
        fragment="events/fragment_results.html",
        context={"past": past, "hidden_fields": [("when", "past")] if past else []},
    )


def _get(slug):
    try:
        return selectors.event_detail(slug)
    except Event.DoesNotExist:
        raise Http404("No event with that address.") from None


@public_page
def event_detail(request, slug):
    event = _get(slug)
    return render(request, "events/detail.html", {"event": event, "json_ld": event_json_ld(event)})


@public_page
def event_ics(request, slug):
    event = _get(slug)
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
