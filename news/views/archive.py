"""The public archive of sent issues: each one's web version, in the page's language."""

from django.http import Http404
from django.shortcuts import render

from news import selectors
from news.models import Issue
from portal.core.cache import public_page
from portal.core.pagination import paginate


@public_page
def archive(request):
    return render(
        request,
        "news/newsletter/archive.html",
        {"page": paginate(request, selectors.published_issues().select_related("project"))},
    )


@public_page
def archive_detail(request, pk):
    try:
        issue = selectors.published_issues().select_related("project").get(pk=pk)
    except Issue.DoesNotExist:
        raise Http404("No issue of the newsletter with that number has been sent.") from None
    return render(
        request,
        "news/newsletter/web_version.html",
        {"issue": issue, "items": selectors.issue_items(issue)},
    )
