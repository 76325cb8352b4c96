from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from events.models import Event
from portal.core.admin import DocumentInline


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ("title", "type", "starts_at", "city", "project")
    list_filter = ("type", "project", "country", "date_precision")
    search_fields = ("title", "city", "venue")
    list_select_related = ("project",)
    date_hierarchy = "starts_at"
    autocomplete_fields = ("region",)
    filter_horizontal = ("organisers",)
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [DocumentInline]
