import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from events.forms import STATES_FOR_FILTER
from events.models import Event, Registration, Session, SessionSeat
from events.models.registration import ORGANISATION_TYPES
from portal.core.facets import FacetedFilterSet
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


class EventFilter(FacetedFilterSet, django_filters.FilterSet):
    # An event counts for its region and for the region that one lies within.
    facets = {
        "project": "project__slug",
        "region": ("region__slug", "region__parent__slug"),
        "type": "type",
    }

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


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ParticipantFilter(django_filters.FilterSet):
    """The participants list's filters; the export and the message take the same ones."""

    q = django_filters.CharFilter(label=_("Name, email or organisation"), method="filter_q")
    state = django_filters.ChoiceFilter(
        label=_("State"), choices=STATES_FOR_FILTER, empty_label=_("All states")
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=countries, empty_label=_("All countries")
    )
    organisation_type = django_filters.ChoiceFilter(
        label=_("Type of organisation"), choices=ORGANISATION_TYPES, empty_label=_("All types")
    )
    session = django_filters.ModelChoiceFilter(
        label=_("Session"),
        queryset=Session.objects.none(),
        empty_label=_("All sessions"),
        method="filter_session",
    )
    present = django_filters.ChoiceFilter(
        label=_("Checked in"), choices=YES_NO, empty_label=_("Either"), method="filter_present"
    )

    class Meta:
        model = Registration
        fields = ["q", "state", "country", "organisation_type", "session", "present"]

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["session"].queryset = event.sessions.filter(selectable=True).order_by(
            "starts_at", "pk"
        )

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(name__icontains=value)
            | Q(email__icontains=value)
            | Q(organisation_name__icontains=value)
        )

    def filter_session(self, queryset, name, session):
        # Those with a seat or in its waiting list; a seat given up is no longer theirs.
        return queryset.filter(
            seats__session=session, seats__state__in=SessionSeat.CHOSEN
        ).distinct()

    def filter_present(self, queryset, name, value):
        return queryset.filter(checked_in_at__isnull=value != "yes")
