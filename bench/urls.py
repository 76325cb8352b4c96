from django.urls import path

from bench import views
from events.api import EventViewSet
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/bare", views.bare),
    path("bench/events-values", views.events_values),
    path("bench/dashboard-values", views.dashboard_values),
    # The same endpoint without its response cache: what serializing costs.
    path(
        "bench/api-events-uncached",
        EventViewSet.as_view({"get": "list"}, cache_responses=False),
    ),
    *portal_urlpatterns,
]
