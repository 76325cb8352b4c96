"""The admin shows plans and their history; content and workflow change in the workspace.

Edits made here would bypass the version history and the workflow, so the admin may only
set a plan's deadline, through the same service as everywhere. Nothing can be deleted: a
plan's history is kept. What a user sees is what the plan rules let them see, whatever
Django model permissions they hold.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from actionplans import selectors, services
from actionplans.models import ActionPlan, PlanTransition, PlanVersion
from actionplans.rules import can
from portal.core.personal_data_admin import PersonalDataAdmin


class _ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class TransitionInline(_ReadOnlyInline):
    model = PlanTransition
    fields = ("at", "by", "source", "target", "revision", "version", "comment")
    readonly_fields = fields


class VersionInline(_ReadOnlyInline):
    model = PlanVersion
    fields = ("number", "kind", "note", "author", "created_at")
    readonly_fields = fields
    ordering = ("-created_at",)


@admin.register(ActionPlan)
class ActionPlanAdmin(PersonalDataAdmin):
    list_display = ("title", "project", "region", "state", "revision", "version", "due_on")
    list_filter = ("state", "partnership__project", "is_demo")
    search_fields = ("title", "partnership__organisation__name", "partnership__region__name")
    list_select_related = ("partnership__project", "partnership__region")
    fields = (
        "workspace_link",
        "partnership",
        "title",
        "state",
        "revision",
        "review_round",
        "version",
        "approved_version",
        "due_on",
        "endorsed_by",
        "endorsed_on",
        "is_demo",
    )
    readonly_fields = tuple(f for f in fields if f != "due_on")
    inlines = [TransitionInline, VersionInline]

    @admin.display(description=_("project"), ordering="partnership__project__acronym")
    def project(self, plan):
        return plan.partnership.project.acronym

    @admin.display(description=_("region"), ordering="partnership__region__name")
    def region(self, plan):
        return plan.partnership.region.name

    @admin.display(description=_("workspace"))
    def workspace_link(self, plan):
        url = reverse("actionplans:detail", args=[plan.pk])
        return format_html('<a href="{}">{}</a>', url, _("Open the plan in the workspace"))

    def get_queryset(self, request):
        return selectors.plans_visible_to(request.user)

    def has_module_permission(self, request):
        return selectors.plans_visible_to(request.user).exists()

    def has_view_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return can(request.user, "actionplans.view_plan", obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return can(request.user, "actionplans.set_due_plan", obj)

    def save_model(self, request, obj, form, change):
        services.plan_set_due(user=request.user, plan=obj, due_on=form.cleaned_data["due_on"])

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    # Personal data on request: the plan's contact person (the partners name them).
    def personal_data_export(self, plan) -> dict:
        return selectors.plan_contact_data(plan, plan.contact_email)

    def personal_data_erase(self, request, plan) -> None:
        services.plan_contact_erase(plan=plan)
