from django.urls import path

from actionplans.views import dashboard, editing, history, public, reports, workspace

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
    path("workspace/plans/<int:pk>/reports/", reports.plan_reports, name="plan-reports"),
    path("workspace/plans/<int:pk>/reports/start/", reports.report_start, name="report-start"),
    path(
        "workspace/plans/<int:pk>/actions/<int:action_pk>/progress/",
        reports.action_progress,
        name="action-progress",
    ),
    path("workspace/reports/<int:pk>/", reports.report_detail, name="report"),
    path("workspace/reports/<int:pk>/edit/", reports.report_edit, name="report-edit"),
    path(
        "workspace/reports/<int:pk>/actions/<int:row_pk>/",
        reports.report_action,
        name="report-action",
    ),
    path("workspace/reports/<int:pk>/steps/<slug:step>/", reports.report_step, name="report-step"),
    path("workspace/reports/<int:pk>/file/", reports.report_file, name="report-file"),
    path("workspace/reports/<int:pk>/history/", reports.report_history, name="report-history"),
    path(
        "workspace/reports/<int:pk>/history/compare/",
        reports.report_compare,
        name="report-compare",
    ),
    path(
        "workspace/reports/<int:pk>/history/<int:version_pk>/",
        reports.report_version,
        name="report-version",
    ),
    path(
        "workspace/reports/<int:pk>/history/<int:version_pk>/restore/",
        reports.report_restore,
        name="report-restore",
    ),
    path("workspace/monitoring/", dashboard.dashboard, name="dashboard"),
    path(
        "workspace/monitoring/export.<str:file_format>",
        dashboard.export,
        name="monitoring-export",
    ),
    path(
        "workspace/monitoring/<slug:slug>/schedule/", dashboard.schedule, name="monitoring-schedule"
    ),
    path("action-plans/<slug:slug>/", public.public_detail, name="public-detail"),
]
