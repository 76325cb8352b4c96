from django.core.paginator import Paginator

PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = PAGE_SIZE):
    """The requested page; a page number past the end or not a number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))
