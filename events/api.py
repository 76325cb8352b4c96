"""Events in the public API: serializer and viewset side by side."""

import django_filters
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from events import selectors
from events.models import Event
from portal.core.api.fields import LinkField, LocalDateTimeField, OptionalURLField, TranslatedField
from portal.core.api.filters import DateTimeFilter, SlugFilter
from portal.core.api.views import PublicViewSet
from projects.api.refs import ProjectRefSerializer
from projects.models import Project
from regions.api.refs import OrganisationRefSerializer, RegionRefSerializer
from regions.models import Organisation, Region
from regions.selectors import region_and_subregions


class EventRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = TranslatedField()
    api_url = LinkField("api:event-detail")


class RegistrationAvailabilitySerializer(serializers.Serializer):
    """Whether one can sign up and how many places are left; never who registered."""

    status = serializers.ChoiceField(
        choices=["open", "not_yet", "closed"],
        help_text=_("open: one can register now; not_yet: registration opens later."),
    )
    opens_at = LocalDateTimeField(help_text=_("In the event's own time zone."))
    closes_at = LocalDateTimeField(help_text=_("In the event's own time zone."))
    capacity = serializers.IntegerField(allow_null=True, help_text=_("null: no limit."))
    places_left = serializers.IntegerField(
        allow_null=True,
        help_text=_("null: no limit. 0: those who register join the waiting list."),
    )
    register_url = LinkField("events:register", help_text=_("The registration form."))


class EventSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = TranslatedField()
    type = serializers.ChoiceField(choices=Event.Type.choices)
    project = ProjectRefSerializer(allow_null=True)
    region = RegionRefSerializer(allow_null=True)
    starts_at = LocalDateTimeField(
        source="local_start", help_text=_("In the event's own time zone.")
    )
    ends_at = LocalDateTimeField(source="local_end", help_text=_("In the event's own time zone."))
    all_day = serializers.BooleanField()
    date_precision = serializers.ChoiceField(
        choices=Event.Precision.choices,
        help_text=_("How much of the date is known: a season-only event is not on day 1."),
    )
    timezone = serializers.CharField()
    venue = TranslatedField()
    address = serializers.CharField()
    city = serializers.CharField()
    country = serializers.CharField(help_text=_("ISO 3166 code, or empty."))
    is_online = serializers.BooleanField()
    summary = TranslatedField()
    agenda = TranslatedField()
    website = OptionalURLField()
    organisers = OrganisationRefSerializer(many=True)
    url = LinkField("events:detail")
    api_url = LinkField("api:event-detail")
    calendar_url = LinkField("events:ics", help_text=_("The event as an iCalendar file."))
    registration = serializers.SerializerMethodField(
        help_text=_("null when the event takes no registrations through the portal.")
    )

    @extend_schema_field(RegistrationAvailabilitySerializer(allow_null=True))
    def get_registration(self, event):
        availability = selectors.availability(event)
        if availability is None:
            return None
        return RegistrationAvailabilitySerializer(availability, context=self.context).data


class EventFilter(django_filters.FilterSet):
    project = SlugFilter(queryset=Project.objects.all(), what=_("project"))
    region = SlugFilter(
        queryset=Region.objects.all(),
        what=_("region"),
        method="filter_region",
        help_text=_("Events in this region or in a region within it."),
    )
    country = django_filters.ChoiceFilter(choices=countries, help_text=_("ISO 3166 code."))
    type = django_filters.ChoiceFilter(choices=Event.Type.choices)
    organiser = SlugFilter(
        queryset=Organisation.objects.all(), what=_("organisation"), field_name="organisers"
    )
    starts_after = DateTimeFilter(
        field_name="starts_at",
        lookup_expr="gte",
        help_text=_("Events starting at or after this time (a date alone means its midnight)."),
    )
    starts_before = DateTimeFilter(
        field_name="starts_at",
        lookup_expr="lt",
        help_text=_("Events starting before this time (a date alone means its midnight)."),
    )
    # A choice rather than a BooleanFilter, which takes "yes" or "maybe" for "no filter".
    upcoming = django_filters.ChoiceFilter(
        choices=[("true", "true"), ("false", "false")],
        method="filter_upcoming",
        help_text=_("true: events not over yet; false: events that are over."),
    )

    class Meta:
        model = Event
        fields = ["project", "region", "country", "type", "organiser"]

    def filter_region(self, queryset, name, region):
        return queryset.filter(region__in=region_and_subregions(region))

    def filter_upcoming(self, queryset, name, value):
        return selectors.upcoming(queryset) if value == "true" else selectors.past(queryset)


class EventViewSet(PublicViewSet):
    """Partner meetings, working groups, study visits and conferences, oldest first.

    For what is coming, ask for `upcoming=true`; `starts_after` and `starts_before` take an
    ISO 8601 date or time.
    """

    queryset = (
        selectors.public_events()
        .select_related("registration_settings")
        .annotate(places_taken=selectors.places_taken_subquery())
        .prefetch_related(Prefetch("organisers", queryset=Organisation.objects.order_by("name")))
    )
    serializer_class = EventSerializer
    filterset_class = EventFilter
    ordering_fields = ["starts_at", "ends_at", "updated_at"]
    ordering = ["starts_at"]
