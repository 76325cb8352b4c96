from django.db.models import Prefetch
from django.utils import timezone

from events.models import Event
from regions.models import Organisation


def public_events():
    return Event.objects.select_related("project", "region")


def upcoming(queryset=None):
    queryset = public_events() if queryset is None else queryset
    return queryset.filter(ends_at__gte=timezone.now()).order_by("starts_at")


def past(queryset=None):
    queryset = public_events() if queryset is None else queryset
    return queryset.filter(ends_at__lt=timezone.now()).order_by("-starts_at")


def event_detail(slug: str):
    return (
        public_events()
        .prefetch_related(
            Prefetch("organisers", queryset=Organisation.objects.order_by("name")),
            "documents",
        )
        .get(slug=slug)
    )
