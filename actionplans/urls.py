from django.urls import path

from actionplans.views import editing, history, public, workspace

app_name = "actionplans"
urlpatterns = [
    path("workspace/", workspace.plan_list, name="list"),
    path("workspace/plans/new/", workspace.plan_create, name="create"),
    path("workspace/plans/<int:pk>/", workspace.plan_detail, name="detail"),
    path("workspace/plans/<int:pk>/edit/<slug:part>/", editing.plan_edit, name="edit"),
    path("workspace/plans/<int:pk>/actions/", editing.action_list, name="actions"),
    path("workspace/plans/<int:pk>/actions/new/", editing.action_edit, name="action-add"),
    path("workspace/plans/<int:pk>/actions/<int:action_pk>/", editing.action_edit, name="action"),
    path(
        "workspace/plans/<int:pk>/actions/<int:action_pk>/delete/",
        editing.action_delete,
        name="action-delete",
    ),
    path("workspace/plans/<int:pk>/steps/<slug:step>/", workspace.plan_step, name="step"),
    path("workspace/plans/<int:pk>/remarks/", workspace.plan_remark, name="remark"),
    path("workspace/plans/<int:pk>/history/", history.plan_history, name="history"),
    path("workspace/plans/<int:pk>/history/compare/", history.plan_compare, name="compare"),
    path(
        "workspace/plans/<int:pk>/history/<int:version_pk>/", history.plan_version, name="version"
    ),
    path(
        "workspace/plans/<int:pk>/history/<int:version_pk>/restore/",
        history.plan_restore,
        name="restore",
    ),
    path(
        "workspace/plans/<int:pk>/endorsement.pdf",
        workspace.endorsement_letter,
        name="endorsement-letter",
    ),
    path("action-plans/<slug:slug>/", public.public_detail, name="public-detail"),
]
