"""Filterable lists, rendered whole for a visit and as their results fragment for htmx."""

from django.shortcuts import render

from portal.core.pagination import PAGE_SIZE, paginate


def filtered_list(request, filterset, *, template, fragment, per_page=PAGE_SIZE, context=None):
    """A filtered, paginated list page; htmx (HX-Request) asks for `fragment` only.

    Filters that do not validate answer 400 with their errors inside the fragment, so a
    visitor sees them whether the whole page was loaded or only the results were swapped.
    A filterset that counts its options (portal.core.facets) counts them for the whole page.
    """
    invalid = filterset.is_bound and not filterset.is_valid()
    page = paginate(request, filterset.qs, per_page)
    if hasattr(filterset, "count_options"):
        filterset.count_options()
    return render(
        request,
        fragment if request.headers.get("HX-Request") else template,
        {"filter": filterset, "page": page, **(context or {})},
        status=400 if invalid else 200,
    )
