from django.urls import path

from projects import views

app_name = "projects"
urlpatterns = [
    path("projects/", views.project_list, name="list"),
    path("projects/<slug:slug>/", views.project_detail, name="detail"),
    path("good-practices/", views.practice_list, name="practice-list"),
    path("good-practices/propose/", views.practice_propose, name="practice-propose"),
    path("good-practices/review/", views.practice_review_list, name="practice-review-list"),
    path("good-practices/<slug:slug>/", views.practice_detail, name="practice-detail"),
    path("good-practices/<slug:slug>/review/", views.practice_review, name="practice-review"),
]
