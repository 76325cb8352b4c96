from django.conf import settings
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from events import selectors as events
from news.selectors import published_articles
from portal import search as site_search
from portal.core.cache import public_page
from portal.core.pagination import paginate
from portal.forms import SearchForm
from projects import selectors as projects
from regions.models import Organisation, Region


@public_page
def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "projects": projects.project_list().order_by("acronym"),
            "upcoming": events.upcoming()[:4],
            "recent_events": events.past()[:4],
            "articles": published_articles()[:3],
            "practices": projects.public_practices().select_related("region")[:3],
        },
    )


@public_page
def network_map(request):
    regions = Region.objects.filter(latitude__isnull=False).order_by("name")
    organisations = (
        Organisation.objects.filter(partnerships__isnull=False)
        .select_related("region")
        .distinct()
        .order_by("name")
    )
    return render(
        request,
        "portal/map.html",
        {
            "regions": regions,
            "organisations": organisations,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
    )


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "portal/search.html", {"form": form}, status=400)
    query = form.cleaned_data["q"]
    page = paginate(request, site_search.run(query))
    site_search.highlight(page.object_list, query)
    return render(
        request, "portal/search.html", {"form": form, "search_query": query, "page": page}
    )


def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /en/admin/",
        "Disallow: /nl/admin/",
        "Disallow: /de/admin/",
    ]
    lines.append(f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


@never_cache
def healthz(request):
    """For load balancers and docker-compose: the database answers, or this fails."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})
