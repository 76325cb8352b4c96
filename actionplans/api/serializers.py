from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from actionplans import workflow
from actionplans.checklist import plan_checklist
from actionplans.content import ACTIONS, PLAN
from actionplans.documents.serializers import content_serializer, item_serializer, to_api
from actionplans.models import ActionPlan, PlanVersion, ReviewComment
from actionplans.rules import can
from portal.core.api.fields import LinkField
from projects.api.refs import ProjectRefSerializer
from projects.selectors import partnership_by_slugs
from regions.api.refs import OrganisationRefSerializer, RegionRefSerializer

# The plan's content and one action, as its description declares them.
ContentSerializer = content_serializer(PLAN)
ActionSerializer = item_serializer(PLAN.name, ACTIONS)


def _absolute(name, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


class PublicPlanSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    title = serializers.SerializerMethodField()
    project = ProjectRefSerializer(source="partnership.project")
    region = RegionRefSerializer(source="partnership.region")
    organisation = OrganisationRefSerializer(source="partnership.organisation")
    approved_at = serializers.DateTimeField()
    is_demo = serializers.BooleanField()
    content = serializers.SerializerMethodField()
    url = LinkField("actionplans:public-detail")
    api_url = LinkField("api:action-plan-detail")

    def get_title(self, plan) -> str:
        return plan.approved_version.content["title"]

    @extend_schema_field(OpenApiTypes.OBJECT)
    def get_content(self, plan) -> dict:
        return to_api(PLAN, plan.approved_version.content, self.context["refs"], public=True)


class PlanSummarySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    state = serializers.ChoiceField(choices=ActionPlan.State.choices)
    revision = serializers.IntegerField()
    version = serializers.IntegerField()
    due_on = serializers.DateField()
    project = ProjectRefSerializer(source="partnership.project")
    region = RegionRefSerializer(source="partnership.region")
    organisation = OrganisationRefSerializer(source="partnership.organisation")
    url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_url(self, plan) -> str:
        return _absolute("actionplans:detail", plan.pk)

    def get_api_url(self, plan) -> str:
        return _absolute("api:workspace-plan-detail", plan.pk)


class PartStatusSerializer(serializers.Serializer):
    part = serializers.CharField()
    complete = serializers.BooleanField()
    missing = serializers.ListField(child=serializers.CharField())


class PlanSerializer(PlanSummarySerializer):
    """A plan with its content; the view passes the content and its references in."""

    review_round = serializers.IntegerField()
    public_url = serializers.SerializerMethodField()
    content = serializers.SerializerMethodField()
    checklist = serializers.SerializerMethodField()
    steps = serializers.SerializerMethodField()
    can_edit = serializers.SerializerMethodField()

    def get_public_url(self, plan) -> str | None:
        return _absolute("actionplans:public-detail", plan.slug) if plan.is_public else None

    @extend_schema_field(ContentSerializer)
    def get_content(self, plan) -> dict:
        return to_api(PLAN, self.context["content"], self.context["refs"])

    @extend_schema_field(PartStatusSerializer(many=True))
    def get_checklist(self, plan) -> list:
        statuses = plan_checklist(self.context["content"])
        return [{"part": s.part, "complete": s.complete, "missing": s.missing} for s in statuses]

    def get_steps(self, plan) -> list[str]:
        """The workflow steps the signed-in user may take now (POST …/<step>/)."""
        user = self.context["request"].user
        return [step.name.replace("_", "-") for step in workflow.available_steps(user, plan)]

    def get_can_edit(self, plan) -> bool:
        return can(self.context["request"].user, "actionplans.change_plan", plan)


class PlanCreateSerializer(serializers.Serializer):
    project = serializers.SlugField(help_text=_("The project's slug."))
    organisation = serializers.SlugField(help_text=_("The slug of the partner you file for."))
    title = serializers.CharField(max_length=250)
    language = serializers.ChoiceField(choices=settings.LANGUAGES, default="en")

    def validate(self, data):
        partnership = partnership_by_slugs(data.pop("project"), data.pop("organisation"))
        if partnership is None:
            raise serializers.ValidationError(
                {"organisation": [_("That organisation is no partner of that project.")]}
            )
        return {**data, "partnership": partnership}


class PlanWriteSerializer(ContentSerializer):
    version = serializers.IntegerField(
        min_value=0, help_text=_("The version this change starts from; 409 if it is not current.")
    )


class ActionWriteSerializer(ActionSerializer):
    version = serializers.IntegerField(
        min_value=0, help_text=_("The plan's version this change starts from.")
    )


class StepSerializer(serializers.Serializer):
    comment = serializers.CharField(
        allow_blank=True,
        default="",
        max_length=5000,
        help_text=_("Required to request changes or to reopen."),
    )


class RemarkSerializer(serializers.ModelSerializer):
    action = serializers.IntegerField(
        source="action_id", allow_null=True, required=False, help_text=_("An action's id.")
    )
    author = serializers.StringRelatedField()

    class Meta:
        model = ReviewComment
        fields = [
            "id",
            "review_round",
            "section",
            "action",
            "action_title",
            "body",
            "author",
            "created_at",
        ]
        read_only_fields = ["id", "review_round", "action_title", "author", "created_at"]


class VersionSerializer(serializers.ModelSerializer):
    author = serializers.StringRelatedField()

    class Meta:
        model = PlanVersion
        fields = ["id", "number", "kind", "note", "based_on", "author", "created_at"]


class LetterSerializer(serializers.Serializer):
    letter = serializers.FileField(help_text=_("The signed endorsement letter, a PDF."))
    version = serializers.IntegerField(min_value=0)
