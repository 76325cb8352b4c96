import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from portal.core.api.fields import LinkField, OptionalURLField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from projects import selectors
from projects.models import Partnership, Phase, Programme, Project
from regions.api.refs import OrganisationRefSerializer, RegionRefSerializer, ThemeRefSerializer
from regions.models import Region, Theme


class ProgrammeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()


class PhaseSerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=Phase.Kind.choices)
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)


class PartnershipSerializer(serializers.Serializer):
    """A partner: its role in the project and the region it represents there."""

    organisation = OrganisationRefSerializer()
    role = serializers.ChoiceField(choices=Partnership.Role.choices)
    region = RegionRefSerializer()


class ProjectSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    acronym = serializers.CharField()
    title = TranslatedField()
    programme = ProgrammeSerializer()
    start_date = serializers.DateField(allow_null=True)
    end_date = serializers.DateField(allow_null=True)
    phases = PhaseSerializer(many=True)
    themes = ThemeRefSerializer(many=True)
    summary = TranslatedField()
    website = OptionalURLField()
    budget = serializers.DecimalField(
        max_digits=12, decimal_places=2, allow_null=True, help_text=_("In euros.")
    )
    keep_id = serializers.CharField(allow_null=True, help_text=_("Identifier in keep.eu."))
    partnerships = PartnershipSerializer(many=True)
    url = LinkField("projects:detail")
    api_url = LinkField("api:project-detail")


class ProjectFilter(django_filters.FilterSet):
    programme = SlugFilter(queryset=Programme.objects.all(), what=_("programme"))
    theme = SlugFilter(queryset=Theme.objects.all(), what=_("theme"), field_name="themes")
    region = SlugFilter(
        queryset=Region.objects.all(),
        what=_("region"),
        field_name="partnerships__region",
        distinct=True,
        help_text=_("Projects with a partner representing this region."),
    )

    class Meta:
        model = Project
        fields = ["programme", "theme", "region"]


class ProjectViewSet(PublicViewSet):
    """Interreg Europe projects with their phases and partners, lead partner included."""

    queryset = selectors.project_list().prefetch_related(
        "phases", Prefetch("partnerships", queryset=selectors.partnerships())
    )
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilter
    ordering_fields = ["acronym", "start_date", "end_date"]
    ordering = ["acronym"]
