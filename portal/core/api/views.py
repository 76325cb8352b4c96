"""The base of every public, read-only API resource."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny

from portal.core.api.caching import CachedResponseMixin
from portal.core.api.filters import FullTextSearchFilter, StrictOrderingFilter
from portal.core.api.pagination import PublicPagination
from portal.core.api.schema import LANGUAGES, PublicSchema

SLUG = r"[-a-zA-Z0-9_]+"


class PublicViewSet(CachedResponseMixin, viewsets.ReadOnlyModelViewSet):
    """Anyone may read; objects are found by slug; lists are paged, filtered and ordered.

    The project's default permission is IsAuthenticated, so an endpoint is public only by
    standing on this class: the partners' own endpoints that come later are closed unless
    they say otherwise.
    """

    permission_classes = [AllowAny]
    pagination_class = PublicPagination
    filter_backends = [DjangoFilterBackend, FullTextSearchFilter, StrictOrderingFilter]
    schema = PublicSchema()
    lookup_field = "slug"
    lookup_value_regex = SLUG
    ordering_fields: list[str] = []

    def filter_queryset(self, queryset):
        # Query parameters filter lists; an object named by its address is found as it is.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        # ?lang= outranks Accept-Language (which LocaleMiddleware has applied already).
        language = request.query_params.get("lang")
        if language is not None:
            if language not in LANGUAGES:
                raise ValidationError(
                    {
                        "lang": [
                            _("Ask for one of %(languages)s, not “%(value)s”.")
                            % {"languages": ", ".join(LANGUAGES), "value": language}
                        ]
                    }
                )
            translation.activate(language)
            request.LANGUAGE_CODE = language
