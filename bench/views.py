"""The floors the portal's pages are measured against, served in the same process."""

from django.http import HttpResponse, JsonResponse

from events.models import Event


def bare(request):
    return HttpResponse("ok")


def events_values(request):
    rows = list(
        Event.objects.order_by("starts_at").values(
            "slug", "title", "starts_at", "ends_at", "city", "project__acronym", "region__name"
        )[:20]
    )
    return JsonResponse({"results": rows})
