from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from events.models import Event
from projects.models import Project


def home(request):
    projects = Project.objects.select_related("programme").order_by("acronym")
    events = Event.objects.select_related("project").order_by("-starts_at")[:5]
    return render(request, "portal/home.html", {"projects": projects, "events": events})


@never_cache
def healthz(request):
    """For load balancers and docker-compose: the database answers, or this fails."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
