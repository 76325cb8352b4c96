"""The partners' and coordinators' own action plans in the API, for those signed in (with
a token or a session).

Every write goes through actionplans.services and every step through actionplans.workflow,
so the API obeys the rules the pages obey: a draft is a 404 to whoever may not see it, a
save that crosses another is a 409 and is kept, and a step from the wrong state is a 400
that says why.
"""

from contextlib import contextmanager

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.viewsets import GenericViewSet

from actionplans import selectors, services, workflow
from actionplans.api.serializers import (
    ActionSerializer,
    ActionWriteSerializer,
    LetterSerializer,
    PlanCreateSerializer,
    PlanSerializer,
    PlanSummarySerializer,
    PlanWriteSerializer,
    RemarkSerializer,
    StepSerializer,
    VersionSerializer,
)
from actionplans.content import ACTIONS, PLAN, content_of, find_action, plan_with_content
from actionplans.documents.serializers import from_api, item_from_api, to_api
from actionplans.models import ActionPlan
from portal.core.api.schema import MemberSchema

CONFLICT = inline_serializer(
    "PlanConflict",
    {
        "detail": serializers.CharField(),
        "version": serializers.IntegerField(help_text="The plan's version now."),
        "kept": serializers.IntegerField(help_text="The id of the refused save, kept."),
    },
)


@contextmanager
def service_errors():
    """The services' ValidationError as the API's 400, naming each field."""
    try:
        yield
    except DjangoValidationError as error:
        if hasattr(error, "error_dict"):
            raise ValidationError(error.message_dict) from None
        raise ValidationError({api_settings.NON_FIELD_ERRORS_KEY: error.messages}) from None


def patched(current: dict, request) -> dict:
    """A PATCH's fields laid over the current ones; the body must be an object."""
    if not isinstance(request.data, dict):
        raise ValidationError(
            {
                api_settings.NON_FIELD_ERRORS_KEY: [
                    _("Send a JSON object with the fields to change.")
                ]
            }
        )
    return {**current, **request.data}


def _conflict(conflict: services.VersionConflict) -> Response:
    return Response(
        {"detail": conflict.message, "version": conflict.plan.version, "kept": conflict.kept.pk},
        status=status.HTTP_409_CONFLICT,
    )


class _PlanViewSet(GenericViewSet):
    lookup_value_regex = r"\d+"
    schema = MemberSchema()

    def get_queryset(self):
        return selectors.plans_visible_to(self.request.user)

    def detail_response(self, plan: ActionPlan, code=status.HTTP_200_OK) -> Response:
        plan = selectors.workspace_plan(plan.pk)
        content = content_of(plan_with_content(plan.pk))
        context = {
            "request": self.request,
            "content": content,
            "refs": selectors.references(content),
        }
        return Response(PlanSerializer(plan, context=context).data, status=code)

    def write(self, plan, content: dict, version: int, letter=None) -> Response:
        try:
            with service_errors():
                services.plan_write(
                    user=self.request.user,
                    plan=plan,
                    expected_version=version,
                    content=content,
                    letter=letter,
                )
        except services.VersionConflict as conflict:
            return _conflict(conflict)
        return self.detail_response(plan)


WRITE_RESPONSES = {200: PlanSerializer, 409: CONFLICT}


