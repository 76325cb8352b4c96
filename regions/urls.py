from django.urls import path

from regions import views

app_name = "regions"
urlpatterns = [
    path("regions/", views.region_list, name="list"),
    path("regions/<slug:slug>/", views.region_detail, name="detail"),
    path("organisations/", views.organisation_list, name="organisation-list"),
    path("organisations/<slug:slug>/", views.organisation_detail, name="organisation"),
    path("cooperations/", views.cooperation_list, name="cooperation-list"),
    path("cooperations/<slug:slug>/", views.cooperation_detail, name="cooperation"),
    path("infrastructure/", views.infrastructure_list, name="infrastructure-list"),
    path("infrastructure/<slug:slug>/", views.infrastructure_detail, name="infrastructure"),
]
