from django.urls import path

from portal.core.reports import views

app_name = "reports"
urlpatterns = [
    path("<slug:kind>/<int:subject_id>/", views.report_ask, name="ask"),
    path("<slug:kind>/<int:subject_id>/status/", views.report_status, name="status"),
    path("<slug:kind>/<int:subject_id>/<str:language>.pdf", views.report_download, name="file"),
]
