import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.core.api.fields import CoordinateField, LinkField, OptionalURLField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from regions import selectors
from regions.api.refs import OrganisationRefSerializer, RegionRefSerializer, ThemeRefSerializer
from regions.models import Infrastructure, Organisation, Region, Theme


class InfrastructureSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    kind = serializers.ChoiceField(choices=Infrastructure.Kind.choices)
    owner = OrganisationRefSerializer()
    region = RegionRefSerializer()
    city = serializers.CharField()
    themes = ThemeRefSerializer(many=True)
    summary = TranslatedField()
    equipment = TranslatedField()
    access_routes = serializers.ListField(
        child=serializers.ChoiceField(choices=Infrastructure.Access.choices)
    )
    access = TranslatedField()
    website = OptionalURLField()
    latitude = CoordinateField()
    longitude = CoordinateField()
    url = LinkField("regions:infrastructure")
    api_url = LinkField("api:infrastructure-detail")


class InfrastructureFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Infrastructure.Kind.choices)
    region = SlugFilter(
        queryset=Region.objects.all(),
        what=_("region"),
        method="filter_region",
        help_text=_("Infrastructures in this region or in a region within it."),
    )
    theme = SlugFilter(queryset=Theme.objects.all(), what=_("theme"), field_name="themes")
    owner = SlugFilter(queryset=Organisation.objects.all(), what=_("organisation"))
    access = django_filters.ChoiceFilter(
        choices=Infrastructure.Access.choices, method="filter_access"
    )

    class Meta:
        model = Infrastructure
        fields = ["kind", "region", "theme", "owner", "access"]

    def filter_region(self, queryset, name, region):
        return queryset.filter(region__in=selectors.region_and_subregions(region))

    def filter_access(self, queryset, name, value):
        return queryset.filter(access_routes__contains=[value])


class InfrastructureViewSet(PublicViewSet):
    """Research and innovation facilities SMEs can use, and how they get access."""

    queryset = Infrastructure.objects.select_related("owner", "region").prefetch_related("themes")
    serializer_class = InfrastructureSerializer
    filterset_class = InfrastructureFilter
    ordering_fields = ["name", "kind"]
    ordering = ["name"]
