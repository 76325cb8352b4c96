from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from news import selectors
from news.models import Article, Issue, Subscriber
from news.services import subscription
from portal.core.admin import MissingLanguagesMixin
from portal.core.personal_data_admin import PersonalDataAdmin


@admin.register(Article)
class ArticleAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("title", "published_at", "is_published", "project")
    list_filter = ("is_published", "project", "themes")
    search_fields = ("title", "summary")
    list_select_related = ("project",)
    date_hierarchy = "published_at"
    autocomplete_fields = ("region", "event")
    filter_horizontal = ("themes",)
    prepopulated_fields = {"slug": ("title_en",)}


@admin.register(Subscriber)
class SubscriberAdmin(PersonalDataAdmin):
    """Subscribers change only through their own links; staff may look them up and erase
    them on request, through the same service as the subscriber's own page."""

    list_display = ("email", "state", "language", "created_at", "confirmed_at")
    list_filter = ("state", "language")
    search_fields = ("email",)
    date_hierarchy = "created_at"
    readonly_fields = [f.name for f in Subscriber._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def personal_data_export(self, subscriber) -> dict:
        return selectors.subscriber_data(subscriber)

    def personal_data_erase(self, request, subscriber) -> None:
        subscription.subscriber_erase(subscriber=subscriber)


@admin.register(Issue)
class IssueAdmin(admin.ModelAdmin):
    """A list of the issues; composing and sending happen on the newsletter's own pages."""

    list_display = ("__str__", "project", "state", "scheduled_for", "started_at", "finished_at")
    list_filter = ("state", "project")
    list_select_related = ("project",)
    readonly_fields = [f.name for f in Issue._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
