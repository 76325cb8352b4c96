from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationGenericTabularInline

from portal.core.models import Document, OutgoingMail


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


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """A log of what the portal sent; rows are written by portal.core.mail only."""

    list_display = ("subject", "to", "state", "attempts", "created_at", "sent_at")
    list_filter = ("state",)
    search_fields = ("to", "subject", "key")
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in OutgoingMail._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
