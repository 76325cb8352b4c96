import django_filters
from django import forms
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.core.facets import FacetedFilterSet
from projects.models import GoodPractice, Project
from regions.models import Region, Theme

MAX_QUERY = 200


class PracticeFilter(FacetedFilterSet, django_filters.FilterSet):
    facets = {
        "theme": "themes__slug",
        "region": "region__slug",
        "project": "project__slug",
        "approach": "approach",
    }

    q = django_filters.CharFilter(
        label=_("Search"),
        method="search",
        max_length=MAX_QUERY,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        field_name="themes",
        empty_label=_("All themes"),
        distinct=True,
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
    )
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        queryset=Project.objects.order_by("acronym"),
        to_field_name="slug",
        empty_label=_("All projects"),
    )
    approach = django_filters.ChoiceFilter(
        label=_("Type of approach"),
        choices=GoodPractice.Approach.choices,
        empty_label=_("All approaches"),
    )

    class Meta:
        model = GoodPractice
        fields = ["q", "theme", "region", "project", "approach"]

    def search(self, queryset, name, value):
        # Matches words in any language's text, and parts of words in titles.
        vector = SearchVector(
            "title_en",
            "title_nl",
            "summary_en",
            "summary_nl",
            "description_en",
            "description_nl",
            config="simple",
        )
        return queryset.annotate(document=vector).filter(
            Q(document=SearchQuery(value, config="simple", search_type="websearch"))
            | Q(title_en__icontains=value)
            | Q(title_nl__icontains=value)
        )


class ProjectFilter(FacetedFilterSet, django_filters.FilterSet):
    facets = {"theme": "themes__slug"}

    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        field_name="themes",
        empty_label=_("All themes"),
        distinct=True,
    )

    class Meta:
        model = Project
        fields = ["theme"]
