from django.urls import path

from news.feeds import LatestNewsAtom, LatestNewsRss
from news.views import articles as views
from portal.core.cache import public_page

app_name = "news"
urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/rss/", public_page(LatestNewsRss()), name="rss"),
    path("feed/atom/", public_page(LatestNewsAtom()), name="atom"),
    path("<slug:slug>/", views.article_detail, name="detail"),
]
