from functools import reduce
from operator import or_

from django.conf import settings
from django.contrib import admin
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationGenericTabularInline
from modeltranslation.translator import translator

from portal.core.models import Document, OutgoingMail

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _translated_fields(model) -> list[str]:
    return sorted(translator.get_options_for_model(model).fields)


def _blank(field: str) -> Q:
    return Q(**{f"{field}__isnull": True}) | Q(**{field: ""})


def lacking(model, language: str) -> Q:
    """Rows with a text that some language has and `language` has not."""
    conditions = []
    for field in _translated_fields(model):
        written = reduce(
            or_, (~_blank(f"{field}_{other}") for other in LANGUAGES if other != language)
        )
        conditions.append(_blank(f"{field}_{language}") & written)
    return reduce(or_, conditions)


class MissingLanguageFilter(admin.SimpleListFilter):
    title = _("missing a language")
    parameter_name = "missing_language"

    def lookups(self, request, model_admin):
        return [(code, name) for code, name in settings.LANGUAGES]

    def queryset(self, request, queryset):
        if self.value() in LANGUAGES:
            return queryset.filter(lacking(queryset.model, self.value()))
        return queryset


class MissingLanguagesMixin:
    """For a modeltranslation admin: a column naming the languages a row lacks (a text
    written in one language and not in another) and a filter by the language missing."""

    def get_list_display(self, request):
        return [*super().get_list_display(request), "missing_languages"]

    def get_list_filter(self, request):
        return [*super().get_list_filter(request), MissingLanguageFilter]

    @admin.display(description=_("missing languages"))
    def missing_languages(self, obj) -> str:
        names = dict(settings.LANGUAGES)
        missing = []
        for language in LANGUAGES:
            for field in _translated_fields(type(obj)):
                own = getattr(obj, f"{field}_{language}", None)
                others = [getattr(obj, f"{field}_{o}", None) for o in LANGUAGES if o != language]
                if not own and any(others):
                    missing.append(str(names[language]))
                    break
        return ", ".join(missing) or "–"


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
