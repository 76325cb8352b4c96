import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.core.api.fields import LinkField, OptionalURLField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from regions.api.refs import RegionRefSerializer, ThemeRefSerializer
from regions.models import Cooperation, Milestone, Region, Theme


class MilestoneSerializer(serializers.Serializer):
    date = serializers.DateField()
    kind = serializers.ChoiceField(choices=Milestone.Kind.choices)
    title = TranslatedField()
    place = serializers.CharField()
    summary = TranslatedField()
    themes = ThemeRefSerializer(many=True)


class CooperationSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    summary = TranslatedField()
    started_on = serializers.DateField(allow_null=True)
    website = OptionalURLField()
    regions = RegionRefSerializer(many=True)
    themes = ThemeRefSerializer(many=True)
    milestones = MilestoneSerializer(many=True)
    url = LinkField("regions:cooperation")
    api_url = LinkField("api:cooperation-detail")


class CooperationFilter(django_filters.FilterSet):
    region = SlugFilter(queryset=Region.objects.all(), what=_("region"), field_name="regions")
    theme = SlugFilter(queryset=Theme.objects.all(), what=_("theme"), field_name="themes")

    class Meta:
        model = Cooperation
        fields = ["region", "theme"]


class CooperationViewSet(PublicViewSet):
    """Long-running cooperations between regions, with their milestones in date order."""

    queryset = Cooperation.objects.prefetch_related(
        "regions",
        "themes",
        Prefetch(
            "milestones", queryset=Milestone.objects.prefetch_related("themes").order_by("date")
        ),
    )
    serializer_class = CooperationSerializer
    filterset_class = CooperationFilter
    ordering_fields = ["name", "started_on"]
    ordering = ["name"]
