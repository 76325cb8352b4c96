from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from portal.core.admin import DocumentInline, MissingLanguagesMixin
from projects import services
from projects.forms import DeclineForm
from projects.models import GoodPractice, Partnership, Phase, Programme, Project, ProjectRole


@admin.register(Programme)
class ProgrammeAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "period_start", "period_end")
    search_fields = ("name",)
    prepopulated_fields = {"slug": ("name_en",)}


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0


class PartnershipInline(admin.TabularInline):
    model = Partnership
    extra = 0
    autocomplete_fields = ("organisation", "region")
    show_change_link = True


@admin.register(Project)
class ProjectAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("acronym", "title", "programme", "start_date", "end_date")
    list_filter = ("programme", "themes")
    search_fields = ("acronym", "title", "keep_id")
    list_select_related = ("programme",)
    filter_horizontal = ("themes",)
    autocomplete_fields = ("contacts",)
    prepopulated_fields = {"slug": ("acronym",)}
    inlines = [PhaseInline, PartnershipInline, DocumentInline]


class ProjectRoleInline(admin.TabularInline):
    model = ProjectRole
    extra = 0
    autocomplete_fields = ("user",)


@admin.register(Partnership)
class PartnershipAdmin(admin.ModelAdmin):
    list_display = ("organisation", "project", "role", "region")
    list_filter = ("project", "role", "region__country")
    search_fields = ("organisation__name", "project__acronym", "region__name")
    list_select_related = ("organisation", "project", "region")
    autocomplete_fields = ("organisation", "region")
    inlines = [ProjectRoleInline]


@admin.register(ProjectRole)
class ProjectRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "role", "partnership")
    list_filter = ("role", "partnership__project")
    search_fields = ("user__email", "user__full_name", "partnership__organisation__name")
    list_select_related = ("user", "partnership__project", "partnership__organisation")
    autocomplete_fields = ("user", "partnership")


def _explain(error) -> str:
    return " ".join(error.messages) if isinstance(error, ValidationError) else str(error)


@admin.register(GoodPractice)
class GoodPracticeAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("title", "project", "region", "approach", "status")
    list_filter = ("status", "approach", "project", "themes")
    search_fields = ("title", "summary", "organisation__name")
    list_select_related = ("project", "region")
    autocomplete_fields = ("organisation", "region", "contact", "proposed_by")
    filter_horizontal = ("themes", "related")
    prepopulated_fields = {"slug": ("title_en",)}
    # The decision is taken through the services, as on the review page, so the same
    # rules hold (who may review, a reason to decline, a proposal decided only once).
    readonly_fields = ("status", "decline_reason", "reviewed_by", "reviewed_at")
    actions = ["validate", "decline"]

    @admin.action(description=_("Validate and publish the selected proposals"))
    def validate(self, request, queryset):
        self._review(request, queryset, services.practice_validate)

    @admin.action(description=_("Decline the selected proposals, with a reason"))
    def decline(self, request, queryset):
        form = DeclineForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            self._review(
                request, queryset, services.practice_decline, reason=form.cleaned_data["reason"]
            )
            return None
        return render(
            request,
            "admin/projects/goodpractice/decline.html",
            {
                **self.admin_site.each_context(request),
                "title": _("Decline good practices"),
                "opts": self.model._meta,
                "practices": queryset,
                "form": form,
            },
        )

    def _review(self, request, queryset, service, **arguments):
        reviewed = 0
        for practice in queryset.select_related("project"):
            try:
                service(user=request.user, practice=practice, **arguments)
            except (PermissionDenied, ValidationError) as error:
                self.message_user(request, f"{practice}: {_explain(error)}", messages.ERROR)
            else:
                reviewed += 1
        if reviewed:
            self.message_user(
                request,
                ngettext(
                    "%(count)d good practice reviewed.",
                    "%(count)d good practices reviewed.",
                    reviewed,
                )
                % {"count": reviewed},
                messages.SUCCESS,
            )
