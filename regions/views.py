from django.http import Http404
from django.shortcuts import render

from portal.core.cache import public_page
from portal.core.lists import filtered_list
from portal.core.middleware import csp_images_from
from regions import selectors
from regions.filters import InfrastructureFilter, OrganisationFilter, RegionFilter
from regions.models import Cooperation, Infrastructure, Organisation, Region


def _or_404(getter, slug, missing, what):
    try:
        return getter(slug)
    except missing:
        raise Http404(f"No {what} with that address.") from None


@public_page
def region_list(request):
    return filtered_list(
        request,
        RegionFilter(request.GET or None, queryset=selectors.region_list()),
        template="regions/list.html",
        fragment="regions/fragment_regions.html",
        per_page=50,
    )


@csp_images_from("MAP_TILE_URL")  # outside public_page: a cached page needs the tiles too
@public_page
def region_detail(request, slug):
    region = _or_404(selectors.region_detail, slug, Region.DoesNotExist, "region")
    partnerships = region.partnerships.select_related("project", "organisation").order_by(
        "project__acronym", "role", "organisation__name"
    )
    return render(
        request,
        "regions/detail.html",
        {
            "region": region,
            # Each project once, with the region's partners in it (two for Saxony-Anhalt's
            # S3Chem: the lead ministry and isw).
            "projects": selectors.by_project(partnerships),
            "documents": selectors.region_documents(region),
            "events": region.events.order_by("-starts_at")[:10],
        },
    )


@public_page
def organisation_list(request):
    return filtered_list(
        request,
        OrganisationFilter(request.GET or None, queryset=selectors.organisation_list()),
        template="regions/organisation_list.html",
        fragment="regions/fragment_organisations.html",
        per_page=50,
    )


@csp_images_from("MAP_TILE_URL")
@public_page
def organisation_detail(request, slug):
    organisation = _or_404(
        selectors.organisation_detail, slug, Organisation.DoesNotExist, "organisation"
    )
    partnerships = organisation.partnerships.select_related("project", "region").order_by(
        "project__acronym"
    )
    return render(
        request,
        "regions/organisation.html",
        {
            "organisation": organisation,
            "partnerships": partnerships,
            "events": organisation.events.select_related("region").order_by("-starts_at")[:10],
        },
    )


@public_page
def cooperation_list(request):
    return render(
        request, "regions/cooperation_list.html", {"cooperations": selectors.cooperation_list()}
    )


@public_page
def cooperation_detail(request, slug):
    cooperation = _or_404(
        selectors.cooperation_detail, slug, Cooperation.DoesNotExist, "cooperation"
    )
    return render(request, "regions/cooperation.html", {"cooperation": cooperation})


@public_page
def infrastructure_list(request):
    return filtered_list(
        request,
        InfrastructureFilter(request.GET or None, queryset=selectors.infrastructure_list()),
        template="regions/infrastructure_list.html",
        fragment="regions/fragment_infrastructures.html",
    )


@public_page
def infrastructure_detail(request, slug):
    infrastructure = _or_404(
        selectors.infrastructure_detail, slug, Infrastructure.DoesNotExist, "infrastructure"
    )
    return render(request, "regions/infrastructure.html", {"infrastructure": infrastructure})
