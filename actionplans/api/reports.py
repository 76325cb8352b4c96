"""Progress reports in the API, for signed-in partners and coordinators (token or session).

The same services, workflow and rules as the pages: a report its caller may not see is a
404, a save that crosses another is a 409 with the refused content kept, a step from the
wrong state a 400 that says why. A report's `content` is its description's
(actionplans.monitoring.content); the rows the plan fixes (actions, indicators, policy
instruments) are sent back in the same order and number, with only what the partner fills
in changed.
"""

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response
from rest_framework.viewsets import GenericViewSet

from actionplans.api.serializers import StepSerializer, VersionSerializer
from actionplans.api.workspace import CONFLICT, patched, service_errors
from actionplans.documents import serializers as content_api
from actionplans.documents.writing import VersionConflict
from actionplans.models import Evidence, MonitoringPeriod, ProgressReport
from actionplans.monitoring import selectors, services, workflow
from actionplans.monitoring.checklist import missing_for_submission
from actionplans.monitoring.content import REPORT
from actionplans.monitoring.workflow import REPORTS
from actionplans.selectors import plans_visible_to
from portal.core.api.schema import MemberSchema
from portal.core.validators import validate_document_file
from projects.api.refs import ProjectRefSerializer
from regions.api.refs import RegionRefSerializer

ContentSerializer = content_api.content_serializer(REPORT)


