from rest_framework import serializers

from portal.core.api.fields import TranslatedField
from portal.core.api.views import PublicViewSet
from regions.models import Theme


class ThemeSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    description = TranslatedField()


class ThemeViewSet(PublicViewSet):
    """Fields of cooperation; their slugs filter projects, practices, news and more."""

    queryset = Theme.objects.all()
    serializer_class = ThemeSerializer
    ordering_fields = ["name", "slug"]
    ordering = ["name"]
