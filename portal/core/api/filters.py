"""Filtering, full-text search and ordering for the public API, strict about bad input.

A filter value, a search or an ordering the API cannot honour is answered with 400 and a
message naming the parameter, never ignored: a client that misspells a slug should not get
every row back and believe it got the filtered ones.
"""

import datetime
import re

import django_filters
from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Subquery
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend, OrderingFilter

from portal.core.models import SearchEntry
from portal.core.search import engine
from portal.core.search.query import parse

SEARCH_MAX_LENGTH = 200


class SlugFilter(django_filters.ModelChoiceFilter):
    """A related object named by its slug; an unknown slug is refused by name."""

    def __init__(self, *args, what: str, **kwargs):
        kwargs.setdefault("to_field_name", "slug")
        kwargs.setdefault(
            "error_messages",
            {"invalid_choice": _("There is no %(what)s “%%(value)s”.") % {"what": what}},
        )
        super().__init__(*args, **kwargs)


class _UtcDateTimeField(django_filters.fields.IsoDateTimeField):
    def to_python(self, value):
        value = super().to_python(value)
        if value is None:
            return None
        # In UTC before it reaches PostgreSQL, which refuses offsets Python takes (+23:00).
        try:
            return value.astimezone(datetime.UTC)
        except OverflowError:
            raise forms.ValidationError(_("Give a time within the years 1 to 9999.")) from None


class DateTimeFilter(django_filters.IsoDateTimeFilter):
    """An ISO 8601 time (a date alone means its midnight, in the portal's time zone)."""

    field_class = _UtcDateTimeField


def search_text(request, param: str = "search") -> str:
    """The `search` parameter, stripped; a 400 naming the problem if it cannot be searched."""
    query = request.query_params.get(param, "").strip()
    if len(query) > SEARCH_MAX_LENGTH:
        raise ValidationError(
            {
                param: [
                    _("Search for at most %(max)d characters, not %(length)d.")
                    % {"max": SEARCH_MAX_LENGTH, "length": len(query)}
                ]
            }
        )
    if "\x00" in query:
        raise ValidationError({param: [_("Null characters are not allowed.")]})
    return query


class FullTextSearchFilter(BaseFilterBackend):
    """`search`: the site search's engine (portal.core.search), best matches first.

    Rows are found through their search entries, so the API finds what the search page
    finds: the same words, languages, typo corrections and ranking.
    """

    param = "search"

    def filter_queryset(self, request, queryset, view):
        text = search_text(request, self.param)
        if not text:
            return queryset
        query = parse(text)
        if not query:
            return queryset.none()  # punctuation only: no word to look for
        language = (get_language() or "en")[:2]
        content_type = ContentType.objects.get_for_model(queryset.model)
        matching = engine.matching(query, [content_type.pk])
        score = (
            SearchEntry.objects.filter(content_type=content_type, object_id=OuterRef("pk"))
            .annotate(score=engine.score(query, language))
            .values("score")[:1]
        )
        return (
            queryset.filter(pk__in=matching.values("object_id"))
            .annotate(_search_score=Subquery(score))
            .order_by(F("_search_score").desc(nulls_last=True), "pk")
        )

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.param,
                "required": False,
                "in": "query",
                "description": "Words to look for, as in the site search: in every language "
                "(the one asked for ranks first), accents and case ignored, typos corrected "
                "from the portal's vocabulary; best matches first unless `ordering` is given.",
                "schema": {"type": "string", "maxLength": SEARCH_MAX_LENGTH},
            }
        ]


class StrictOrderingFilter(OrderingFilter):
    """`ordering`: a comma-separated list of the view's `ordering_fields`, '-' for descending."""

    def remove_invalid_fields(self, queryset, fields, view, request):
        valid = {name for name, _label in self.get_valid_fields(queryset, view)}
        unknown = [field for field in fields if field.removeprefix("-") not in valid]
        if unknown:
            raise ValidationError(
                {
                    self.ordering_param: [
                        _("Cannot order by %(unknown)s; use %(valid)s.")
                        % {"unknown": ", ".join(unknown), "valid": ", ".join(sorted(valid))}
                    ]
                }
            )
        return fields

    def get_default_ordering(self, view):
        if view.request.query_params.get(FullTextSearchFilter.param, "").strip():
            return None  # the search's own order, best matches first
        return super().get_default_ordering(view)

    def filter_queryset(self, request, queryset, view):
        ordering = self.get_ordering(request, queryset, view)
        if not ordering:
            return queryset
        # The primary key last, so rows that tie keep their place from one page to the next.
        return queryset.order_by(*ordering, "pk")

    def get_schema_operation_parameters(self, view):
        names = "|".join(re.escape(name) for name in view.ordering_fields)
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": "Comma-separated fields to order by, '-' before a field for "
                f"descending: {', '.join(view.ordering_fields)}.",
                "schema": {"type": "string", "pattern": f"^-?({names})(,-?({names}))*$"},
            }
        ]
