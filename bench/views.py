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


def dashboard_values(request):
    """What the monitoring dashboard reads, as the cheapest Django can give it: the
    project's reports with their region, period and state, and every action row's status
    and budget, read with .values() and returned as JSON."""
    from actionplans.models import ActionProgress, ProgressReport

    project = request.GET.get("project", "")
    reports = list(
        ProgressReport.objects.filter(period__project__slug=project).values(
            "pk", "state", "period__number", "plan__partnership__region__name"
        )
    )
    actions = list(
        ActionProgress.objects.filter(report__period__project__slug=project).values(
            "report_id", "status", "budget_spent", "estimated_cost"
        )
    )
    return JsonResponse({"reports": reports, "actions": actions})
