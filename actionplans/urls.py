from django.urls import path

from actionplans import views

app_name = "actionplans"
urlpatterns = [
    path("workspace/", views.plan_list, name="list"),
    path("workspace/plans/new/", views.plan_create, name="create"),
    path("workspace/plans/<int:pk>/", views.plan_detail, name="detail"),
    path("workspace/plans/<int:pk>/edit/<slug:part>/", views.plan_edit, name="edit"),
    path("workspace/plans/<int:pk>/actions/", views.action_list, name="actions"),
    path("workspace/plans/<int:pk>/actions/new/", views.action_edit, name="action-add"),
    path("workspace/plans/<int:pk>/actions/<int:action_pk>/", views.action_edit, name="action"),
    path(
        "workspace/plans/<int:pk>/actions/<int:action_pk>/delete/",
        views.action_delete,
        name="action-delete",
    ),
    path("workspace/plans/<int:pk>/steps/<slug:step>/", views.plan_step, name="step"),
    path("workspace/plans/<int:pk>/remarks/", views.plan_remark, name="remark"),
    path("workspace/plans/<int:pk>/history/", views.plan_history, name="history"),
    path("workspace/plans/<int:pk>/history/compare/", views.plan_compare, name="compare"),
    path("workspace/plans/<int:pk>/history/<int:version_pk>/", views.plan_version, name="version"),
    path(
        "workspace/plans/<int:pk>/history/<int:version_pk>/restore/",
        views.plan_restore,
        name="restore",
    ),
    path(
        "workspace/plans/<int:pk>/endorsement.pdf",
        views.endorsement_letter,
        name="endorsement-letter",
    ),
    path("action-plans/<slug:slug>/", views.public_detail, name="public-detail"),
]
