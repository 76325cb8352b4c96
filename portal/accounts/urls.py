from django.urls import path

from portal.accounts import views

app_name = "accounts"
urlpatterns = [
    path("api-token/", views.api_token, name="api-token"),
]
