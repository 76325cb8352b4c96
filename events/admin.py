"""Events and their programmes are edited here; registrations are only looked at.

Places change only through the services (events.services), so the admin writes no
registration: settings, approvals and check-in are the organisers' pages. Who sees and
changes what is asked of events.rules, as the pages ask it.
"""

from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from events import selectors
from events.models import Event, Person, Presentation, Registration, Session
from events.rules import can
from events.services import registration as registration_services
from portal.core.admin import DocumentInline, MissingLanguagesMixin
from portal.core.personal_data_admin import PersonalDataAdmin


class _ProgrammeRules:
    """Change and delete as the event's rules say (the event of the object shown)."""

    def _event(self, obj):
        return obj

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        if obj is None:
            return allowed
        return allowed and can(request.user, "events.change_programme", self._event(obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        if obj is None:
            return allowed
        return allowed and can(request.user, "events.change_programme", self._event(obj))


class SessionInline(TranslationTabularInline):
    model = Session
    extra = 0
    fields = ("starts_at", "ends_at", "kind", "title", "track", "room", "edit")
    readonly_fields = ("edit",)
    show_change_link = True

    @admin.display(description=_("chairs, presentations, slides"))
    def edit(self, session):
        if not session.pk:
            return ""
        url = reverse("admin:events_session_change", args=[session.pk])
        return format_html('<a href="{}">{}</a>', url, _("Edit the session"))


@admin.register(Event)
class EventAdmin(MissingLanguagesMixin, _ProgrammeRules, TranslationAdmin):
    list_display = ("title", "type", "starts_at", "city", "project", "is_demo")
    list_filter = ("type", "project", "country", "date_precision", "is_demo")
    search_fields = ("title", "city", "venue")
    list_select_related = ("project",)
    date_hierarchy = "starts_at"
    autocomplete_fields = ("region",)
    filter_horizontal = ("organisers",)
    prepopulated_fields = {"slug": ("title_en",)}
    inlines = [SessionInline, DocumentInline]


class PresentationInline(TranslationTabularInline):
    model = Presentation
    extra = 0
    fields = ("position", "title", "speakers", "slides")
    readonly_fields = ("slides",)
    autocomplete_fields = ("speakers",)

    @admin.display(description=_("slides"))
    def slides(self, presentation):
        if not presentation.pk:
            return _("Save first, then add the slides.")
        url = reverse("admin:events_presentation_change", args=[presentation.pk])
        return format_html('<a href="{}">{}</a>', url, _("Add or replace the slides"))


@admin.register(Session)
class SessionAdmin(MissingLanguagesMixin, _ProgrammeRules, TranslationAdmin):
    list_display = ("title", "event", "kind", "starts_at", "room", "capacity", "is_demo")
    list_filter = ("kind", "is_demo", "event")
    search_fields = ("title", "event__title")
    list_select_related = ("event",)
    autocomplete_fields = ("event", "chairs")
    inlines = [PresentationInline, DocumentInline]

    def _event(self, session):
        return session.event


@admin.register(Presentation)
class PresentationAdmin(MissingLanguagesMixin, _ProgrammeRules, TranslationAdmin):
    list_display = ("title", "session", "position")
    search_fields = ("title", "session__title")
    list_select_related = ("session",)
    autocomplete_fields = ("session", "speakers")
    inlines = [DocumentInline]

    def _event(self, presentation):
        return presentation.session.event


@admin.register(Person)
class PersonAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "organisation_name", "organisation", "is_demo")
    list_filter = ("is_demo",)
    search_fields = ("name", "organisation_name", "organisation__name")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("organisation",)


@admin.register(Registration)
class RegistrationAdmin(PersonalDataAdmin):
    """Read only: the participants pages are where organisers work with registrations.
    Superusers export and erase a registrant's data here, as the registrant's own link does."""

    list_display = ("__str__", "event", "state", "created_at", "checked_in_at", "is_demo")
    list_filter = ("state", "is_demo")
    search_fields = ("name", "email", "organisation_name", "event__title")
    list_select_related = ("event",)
    date_hierarchy = "created_at"
    exclude = ("secret",)

    def get_readonly_fields(self, request, obj=None):
        return [f.name for f in Registration._meta.fields if f.name != "secret"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def has_view_permission(self, request, obj=None):
        if obj is not None:
            return can(request.user, "events.view_participants", obj.event)
        return super().has_view_permission(request, obj)

    def personal_data_export(self, registration) -> dict:
        return selectors.registration_data(registration)

    def personal_data_erase(self, request, registration) -> None:
        registration_services.registration_erase(registration=registration)
