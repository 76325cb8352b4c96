from django.urls import path

from events import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar.ics", views.event_calendar, name="calendar"),
    path("widget/", views.event_widget, name="widget"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/calendar.ics", views.event_ics, name="ics"),
]
