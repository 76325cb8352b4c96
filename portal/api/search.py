"""`/api/v1/search/`: the site search for other sites, mixed results with their kind.

The same engine and ranking as the search page (portal.search): one list of every kind,
counts per kind, the passage that matched, and a "did you mean" when a word was unknown.
"""

from collections import OrderedDict

from django.conf import settings
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from portal.core.api.fields import absolute_url
from portal.core.api.filters import SEARCH_MAX_LENGTH, search_text
from portal.core.api.pagination import PublicPagination
from portal.core.api.schema import INVALID, PROBLEM
from portal.core.api.views import PublicViewSet
from portal.core.models import SearchEntry
from portal.core.search.query import parse
from portal.search.kinds import BY_SLUG, KINDS
from portal.search.results import search

KIND_CHOICES = [kind.slug for kind in KINDS]


class SearchResultSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=KIND_CHOICES, help_text="What the result is.")
    title = serializers.CharField(help_text="In the language asked for, or its fallback.")
    url = serializers.URLField(help_text="Its page on the portal (a document: its file).")
    api_url = serializers.URLField(
        allow_null=True, help_text="The object in this API, where it has an endpoint."
    )
    snippet = serializers.CharField(
        help_text="The passage that matched, as HTML: the text escaped, the matched words "
        "in <mark>."
    )
    date = serializers.DateField(allow_null=True)
    place = serializers.CharField()
    score = serializers.FloatField(help_text="Higher is a better match; only for ordering.")

    def to_representation(self, hit):
        kind = hit.kind
        url = hit.url
        if not url.startswith(("http://", "https://")):
            url = settings.SITE_URL + url
        api_url = None
        if kind.api_url_name:
            api_url = absolute_url(
                kind.api_url_name, hit.object_id if kind.api_lookup == "pk" else hit.slug
            )
        return {
            "kind": kind.slug,
            "title": hit.title,
            "url": url,
            "api_url": api_url,
            "snippet": str(hit.snippet),
            "date": hit.date.isoformat() if hit.date else None,
            "place": hit.place,
            "score": round(hit.score, 4),
        }


class SearchPagination(PublicPagination):
    """Pages of results, with the counts per kind and the suggestion beside them."""

    def get_paginated_response(self, data, *, counts=None, suggestion=None):
        return Response(
            OrderedDict(
                count=self.page.paginator.count,
                counts=counts or {},
                suggestion=suggestion,
                next=self.get_next_link(),
                previous=self.get_previous_link(),
                results=data,
            )
        )

    def get_paginated_response_schema(self, schema):
        paged = super().get_paginated_response_schema(schema)
        paged["properties"]["counts"] = {
            "type": "object",
            "additionalProperties": {"type": "integer"},
            "description": "Results of each kind that has any, whatever `kind` asks for.",
        }
        paged["properties"]["suggestion"] = {
            "type": "string",
            "nullable": True,
            "description": "The query with unknown words replaced by the portal's nearest "
            "ones, or null when every word is known.",
        }
        paged["required"] = [*paged.get("required", []), "counts", "suggestion"]
        return paged


class SearchViewSet(PublicViewSet):
    """Everything public the words find, best first: projects, regions, organisations,
    events, good practices, news, cooperations and milestones, documents (with the text
    of their PDFs), R&I infrastructures, approved action plans and themes."""

    queryset = SearchEntry.objects.none()
    filter_backends = []
    serializer_class = SearchResultSerializer
    pagination_class = SearchPagination

    @extend_schema(
        parameters=[
            OpenApiParameter(
                "q",
                {"type": "string", "maxLength": SEARCH_MAX_LENGTH},
                required=True,
                description="The words to look for, as in the site search: in every "
                "language (the one asked for ranks first), accents and case ignored, typos "
                "corrected from the portal's vocabulary.",
            ),
            OpenApiParameter("kind", str, enum=KIND_CHOICES, description="Only this kind."),
        ],
        responses={
            200: SearchResultSerializer(many=True),
            400: INVALID,
            401: PROBLEM,
            404: PROBLEM,
            406: PROBLEM,
            429: PROBLEM,
        },
    )
    def list(self, request, *args, **kwargs):
        return self._cached(self._list, request, *args, **kwargs)

    def _list(self, request, *args, **kwargs):
        text = search_text(request, "q")
        if not text:
            raise ValidationError({"q": [_("Give the words to search for.")]})
        kind_slug = request.query_params.get("kind", "")
        if kind_slug and kind_slug not in BY_SLUG:
            raise ValidationError(
                {
                    "kind": [
                        _("There is no kind “%(value)s”; use one of %(kinds)s.")
                        % {"value": kind_slug, "kinds": ", ".join(KIND_CHOICES)}
                    ]
                }
            )
        query = parse(text)
        results = search(
            query,
            (get_language() or "en")[:2],
            BY_SLUG.get(kind_slug),
            number=request.query_params.get("page"),
            per_page=self.paginator.get_page_size(request),
        )
        page = self.paginate_queryset(results.hits)
        return self.paginator.get_paginated_response(
            SearchResultSerializer(page, many=True).data,
            counts={item.kind.slug: item.count for item in results.counts},
            suggestion=query.suggestion or None,
        )
