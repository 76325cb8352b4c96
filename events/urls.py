from django.urls import path, re_path

from events.views import organise, programme, public, registration

app_name = "events"
urlpatterns = [
    path("", public.event_list, name="list"),
    path("calendar.ics", public.event_calendar, name="calendar"),
    path("widget/", public.event_widget, name="widget"),
    path("organise/", organise.organise_list, name="organise"),
    path("<slug:slug>/", public.event_detail, name="detail"),
    path("<slug:slug>/calendar.ics", public.event_ics, name="ics"),
    path("<slug:slug>/sessions/<int:pk>/", programme.session_detail, name="session"),
    path("<slug:slug>/sessions/<int:pk>/calendar.ics", programme.session_ics, name="session-ics"),
    # Visitors, without an account.
    path("<slug:slug>/register/", registration.register, name="register"),
    path("<slug:slug>/register/sent/", registration.register_sent, name="register-sent"),
    path(
        "<slug:slug>/register/known/",
        registration.register_sent,
        {"known": True},
        name="register-known",
    ),
    path(
        "<slug:slug>/register/confirm/<str:token>/",
        registration.register_confirm,
        name="register-confirm",
    ),
    path(
        "<slug:slug>/registration/<str:token>/", registration.registration_page, name="registration"
    ),
    path(
        "<slug:slug>/registration/<str:token>/change/",
        registration.registration_change,
        name="registration-change",
    ),
    path(
        "<slug:slug>/registration/<str:token>/cancel/",
        registration.registration_cancel,
        name="registration-cancel",
    ),
    path(
        "<slug:slug>/registration/<str:token>/accept/",
        registration.registration_accept,
        name="registration-accept",
    ),
    path(
        "<slug:slug>/registration/<str:token>/data.json",
        registration.registration_data,
        name="registration-data",
    ),
    path(
        "<slug:slug>/registration/<str:token>/erase/",
        registration.registration_erase,
        name="registration-erase",
    ),
    # Organisers.
    path(
        "<slug:slug>/registration-settings/",
        organise.registration_settings,
        name="registration-settings",
    ),
    path("<slug:slug>/participants/", organise.participants, name="participants"),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/participants/export\.(?P<fmt>csv|xlsx)$",
        organise.participants_export,
        name="participants-export",
    ),
    path(
        "<slug:slug>/participants/message/",
        organise.participants_message,
        name="participants-message",
    ),
    path(
        "<slug:slug>/participants/<int:pk>/decide/",
        organise.participant_decide,
        name="participant-decide",
    ),
    path("<slug:slug>/check-in/", organise.check_in, name="check-in"),
    path("<slug:slug>/check-in/<int:pk>/", organise.check_in_mark, name="check-in-mark"),
]
