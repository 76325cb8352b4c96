from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from news.models import Article


@admin.register(Article)
class ArticleAdmin(TranslationAdmin):
    list_display = ("title", "published_at", "is_published", "project")
    list_filter = ("is_published", "project", "themes")
    search_fields = ("title", "summary")
    list_select_related = ("project",)
    date_hierarchy = "published_at"
    autocomplete_fields = ("region", "event")
    filter_horizontal = ("themes",)
    prepopulated_fields = {"slug": ("title_en",)}
