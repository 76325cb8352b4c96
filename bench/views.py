"""The floors the portal's pages are measured against, served in the same process."""

from django.http import HttpResponse, JsonResponse

from events.models import Event


def bare(request):
    return HttpResponse("ok")


def events_values(request):
    """The first page of /api/v1/events/ as the cheapest Django can give it: the same 20
    events in the same order, the same columns, project and region joined in."""
    rows = list(
        Event.objects.order_by("starts_at", "pk").values(
            "slug",
            "title_en",
            "type",
            "starts_at",
            "ends_at",
            "all_day",
            "date_precision",
            "timezone",
            "venue_en",
            "address",
            "city",
            "country",
            "is_online",
            "summary_en",
            "agenda_en",
            "website",
            "project__slug",
            "project__acronym",
            "region__slug",
            "region__name_en",
        )[:20]
    )
    return JsonResponse({"count": Event.objects.count(), "results": rows})
