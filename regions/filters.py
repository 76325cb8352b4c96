import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from regions.models import Infrastructure, Region, Theme


def _countries_in_use():
    codes = set(Region.objects.values_list("country", flat=True))
    return [(code, name) for code, name in countries if code in codes]


class RegionFilter(django_filters.FilterSet):
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_countries_in_use, empty_label=_("All countries")
    )
    project = django_filters.CharFilter(
        label=_("Project"), method="filter_project", widget=forms.HiddenInput
    )

    class Meta:
        model = Region
        fields = ["country", "project"]

    def filter_project(self, queryset, name, value):
        return queryset.filter(partnerships__project__slug=value).distinct()


class InfrastructureFilter(django_filters.FilterSet):
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
