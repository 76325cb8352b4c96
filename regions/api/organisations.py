import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.core.api.fields import CoordinateField, LinkField, OptionalURLField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from regions import selectors
from regions.api.refs import RegionRefSerializer
from regions.models import Organisation, Region


class OrganisationSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    acronym = serializers.CharField()
    type = serializers.ChoiceField(choices=Organisation.Type.choices)
    region = RegionRefSerializer()
    city = serializers.CharField()
    website = OptionalURLField()
    summary = TranslatedField()
    latitude = CoordinateField()
    longitude = CoordinateField()
    url = LinkField("regions:organisation")
    api_url = LinkField("api:organisation-detail")


def _projects(request=None):
    # Projects stand a floor above regions: they are reached through the partnerships
    # relation they declare on organisations, never imported.
    partnership = Organisation.partnerships.field.model
    return partnership._meta.get_field("project").related_model.objects.all()


class OrganisationFilter(django_filters.FilterSet):
    type = django_filters.ChoiceFilter(choices=Organisation.Type.choices)
    region = SlugFilter(
        queryset=Region.objects.all(),
        what=_("region"),
        method="filter_region",
        help_text=_("Organisations in this region or in a region within it."),
    )
    project = SlugFilter(
        queryset=_projects,
        what=_("project"),
        field_name="partnerships__project",
        help_text=_("Partners of this project."),
    )

    class Meta:
        model = Organisation
        fields = ["type", "region", "project"]

    def filter_region(self, queryset, name, region):
        return queryset.filter(region__in=selectors.region_and_subregions(region))


class OrganisationViewSet(PublicViewSet):
    """Partner organisations: ministries, agencies, research centres, clusters..."""

    queryset = Organisation.objects.select_related("region")
    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    ordering_fields = ["name", "type"]
    ordering = ["name"]
