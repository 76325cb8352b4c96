import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from events.models import Event
from projects.models import Project
from regions.models import Region


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and end < start:
            raise forms.ValidationError(
                _("The date range runs backwards: “until” (%(end)s) is before “from” (%(start)s).")
                % {"start": start, "end": end},
                code="range",
            )
        return cleaned


class EventFilter(django_filters.FilterSet):
    project = django_filters.ModelChoiceFilter(
        label=_("Project"),
        queryset=Project.objects.order_by("acronym"),
        to_field_name="slug",
        empty_label=_("All projects"),
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Region"),
        queryset=Region.objects.order_by("name"),
        to_field_name="slug",
        empty_label=_("All regions"),
        method="filter_region",
    )
    type = django_filters.ChoiceFilter(
        label=_("Type"), choices=Event.Type.choices, empty_label=_("All types")
    )
    start = django_filters.DateFilter(
        label=_("From"),
        field_name="ends_at",
        lookup_expr="date__gte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    end = django_filters.DateFilter(
        label=_("Until"),
        field_name="starts_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    class Meta:
        model = Event
        fields = ["project", "region", "type", "start", "end"]
        form = EventFilterForm

    def filter_region(self, queryset, name, region):
        # A region includes the places within it: Flanders finds an event in Ghent's region.
        return queryset.filter(Q(region=region) | Q(region__parent=region))

    def filter_queryset(self, queryset):
        if self.form.non_field_errors():
            return queryset.none()
        return super().filter_queryset(queryset)
