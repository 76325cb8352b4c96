"""Short references to regions' objects, nested where other resources point at them."""

from rest_framework import serializers

from portal.core.api.fields import LinkField, TranslatedField


class ThemeRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()


class RegionRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    api_url = LinkField("api:region-detail")


class OrganisationRefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = TranslatedField()
    acronym = serializers.CharField()
    api_url = LinkField("api:organisation-detail")
