from rest_framework import serializers

from portal.core.api.fields import LinkField


class ProjectRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    acronym = serializers.CharField()
    api_url = LinkField("api:project-detail")
