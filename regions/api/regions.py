import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from rest_framework import serializers

from portal.core.api.fields import CoordinateField, LinkField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from regions.api.refs import RegionRefSerializer
from regions.models import Region


class RegionSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    nuts_code = serializers.CharField(allow_null=True)
    country = serializers.CharField()
    type = serializers.ChoiceField(choices=Region.Type.choices)
    parent = RegionRefSerializer(allow_null=True)
    summary = TranslatedField()
    latitude = CoordinateField()
    longitude = CoordinateField()
    url = LinkField("regions:detail")
    api_url = LinkField("api:region-detail")


class RegionFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(choices=countries, help_text=_("ISO 3166 code"))
    type = django_filters.ChoiceFilter(choices=Region.Type.choices)
    parent = SlugFilter(queryset=Region.objects.all(), what=_("region"))

    class Meta:
        model = Region
        fields = ["country", "type", "parent"]


class RegionViewSet(PublicViewSet):
    """Regions (NUTS 0 to 3, and metropolitan areas) of the network's partners."""

    queryset = Region.objects.select_related("parent")
    serializer_class = RegionSerializer
    filterset_class = RegionFilter
    ordering_fields = ["name", "nuts_code", "country"]
    ordering = ["country", "name"]
