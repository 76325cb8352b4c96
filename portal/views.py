import sys
from urllib.parse import urlencode

import kombu.exceptions
import redis.exceptions
from django import db
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import connection
from django.http import HttpResponse, HttpResponsePermanentRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt

from events import selectors as events
from news.selectors import published_articles
from portal import health
from portal.core.cache import public_page
from portal.core.middleware import csp_images_from
from portal.core.pagination import paginate
from portal.core.search.query import parse
from portal.forms import MapFilterForm, SearchForm
from portal.search import results as site_search
from portal.search.kinds import BY_SLUG
from projects import selectors as projects
from regions import selectors as regions
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
            "cooperations": regions.cooperation_list()[:3],
        },
    )


@csp_images_from("MAP_TILE_URL")  # outside public_page: a cached page needs the tiles too
@public_page
def network_map(request):
    """Every organisation and region with a point, by role; `?project=` narrows to one
    project's partners and regions."""
    project_list = list(projects.project_list().order_by("acronym"))
    form = MapFilterForm(request.GET or None, projects=project_list)
    chosen = form.cleaned_data["project"] if form.is_valid() else ""
    organisations = Organisation.objects.select_related("region").order_by("name")
    regions = Region.objects.filter(latitude__isnull=False).order_by("name")
    if chosen:
        organisations = organisations.filter(partnerships__project__slug=chosen).distinct()
        regions = regions.filter(partnerships__project__slug=chosen).distinct()
    roles = projects.roles_by_organisation(project=chosen or None)
    places = [(organisation, roles.get(organisation.pk, "other")) for organisation in organisations]
    return render(
        request,
        "portal/map.html",
        {
            "form": form,
            "regions": regions,
            "places": places,
            "tile_url": settings.MAP_TILE_URL,
            "tile_attribution": settings.MAP_TILE_ATTRIBUTION,
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


@public_page
def use_our_data(request):
    """How partner sites and aggregators reuse the portal's data: API, feeds and widget."""
    project_list = projects.project_list().order_by("acronym")
    regions = Region.objects.order_by("name")
    # The widget example follows the project or region picked in the page's little form.
    chosen = {
        key: request.GET[key]
        for key, queryset in (("project", project_list), ("region", regions))
        if request.GET.get(key) and queryset.filter(slug=request.GET[key]).exists()
    } or {"project": project_list.values_list("slug", flat=True).first() or ""}
    widget = f"{settings.SITE_URL}{reverse('events:widget')}?{urlencode(chosen)}"
    return render(
        request,
        "portal/use_our_data.html",
        {
            "projects": project_list,
            "regions": regions,
            "chosen": chosen,
            "widget_url": widget,
            "rates": settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
            "max_age": settings.API_MAX_AGE,
        },
    )


def _language() -> str:
    return (get_language() or "en")[:2]


def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "portal/search.html", {"form": form}, status=400)
    text = form.cleaned_data["q"]
    context = {"form": form, "search_query": text}
    if text:
        query = parse(text)
        results = site_search.search(
            query,
            _language(),
            BY_SLUG.get(form.cleaned_data["kind"] or ""),
            number=request.GET.get("page"),
        )
        context.update(query=query, results=results, page=paginate(request, results.hits))
    return render(request, "portal/search.html", context)


def search_suggestions(request):
    """The header field's suggestions as the visitor types: a few titles, as <li> options.

    Whatever is typed gets an answer, empty when there is nothing to suggest: the field
    must never show an error while someone is still typing.
    """
    form = SearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    query = parse(text) if text else None
    hits = site_search.suggestions(query, _language()) if query else []
    return render(request, "portal/fragment_suggestions.html", {"hits": hits, "search_query": text})


def login_redirect(request):
    """The admin's and the browsable API's login pages send to the portal's, which brings
    the visitor back (with the lockout and the second factor on the way)."""
    return redirect_to_login(request.GET.get("next") or reverse("home"))


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
    """Liveness, for load balancers: the process serves and its database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@never_cache
def readyz(request):
    """Readiness, for docker-compose: the database, Redis, the migrations and a worker."""
    checks = health.readiness()
    failed = [name for name, state in checks.items() if state != health.OK]
    if failed:
        return JsonResponse(
            {"status": "unavailable", "failed": failed, "checks": checks}, status=503
        )
    return JsonResponse({"status": "ready", "checks": checks})


def _api(request) -> bool:
    return request.path.startswith("/api/")


API_NOT_FOUND = {"detail": "No API endpoint at this address."}


# Exempt as the 404 it stands for was: it changes nothing, and a write to a wrong address
# should learn that the address is wrong, not that a CSRF token is missing.
@csrf_exempt
def api_not_found(request):
    """An address under /api/ that no endpoint answers, as JSON.

    A route rather than handler404 alone: with DEBUG on (as `./dev run` has it) Django
    answers a missing route with its own HTML page and never asks handler404.
    """
    path = request.path_info
    if settings.APPEND_SLASH and not path.endswith("/"):
        # This route matches everything, so CommonMiddleware no longer sees the 404 it
        # would add the slash for: the same redirect, done here.
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not api_not_found:
            return HttpResponsePermanentRedirect(request.get_full_path(force_append_slash=True))
    return JsonResponse(API_NOT_FOUND, status=404)


def not_found(request, exception):
    # API clients get JSON at every address under /api/, even one no endpoint answers.
    if _api(request):
        return JsonResponse(API_NOT_FOUND, status=404)
    return defaults.page_not_found(request, exception)


# A part the portal stands on does not answer: the database (restarting, failed over, out of
# connections) or Redis where it cannot fail open (a task's dispatch). Each passes by itself,
# so the answer is 503 with a time to try again, not a 500 that says the portal is broken.
UNAVAILABLE = (
    db.OperationalError,
    db.InterfaceError,
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    kombu.exceptions.OperationalError,
)
RETRY_AFTER = 10


def server_error(request):
    """handler500. Called while Django handles the exception, so sys.exc_info() holds it."""
    if isinstance(sys.exc_info()[1], UNAVAILABLE):
        if _api(request):
            response = JsonResponse(
                {"detail": "The service is briefly unavailable. Try again in a moment."},
                status=503,
            )
        else:
            # Rendered without a request: the context processors would ask the database.
            response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    if _api(request):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request)
