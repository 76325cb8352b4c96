"""`/api/v1/regions/{slug}/peers/`: the regions whose Eye@RIS3 priorities overlap most.

Lives with the projects because each peer comes with the projects the two regions share
and the peer's validated good practices; the score itself is regions.selectors'.
"""

from django.http import Http404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers

from portal.core.api.fields import absolute_url
from portal.core.api.schema import INVALID, PROBLEM
from portal.core.api.views import PublicViewSet
from projects.api.practices import PracticeRefSerializer
from projects.api.refs import ProjectRefSerializer
from projects.selectors import priority_peers_with_ties
from regions.api.refs import RegionRefSerializer
from regions.models import Region
from regions.selectors import PEER_AXES

EXPLANATION = (
    "The score adds up, for each axis of the Eye@RIS3 coding, the share of codes the two "
    "regions' priorities have in common (codes in both over codes in either), weighted: "
    + ", ".join(f"{axis} {weight:g}" for axis, weight in PEER_AXES)
    + "; 1 is the same codes on every axis."
)


class SharedCodesSerializer(serializers.Serializer):
    economic_domains = serializers.ListField(child=serializers.CharField(), required=False)
    scientific_domains = serializers.ListField(child=serializers.CharField(), required=False)
    policy_objectives = serializers.ListField(child=serializers.CharField(), required=False)


class PeerSerializer(serializers.Serializer):
    region = RegionRefSerializer(source="peer.region")
    url = serializers.SerializerMethodField(help_text="The peer's page on the portal.")
    score = serializers.FloatField(source="peer.score", help_text=EXPLANATION)
    shared = SharedCodesSerializer(
        source="peer.shared", help_text="The Eye@RIS3 codes both regions have, per axis."
    )
    projects = ProjectRefSerializer(many=True, help_text="Projects both regions take part in.")
    good_practices = PracticeRefSerializer(
        many=True, source="practices", help_text="Some of the peer's validated good practices."
    )

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, ties) -> str:
        return absolute_url("regions:detail", ties.peer.region.slug)


class PeersSerializer(serializers.Serializer):
    region = RegionRefSerializer()
    explanation = serializers.CharField()
    results = PeerSerializer(many=True)


class RegionPeersViewSet(PublicViewSet):
    """The regions whose smart-specialisation priorities overlap most with a region's."""

    queryset = Region.objects.all()
    serializer_class = PeersSerializer
    pagination_class = None
    filter_backends = []

    @extend_schema(
        responses={
            200: PeersSerializer,
            400: INVALID,
            401: PROBLEM,
            404: PROBLEM,
            406: PROBLEM,
            429: PROBLEM,
        }
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    def get_object(self):
        try:
            return Region.objects.get(slug=self.kwargs["slug"])
        except Region.DoesNotExist:
            raise Http404("No region with that address.") from None

    def get_serializer(self, region=None, *args, **kwargs):
        answer = {
            "region": region,
            "explanation": EXPLANATION,
            "results": priority_peers_with_ties(region) if region else [],
        }
        return PeersSerializer(answer, *args, **kwargs)
