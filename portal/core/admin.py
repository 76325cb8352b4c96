from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationGenericTabularInline

from portal.core.models import Document


class DocumentInline(TranslationGenericTabularInline):
    model = Document
    extra = 0
    fields = ("title", "kind", "file", "url", "language", "published_on", "is_placeholder")


@admin.register(Document)
class DocumentAdmin(TranslationAdmin):
    list_display = ("title", "kind", "content_type", "language", "published_on")
    list_filter = ("kind", "language", "content_type", "is_placeholder")
    search_fields = ("title",)
    date_hierarchy = "published_on"