@extend_schema(tags=["workspace"])
class WorkspacePlanViewSet(_PlanViewSet):
    """The plans a signed-in partner member files or a coordinator reviews.

    A plan's `content` is written whole with PUT, or part by part with PATCH; either
    carries the `version` it started from. Workflow steps are POSTs of their own.
    """

    serializer_class = PlanSerializer

    @extend_schema(responses=PlanSummarySerializer(many=True))
    def list(self, request):
        plans = self.get_queryset().order_by("partnership__project__acronym", "pk")
        return Response(PlanSummarySerializer(plans, many=True).data)

    def retrieve(self, request, pk=None):
        return self.detail_response(self.get_object())

    @extend_schema(request=PlanCreateSerializer, responses={201: PlanSerializer})
    def create(self, request):
        serializer = PlanCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            plan = services.plan_create(user=request.user, **serializer.validated_data)
        return self.detail_response(plan, status.HTTP_201_CREATED)

    def _save(self, request, *, partial: bool) -> Response:
        plan = self.get_object()
        current = content_of(plan_with_content(plan.pk))
        data = request.data
        if partial:
            # A PATCH names the parts it changes; the others stay as they are.
            data = patched(to_api(PLAN, current, selectors.references(current)), request)
        serializer = PlanWriteSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        version = serializer.validated_data.pop("version")
        return self.write(plan, from_api(PLAN, serializer.validated_data, current), version)

    @extend_schema(request=PlanWriteSerializer, responses=WRITE_RESPONSES)
    def update(self, request, pk=None):
        return self._save(request, partial=False)

    @extend_schema(request=PlanWriteSerializer(partial=True), responses=WRITE_RESPONSES)
    def partial_update(self, request, pk=None):
        return self._save(request, partial=True)

    def _step(self, request, name: str) -> Response:
        plan = self.get_object()
        serializer = StepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            workflow.plan_transition(
                user=request.user,
                plan=plan,
                step=name,
                comment=serializer.validated_data["comment"],
            )
        return self.detail_response(plan)

    @extend_schema(request=StepSerializer, responses=PlanSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(request, "submit")

    @extend_schema(request=StepSerializer, responses=PlanSerializer)
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        return self._step(request, "request_changes")

    @extend_schema(request=StepSerializer, responses=PlanSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._step(request, "approve")

    @extend_schema(request=StepSerializer, responses=PlanSerializer)
    @action(detail=True, methods=["post"])
    def reopen(self, request, pk=None):
        return self._step(request, "reopen")

    @extend_schema(request=LetterSerializer, responses=WRITE_RESPONSES, methods=["post"])
    @action(
        detail=True,
        methods=["post"],
        url_path="endorsement-letter",
        parser_classes=[MultiPartParser, FormParser],
    )
    def endorsement_letter(self, request, pk=None):
        plan = self.get_object()
        serializer = LetterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        content = content_of(plan_with_content(plan.pk))
        data = serializer.validated_data
        return self.write(plan, content, data["version"], letter=data["letter"])

    @extend_schema(responses=VersionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def versions(self, request, pk=None):
        versions = selectors.plan_versions(self.get_object())
        return Response(VersionSerializer(versions, many=True).data)

    @extend_schema(
        methods=["get"],
        responses=RemarkSerializer(many=True),
        description="The coordinators' remarks of the current review round.",
    )
    @extend_schema(methods=["post"], request=RemarkSerializer, responses={201: RemarkSerializer})
    @action(detail=True, methods=["get", "post"], parser_classes=[JSONParser])
    def remarks(self, request, pk=None):
        plan = self.get_object()
        if request.method == "GET":
            return Response(RemarkSerializer(selectors.review_remarks(plan), many=True).data)
        serializer = RemarkSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with service_errors():
            remark = services.comment_add(
                user=request.user,
                plan=plan,
                section=data["section"],
                body=data["body"],
                action_id=data.get("action_id"),
            )
        return Response(RemarkSerializer(remark).data, status=status.HTTP_201_CREATED)


VERSION = OpenApiParameter(
    "version", int, required=True, description="The plan's version this removal starts from."
)


@extend_schema(tags=["workspace"])
class PlanActionViewSet(_PlanViewSet):
    """Part III of a plan, one action at a time; each change is a new version of the plan."""

    serializer_class = ActionSerializer

    def _plan(self) -> ActionPlan:
        try:
            return self.get_queryset().get(pk=self.kwargs["plan_pk"])
        except ActionPlan.DoesNotExist:
            raise NotFound(_("No such action plan.")) from None

    def _current(self, plan) -> dict:
        return content_of(plan_with_content(plan.pk))

    def _found(self, content, pk) -> dict:
        found = find_action(content, int(pk))
        if found is None:
            raise NotFound(_("This plan has no such action."))
        return found

    def _shown(self, content, actions) -> list:
        shown = to_api(PLAN, {**content, "actions": actions}, selectors.references(content))
        return shown["actions"]

    @extend_schema(responses=ActionSerializer(many=True))
    def list(self, request, plan_pk=None):
        content = self._current(self._plan())
        return Response(self._shown(content, content["actions"]))

    def retrieve(self, request, plan_pk=None, pk=None):
        content = self._current(self._plan())
        return Response(self._shown(content, [self._found(content, pk)])[0])

    def _replace(self, request, pk, *, partial: bool) -> Response:
        plan = self._plan()
        content = self._current(plan)
        found = self._found(content, pk)
        data = request.data
        if partial:
            data = patched(self._shown(content, [found])[0], request)
        serializer = ActionWriteSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        version = serializer.validated_data.pop("version")
        changed = {**item_from_api(ACTIONS, serializer.validated_data, found), "id": found["id"]}
        actions = [changed if a["id"] == found["id"] else a for a in content["actions"]]
        return self.write(plan, {**content, "actions": actions}, version)

    @extend_schema(request=ActionWriteSerializer, responses=WRITE_RESPONSES)
    def create(self, request, plan_pk=None):
        plan = self._plan()
        content = self._current(plan)
        serializer = ActionWriteSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        version = serializer.validated_data.pop("version")
        added = {**item_from_api(ACTIONS, serializer.validated_data, {}), "id": None}
        response = self.write(plan, {**content, "actions": [*content["actions"], added]}, version)
        if response.status_code == status.HTTP_200_OK:
            response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(request=ActionWriteSerializer, responses=WRITE_RESPONSES)
    def update(self, request, plan_pk=None, pk=None):
        return self._replace(request, pk, partial=False)

    @extend_schema(request=ActionWriteSerializer(partial=True), responses=WRITE_RESPONSES)
    def partial_update(self, request, plan_pk=None, pk=None):
        return self._replace(request, pk, partial=True)

    @extend_schema(parameters=[VERSION], responses=WRITE_RESPONSES)
    def destroy(self, request, plan_pk=None, pk=None):
        plan = self._plan()
        content = self._current(plan)
        found = self._found(content, pk)
        raw = request.query_params.get("version", "")
        if not raw.isdecimal():
            raise ValidationError({"version": [_("Give the plan's version as ?version=N.")]})
        actions = [a for a in content["actions"] if a["id"] != found["id"]]
        return self.write(plan, {**content, "actions": actions}, int(raw))
