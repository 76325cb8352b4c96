from django.urls import path

from bench import views
from portal.urls import urlpatterns as portal_urlpatterns

urlpatterns = [
    path("bench/bare", views.bare),
    path("bench/events-values", views.events_values),
    *portal_urlpatterns,
]
