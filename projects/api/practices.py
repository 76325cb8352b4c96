import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.core.api.fields import LinkField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from projects import selectors
from projects.api.refs import ProjectRefSerializer
from projects.models import GoodPractice, Project
from regions.api.refs import OrganisationRefSerializer, RegionRefSerializer, ThemeRefSerializer
from regions.models import Region, Theme
from regions.selectors import region_and_subregions


class PracticeRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = TranslatedField()
    api_url = LinkField("api:good-practice-detail")


class GoodPracticeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = TranslatedField()
    project = ProjectRefSerializer()
    organisation = OrganisationRefSerializer()
    region = RegionRefSerializer()
    themes = ThemeRefSerializer(many=True)
    approach = serializers.ChoiceField(choices=GoodPractice.Approach.choices)
    summary = TranslatedField()
    problem = TranslatedField()
    description = TranslatedField()
    resources = TranslatedField()
    evidence = TranslatedField()
    transferability = TranslatedField()
    lessons = TranslatedField()
    related = PracticeRefSerializer(many=True)
    url = LinkField("projects:practice-detail")
    api_url = LinkField("api:good-practice-detail")


class GoodPracticeFilter(django_filters.FilterSet):
    project = SlugFilter(queryset=Project.objects.all(), what=_("project"))
    region = SlugFilter(
        queryset=Region.objects.all(),
        what=_("region"),
        method="filter_region",
        help_text=_("Practices from this region or from a region within it."),
    )
    theme = SlugFilter(queryset=Theme.objects.all(), what=_("theme"), field_name="themes")
    approach = django_filters.ChoiceFilter(choices=GoodPractice.Approach.choices)

    class Meta:
        model = GoodPractice
        fields = ["project", "region", "theme", "approach"]

    def filter_region(self, queryset, name, region):
        return queryset.filter(region__in=region_and_subregions(region))


class GoodPracticeViewSet(PublicViewSet):
    """Good practices the projects' coordinators validated; proposals stay private."""

    serializer_class = GoodPracticeSerializer
    filterset_class = GoodPracticeFilter
    ordering_fields = ["title", "updated_at"]
    ordering = ["title"]

    def get_queryset(self):
        return (
            selectors.public_practices()
            .select_related("project", "organisation", "region")
            .prefetch_related("themes", Prefetch("related", queryset=selectors.public_practices()))
        )
