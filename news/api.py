"""News in the public API: serializer and viewset side by side."""

import django_filters
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from events.api import EventRefSerializer
from news.models import Article
from news.selectors import published_articles
from portal.core.api.fields import LinkField, TranslatedField
from portal.core.api.filters import SlugFilter
from portal.core.api.views import PublicViewSet
from projects.api.refs import ProjectRefSerializer
from projects.models import Project
from regions.api.refs import RegionRefSerializer, ThemeRefSerializer
from regions.models import Region, Theme


class ArticleSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = TranslatedField()
    summary = TranslatedField()
    body = TranslatedField()
    published_at = serializers.DateTimeField()
    byline = serializers.CharField()
    project = ProjectRefSerializer(allow_null=True)
    region = RegionRefSerializer(allow_null=True)
    event = EventRefSerializer(allow_null=True)
    themes = ThemeRefSerializer(many=True)
    url = LinkField("news:detail")
    api_url = LinkField("api:article-detail")


class ArticleFilter(django_filters.FilterSet):
    project = SlugFilter(queryset=Project.objects.all(), what=_("project"))
    region = SlugFilter(queryset=Region.objects.all(), what=_("region"))
    theme = SlugFilter(queryset=Theme.objects.all(), what=_("theme"), field_name="themes")

    class Meta:
        model = Article
        fields = ["project", "region", "theme"]


class ArticleViewSet(PublicViewSet):
    """Published news, newest first."""

    serializer_class = ArticleSerializer
    filterset_class = ArticleFilter
    ordering_fields = ["published_at"]
    ordering = ["-published_at"]

    def get_queryset(self):
        # Built per request: "published" depends on the time of asking.
        return published_articles().prefetch_related("themes")
