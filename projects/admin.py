from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from portal.core.admin import DocumentInline
from projects.models import GoodPractice, Partnership, Phase, Programme, Project, ProjectRole


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
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
class ProjectAdmin(TranslationAdmin):
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


@admin.register(GoodPractice)
class GoodPracticeAdmin(TranslationAdmin):
    list_display = ("title", "project", "region", "approach", "status")
    list_filter = ("status", "approach", "project", "themes")
    search_fields = ("title", "summary", "organisation__name")
    list_select_related = ("project", "region")
    autocomplete_fields = ("organisation", "region", "contact", "proposed_by", "reviewed_by")
    filter_horizontal = ("themes", "related")
    prepopulated_fields = {"slug": ("title_en",)}