def _absolute(name, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


class PeriodSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    due_on = serializers.DateField()


class ReportSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    plan = serializers.IntegerField(source="plan_id")
    project = ProjectRefSerializer(source="plan.partnership.project")
    region = RegionRefSerializer(source="plan.partnership.region")
    period = PeriodSerializer()
    state = serializers.ChoiceField(choices=ProgressReport.State.choices)
    version = serializers.IntegerField()
    is_demo = serializers.BooleanField()
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_url(self, report) -> str:
        return _absolute("actionplans:report", report.pk)

    def get_api_url(self, report) -> str:
        return _absolute("api:workspace-report-detail", report.pk)


class ReportSerializer(ReportSummarySerializer):
    content = serializers.SerializerMethodField()
    missing = serializers.SerializerMethodField()
    steps = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()

    @extend_schema_field(ContentSerializer)
    def get_content(self, report) -> dict:
        return content_api.to_api(REPORT, self.context["content"], {})

    def get_missing(self, report) -> list[str]:
        """What the report still needs before it can be submitted."""
        return missing_for_submission(self.context["content"])

    def get_steps(self, report) -> list[str]:
        """The workflow steps the signed-in user may take now (POST …/<step>/)."""
        user = self.context["request"].user
        return [step.name.replace("_", "-") for step in workflow.available_steps(user, report)]

    def get_can_edit(self, report) -> bool:
        return REPORTS.may(self.context["request"].user, "change", report)


class ReportCreateSerializer(serializers.Serializer):
    plan = serializers.IntegerField(min_value=1, help_text=_("The approved plan's id."))
    period = serializers.IntegerField(min_value=1, help_text=_("The period's number."))


class ReportWriteSerializer(ContentSerializer):
    version = serializers.IntegerField(
        min_value=0, help_text=_("The version this change starts from; 409 if it is not current.")
    )


class EvidenceUploadSerializer(serializers.Serializer):
    version = serializers.IntegerField(min_value=0)
    action = serializers.IntegerField(min_value=1, help_text=_("The id of the action's row."))
    title = serializers.CharField(max_length=250)
    file = serializers.FileField(
        validators=[validate_document_file],
        help_text=_("PDF, an image or an office document."),
    )


WRITE_RESPONSES = {200: ReportSerializer, 409: CONFLICT}


@extend_schema(tags=["workspace"])
class WorkspaceReportViewSet(GenericViewSet):
    """Phase-2 progress reports a partner files or a coordinator reviews.

    Start one with POST (`plan`, `period`): it comes filled in from the approved plan and
    the report before. Its `content` is written whole with PUT or in part with PATCH,
    either with the `version` it started from. Workflow steps are POSTs of their own.
    """

    lookup_value_regex = r"\d+"
    schema = MemberSchema()
    serializer_class = ReportSerializer

    def get_queryset(self):
        return selectors.reports_visible_to(self.request.user)

    def detail_response(self, report, code=status.HTTP_200_OK) -> Response:
        report = selectors.workspace_report(report.pk)
        context = {"request": self.request, "content": REPORTS.current_content(report)}
        return Response(ReportSerializer(report, context=context).data, status=code)

    @extend_schema(responses=ReportSummarySerializer(many=True))
    def list(self, request):
        reports = self.get_queryset().order_by("period__project_id", "plan_id", "period__number")
        return Response(ReportSummarySerializer(reports, many=True).data)

    def retrieve(self, request, pk=None):
        return self.detail_response(self.get_object())

    @extend_schema(request=ReportCreateSerializer, responses={201: ReportSerializer})
    def create(self, request):
        serializer = ReportCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        plan = plans_visible_to(request.user).filter(pk=data["plan"]).first()
        if plan is None:
            raise serializers.ValidationError({"plan": [_("You have no such action plan.")]})
        period = MonitoringPeriod.objects.filter(
            project_id=plan.partnership.project_id, number=data["period"]
        ).first()
        if period is None:
            raise serializers.ValidationError({"period": [_("The project has no such period.")]})
        with service_errors():
            report = services.report_start(user=request.user, plan=plan, period=period)
        return self.detail_response(report, status.HTTP_201_CREATED)

    def write(self, report, content, version, uploads=None) -> Response:
        try:
            with service_errors():
                services.report_write(
                    user=self.request.user,
                    report=report,
                    expected_version=version,
                    content=content,
                    uploads=uploads,
                )
        except VersionConflict as conflict:
            return Response(
                {
                    "detail": conflict.message,
                    "version": conflict.document.version,
                    "kept": conflict.kept.pk,
                },
                status=status.HTTP_409_CONFLICT,
            )
        return self.detail_response(report)

    def _save(self, request, *, partial: bool) -> Response:
        report = self.get_object()
        current = REPORTS.current_content(report)
        data = request.data
        if partial:
            # A PATCH names the parts it changes; the others stay as they are.
            data = patched(content_api.to_api(REPORT, current, {}), request)
        serializer = ReportWriteSerializer(data=data)
        serializer.is_valid(raise_exception=True)
        version = serializer.validated_data.pop("version")
        content = content_api.from_api(REPORT, serializer.validated_data, current)
        return self.write(report, content, version)

    @extend_schema(request=ReportWriteSerializer, responses=WRITE_RESPONSES)
    def update(self, request, pk=None):
        return self._save(request, partial=False)

    @extend_schema(request=ReportWriteSerializer(partial=True), responses=WRITE_RESPONSES)
    def partial_update(self, request, pk=None):
        return self._save(request, partial=True)

    def _step(self, request, name: str) -> Response:
        report = self.get_object()
        serializer = StepSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with service_errors():
            workflow.report_transition(
                user=request.user,
                report=report,
                step=name,
                comment=serializer.validated_data["comment"],
            )
        return self.detail_response(report)

    @extend_schema(request=StepSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._step(request, "submit")

    @extend_schema(request=StepSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"], url_path="request-changes")
    def request_changes(self, request, pk=None):
        return self._step(request, "request_changes")

    @extend_schema(request=StepSerializer, responses=ReportSerializer)
    @action(detail=True, methods=["post"])
    def accept(self, request, pk=None):
        return self._step(request, "accept")

    @extend_schema(responses=VersionSerializer(many=True))
    @action(detail=True, methods=["get"])
    def versions(self, request, pk=None):
        versions = selectors.report_versions(self.get_object())
        return Response(VersionSerializer(versions, many=True).data)

    @extend_schema(
        request=EvidenceUploadSerializer,
        responses=WRITE_RESPONSES,
        description="Add a document as evidence to one action of the report.",
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def evidence(self, request, pk=None):
        report = self.get_object()
        serializer = EvidenceUploadSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        content = REPORTS.current_content(report)
        index = next(
            (i for i, row in enumerate(content["actions"]) if row["id"] == data["action"]), None
        )
        if index is None:
            raise serializers.ValidationError({"action": [_("This report has no such action.")]})
        rows = content["actions"][index]["evidence"]
        rows.append(
            {
                "id": None,
                "kind": Evidence.Kind.DOCUMENT,
                "title": data["title"],
                "url": "",
                "file": "",
            }
        )
        place = f"actions.{index}.evidence.{len(rows) - 1}.file"
        return self.write(report, content, data["version"], uploads={place: data["file"]})
