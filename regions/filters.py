import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from portal.core.facets import FacetedFilterSet
from regions.models import Infrastructure, Organisation, Region, Theme


def _countries_in_use():
    codes = set(Region.objects.values_list("country", flat=True))
    return [(code, name) for code, name in countries if code in codes]


def _projects_with_regions():
    # regions stands below projects in the house plan and does not import it: the projects
    # are reached through the regions' partnerships, by slug and acronym.
    return list(
        Region.objects.filter(partnerships__isnull=False)
        .values_list("partnerships__project__slug", "partnerships__project__acronym")
        .distinct()
        .order_by("partnerships__project__acronym")
    )


class RegionFilter(FacetedFilterSet, django_filters.FilterSet):
    facets = {"country": "country", "project": "partnerships__project__slug"}

    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_countries_in_use, empty_label=_("All countries")
    )
    project = django_filters.ChoiceFilter(
        label=_("Project"),
        choices=_projects_with_regions,
        empty_label=_("All projects"),
        method="filter_project",
    )

    class Meta:
        model = Region
        fields = ["country", "project"]

    def filter_project(self, queryset, name, value):
        return queryset.filter(partnerships__project__slug=value).distinct()


class InfrastructureFilter(FacetedFilterSet, django_filters.FilterSet):
    facets = {"kind": "kind", "region": "region__slug", "domain": "themes__slug"}

    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Infrastructure.Kind.choices, empty_label=_("All kinds")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    domain = django_filters.ModelChoiceFilter(
        label=_("Domain"),
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        field_name="themes",
        empty_label=_("All domains"),
        distinct=True,
    )
    access = django_filters.ChoiceFilter(
        label=_("Way in"),
        choices=Infrastructure.Access.choices,
        empty_label=_("Any"),
        method="filter_access",
    )

    class Meta:
        model = Infrastructure
        fields = ["q", "kind", "region", "domain", "access"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name_en__icontains=value)
            | Q(name_nl__icontains=value)
            | Q(summary_en__icontains=value)
            | Q(summary_nl__icontains=value)
            | Q(owner__name_en__icontains=value)
            | Q(city__icontains=value)
        )

    def filter_access(self, queryset, name, value):
        return queryset.filter(access_routes__contains=[value])


class OrganisationFilter(FacetedFilterSet, django_filters.FilterSet):
    """The partner search: by country, region (with the regions within it), type, project."""

    facets = {
        "country": "region__country",
        "region": ("region__slug", "region__parent__slug"),
        "type": "type",
        "project": "partnerships__project__slug",
    }

    q = django_filters.CharFilter(
        label=_("Name"),
        method="search",
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"),
        choices=_countries_in_use,
        empty_label=_("All countries"),
        field_name="region__country",
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
        method="filter_region",
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"), choices=Organisation.Type.choices, empty_label=_("All types")
    )
    project = django_filters.ChoiceFilter(
        label=_("Project"),
        choices=_projects_with_regions,
        empty_label=_("All projects"),
        method="filter_project",
    )

    class Meta:
        model = Organisation
        fields = ["q", "country", "region", "type", "project"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(name_en__icontains=value)
            | Q(name_nl__icontains=value)
            | Q(name_de__icontains=value)
            | Q(acronym__icontains=value)
        )

    def filter_region(self, queryset, name, region):
        return queryset.filter(Q(region=region) | Q(region__parent=region))

    def filter_project(self, queryset, name, value):
        return queryset.filter(partnerships__project__slug=value).distinct()
