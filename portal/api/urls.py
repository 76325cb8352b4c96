from csp.constants import SELF, UNSAFE_INLINE
from csp.decorators import csp_update
from django.conf import settings
from django.urls import path, reverse
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.routers import SimpleRouter
from rest_framework.views import APIView

from actionplans.api.public import PublicPlanViewSet
from actionplans.api.reports import WorkspaceReportViewSet
from actionplans.api.workspace import PlanActionViewSet, WorkspacePlanViewSet
from events.api import EventViewSet
from news.api import ArticleViewSet
from portal.api.documents import DocumentViewSet
from projects.api.practices import GoodPracticeViewSet
from projects.api.projects import ProjectViewSet
from regions.api.cooperations import CooperationViewSet
from regions.api.infrastructures import InfrastructureViewSet
from regions.api.organisations import OrganisationViewSet
from regions.api.regions import RegionViewSet
from regions.api.themes import ThemeViewSet

app_name = "api"

router = SimpleRouter()
router.register("regions", RegionViewSet, basename="region")
router.register("organisations", OrganisationViewSet, basename="organisation")
router.register("themes", ThemeViewSet, basename="theme")
router.register("projects", ProjectViewSet, basename="project")
router.register("good-practices", GoodPracticeViewSet, basename="good-practice")
router.register("events", EventViewSet, basename="event")
router.register("news", ArticleViewSet, basename="article")
router.register("cooperations", CooperationViewSet, basename="cooperation")
router.register("infrastructures", InfrastructureViewSet, basename="infrastructure")
router.register("documents", DocumentViewSet, basename="document")
router.register("action-plans", PublicPlanViewSet, basename="action-plan")
# Signed in only: the plans a partner files or a coordinator reviews.
router.register("workspace/plans", WorkspacePlanViewSet, basename="workspace-plan")
router.register("workspace/reports", WorkspaceReportViewSet, basename="workspace-report")

plan_actions = PlanActionViewSet.as_view({"get": "list", "post": "create"})
plan_action = PlanActionViewSet.as_view(
    {"get": "retrieve", "put": "update", "patch": "partial_update", "delete": "destroy"}
)


@extend_schema(exclude=True)
class ApiRoot(APIView):
    """The portal's public data, free to reuse. Every list takes `page`, `page_size`
    (at most 100), `search`, `ordering`, `lang` and its own filters; the schema and the
    documentation pages below say which."""

    permission_classes = [AllowAny]

    def get(self, request):
        links = {
            prefix: settings.SITE_URL + reverse(f"api:{basename}-list")
            for prefix, _viewset, basename in router.registry
        }
        for name in ("schema", "docs", "redoc"):
            links[name] = settings.SITE_URL + reverse(f"api:{name}")
        return Response(links)


# Swagger UI and Redoc set styles inline (Redoc builds its own style sheets and a worker
# from a blob); their scripts are files, as everywhere. The split view serves Swagger UI's
# start-up script as a file of its own rather than inline.
docs_policy = csp_update({"style-src": [UNSAFE_INLINE], "worker-src": [SELF, "blob:"]})

urlpatterns = [
    path("", ApiRoot.as_view(), name="root"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path(
        "docs/",
        docs_policy(SpectacularSwaggerSplitView.as_view(url_name="api:schema")),
        name="docs",
    ),
    path("redoc/", docs_policy(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    *router.urls,
    path("workspace/plans/<int:plan_pk>/actions/", plan_actions, name="workspace-plan-actions"),
    path(
        "workspace/plans/<int:plan_pk>/actions/<int:pk>/",
        plan_action,
        name="workspace-plan-action",
    ),
]
