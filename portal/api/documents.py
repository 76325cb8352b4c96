"""Documents in the public API.

Documents hang off models on every floor of the house plan (a generic relation), so only
the shell, which may import every app, knows them all: this endpoint lives here. Only the
owners listed in OWNERS are public; a document on anything else never shows.
"""

import operator
from functools import reduce

import django_filters
from django.conf import settings
from django.contrib.contenttypes.prefetch import GenericPrefetch
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events.models import Event
from portal.core.api.fields import LinkField, TranslatedField, absolute_url
from portal.core.api.views import PublicViewSet
from portal.core.i18n import translated
from portal.core.models import Document
from projects.models import Project
from regions.models import Cooperation, Infrastructure, Milestone, Organisation, Region, Strategy


def _slug(obj):
    return obj.slug


# owner type: model, queryset the owners are read with, page, owner -> page slug, API view
OWNERS = {
    "region": (Region, Region.objects.all(), "regions:detail", _slug, "api:region-detail"),
    "strategy": (
        Strategy,
        Strategy.objects.select_related("region"),
        "regions:detail",
        lambda strategy: strategy.region.slug,
        None,
    ),
    "organisation": (
        Organisation,
        Organisation.objects.all(),
        "regions:organisation",
        _slug,
        "api:organisation-detail",
    ),
    "cooperation": (
        Cooperation,
        Cooperation.objects.all(),
        "regions:cooperation",
        _slug,
        "api:cooperation-detail",
    ),
    "milestone": (
        Milestone,
        Milestone.objects.select_related("cooperation"),
        "regions:cooperation",
        lambda milestone: milestone.cooperation.slug,
        None,
    ),
    "infrastructure": (
        Infrastructure,
        Infrastructure.objects.all(),
        "regions:infrastructure",
        _slug,
        "api:infrastructure-detail",
    ),
    "project": (Project, Project.objects.all(), "projects:detail", _slug, "api:project-detail"),
    "event": (Event, Event.objects.all(), "events:detail", _slug, "api:event-detail"),
}
_TYPE_OF = {model: kind for kind, (model, *_rest) in OWNERS.items()}
# Each owner's name: a title or a name, translated.
_NAME_FIELD = {Strategy: "title", Milestone: "title", Project: "title", Event: "title"}


class OwnerSerializer(serializers.Serializer):
    type = serializers.ChoiceField(choices=[(kind, kind) for kind in OWNERS])
    name = serializers.CharField()
    url = serializers.URLField(help_text=_("The page that shows the document."))
    api_url = serializers.URLField(allow_null=True)

    def to_representation(self, owner):
        kind = _TYPE_OF[type(owner)]
        _model, _queryset, page, slug, api_view = OWNERS[kind]
        return {
            "type": kind,
            "name": translated(owner, _NAME_FIELD.get(type(owner), "name"))[0],
            "url": absolute_url(page, slug(owner)),
            "api_url": absolute_url(api_view, owner.slug) if api_view else None,
        }


@extend_schema_field(OpenApiTypes.URI)
class FileUrlField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, document):
        href = document.href
        return settings.SITE_URL + href if href.startswith("/") else href


class DocumentSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = TranslatedField()
    kind = serializers.ChoiceField(choices=Document.Kind.choices)
    language = serializers.CharField(help_text=_("Language of the document, or empty."))
    published_on = serializers.DateField(allow_null=True)
    file_url = FileUrlField(help_text=_("The file on the portal, or a link elsewhere."))
    is_placeholder = serializers.BooleanField(
        help_text=_("A stand-in the demo content made for a document it does not hold.")
    )
    owner = OwnerSerializer()
    api_url = LinkField("api:document-detail", lookup="pk")


def _owned_by(model) -> Q:
    # By name rather than by ContentType row, so building the query needs no database.
    return Q(
        content_type__app_label=model._meta.app_label, content_type__model=model._meta.model_name
    )


class DocumentFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Document.Kind.choices)
    language = django_filters.ChoiceFilter(choices=settings.LANGUAGES)
    owner_type = django_filters.ChoiceFilter(
        choices=[(kind, kind) for kind in OWNERS], method="filter_owner_type"
    )

    class Meta:
        model = Document
        fields = ["kind", "language", "owner_type"]

    def filter_owner_type(self, queryset, name, value):
        return queryset.filter(_owned_by(OWNERS[value][0]))


class DocumentViewSet(PublicViewSet):
    """Strategies, reports, declarations and other documents, with the page they are on."""

    serializer_class = DocumentSerializer
    filterset_class = DocumentFilter
    lookup_field = "pk"
    lookup_value_regex = r"[0-9]+"
    ordering_fields = ["published_on", "title"]
    ordering = ["-published_on", "title"]

    def get_queryset(self):
        public = reduce(operator.or_, (_owned_by(model) for model, *_rest in OWNERS.values()))
        owners = [queryset for _model, queryset, *_rest in OWNERS.values()]
        return Document.objects.filter(public).prefetch_related(GenericPrefetch("owner", owners))
