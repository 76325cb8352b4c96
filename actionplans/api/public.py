"""Approved action plans in the public API: as they were approved, for anyone."""

import django_filters
from django.utils.translation import gettext_lazy as _

from actionplans import selectors
from actionplans.api.serializers import PublicPlanSerializer
from actionplans.models import ActionPlan
from portal.core.api.filters import SlugFilter, StrictOrderingFilter
from portal.core.api.views import PublicViewSet
from projects.models import Project
from regions.models import Region


class PublicPlanFilter(django_filters.FilterSet):
    project = SlugFilter(
        queryset=Project.objects.all(), what=_("project"), field_name="partnership__project"
    )
    region = SlugFilter(
        queryset=Region.objects.all(), what=_("region"), field_name="partnership__region"
    )

    class Meta:
        model = ActionPlan
        fields = ["project", "region"]


class PublicPlanViewSet(PublicViewSet):
    """Approved action plans as they were approved; a revision in the works stays private."""

    serializer_class = PublicPlanSerializer
    filterset_class = PublicPlanFilter
    filter_backends = [django_filters.rest_framework.DjangoFilterBackend, StrictOrderingFilter]
    ordering_fields = ["slug"]
    ordering = ["slug"]

    def get_queryset(self):
        return selectors.public_plans().select_related("approved_version")

    def get_serializer(self, instance=None, *args, **kwargs):
        # The regions and practices that the plans on this page mention, in two queries.
        plans = instance if isinstance(instance, list) else [instance] if instance else []
        context = kwargs.pop("context", None) or self.get_serializer_context()
        context["refs"] = selectors.references(*(p.approved_version.content for p in plans))
        return self.get_serializer_class()(instance, *args, context=context, **kwargs)
