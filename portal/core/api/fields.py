"""Serializer fields for the public API: translated text, links, times in their own zone."""

from functools import lru_cache

from django.conf import settings
from django.urls import reverse
from django.utils.translation import get_language
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.core.i18n import translated

# A stand-in that fits a slug pattern and a number pattern alike, and no URL holds otherwise.
_MARK = "8642097531"


@lru_cache(maxsize=256)
def _pattern(view_name: str, language: str | None, site_url: str) -> tuple[str, str]:
    before, _, after = (site_url + reverse(view_name, args=[_MARK])).partition(_MARK)
    return before, after


def absolute_url(view_name: str, lookup) -> str:
    """SITE_URL + the path of `view_name` for `lookup`, in the active language's prefix.

    Reversing is the slowest part of writing a list of links, and every object of a kind
    has the same path around its slug: the path is reversed once per language.
    """
    before, after = _pattern(view_name, get_language(), settings.SITE_URL)
    return f"{before}{lookup}{after}"


@extend_schema_field(OpenApiTypes.STR)
class TranslatedField(serializers.Field):
    """A translated text in the language asked for, falling back as the pages do."""

    def __init__(self, field: str | None = None, **kwargs):
        self.field = field
        super().__init__(source="*", read_only=True, **kwargs)

    def bind(self, field_name, parent):
        super().bind(field_name, parent)
        self.field = self.field or field_name

    def to_representation(self, obj):
        return translated(obj, self.field)[0]


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """The absolute URL of a page or an API resource, found by the object's slug."""

    def __init__(self, view_name: str, lookup: str = "slug", **kwargs):
        self.view_name, self.lookup = view_name, lookup
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, obj):
        return absolute_url(self.view_name, getattr(obj, self.lookup))


class LocalDateTimeField(serializers.DateTimeField):
    """An ISO 8601 time in the zone it was given in (an event's own), not the server's."""

    def enforce_timezone(self, value):
        return value


class CoordinateField(serializers.DecimalField):
    """Latitude or longitude as a number, which is what map libraries take."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        super().__init__(max_digits=8, decimal_places=5, coerce_to_string=False, **kwargs)


class OptionalURLField(serializers.URLField):
    """A link that may be missing: null, rather than an empty string that is no URL."""

    def __init__(self, **kwargs):
        super().__init__(allow_null=True, **kwargs)

    def to_representation(self, value):
        return value or None
