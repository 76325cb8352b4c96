"""The newsletter's addresses, under /<language>/newsletter/."""

from django.urls import path

from news.views import archive, compose, subscription

app_name = "newsletter"
urlpatterns = [
    path("", subscription.subscribe, name="subscribe"),
    path("thanks/", subscription.subscribed, name="subscribed"),
    path("confirm/<str:token>/", subscription.confirm, name="confirm"),
    path("unsubscribe/<str:token>/", subscription.unsubscribe, name="unsubscribe"),
    path("preferences/<str:token>/", subscription.preferences, name="preferences"),
    path("preferences/<str:token>/again/", subscription.resubscribe, name="resubscribe"),
    path("preferences/<str:token>/data.json", subscription.data, name="data"),
    path("preferences/<str:token>/erase/", subscription.erase, name="erase"),
    path("archive/", archive.archive, name="archive"),
    path("archive/<int:pk>/", archive.archive_detail, name="archive-detail"),
    path("manage/", compose.issue_list, name="manage"),
    path("manage/new/", compose.issue_create, name="manage-create"),
    path("manage/<int:pk>/", compose.issue_detail, name="manage-detail"),
    path("manage/<int:pk>/edit/", compose.issue_edit, name="manage-edit"),
    path("manage/<int:pk>/progress/", compose.issue_progress, name="manage-progress"),
    path("manage/<int:pk>/preview/", compose.issue_preview, name="manage-preview"),
    path(
        "manage/<int:pk>/preview/<str:language>.html",
        compose.issue_preview_html,
        name="manage-preview-html",
    ),
    path("manage/<int:pk>/test/", compose.issue_test, name="manage-test"),
    path("manage/<int:pk>/schedule/", compose.issue_schedule, name="manage-schedule"),
    path("manage/<int:pk>/unschedule/", compose.issue_unschedule, name="manage-unschedule"),
    path("manage/<int:pk>/start/", compose.issue_start, name="manage-start"),
    path("manage/<int:pk>/pause/", compose.issue_pause, name="manage-pause"),
    path("manage/<int:pk>/resume/", compose.issue_resume, name="manage-resume"),
]
