from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from portal.core.admin import DocumentInline, MissingLanguagesMixin
from regions.models import (
    Contact,
    Cooperation,
    Infrastructure,
    Membership,
    Milestone,
    Organisation,
    PriorityDomain,
    Region,
    Strategy,
    Theme,
)


@admin.register(Theme)
class ThemeAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}


class StrategyInline(admin.TabularInline):
    model = Strategy
    extra = 0
    fields = ("title", "period_start", "period_end", "url")
    show_change_link = True


@admin.register(Region)
class RegionAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "nuts_code", "country", "type", "parent")
    list_filter = ("type", "country")
    search_fields = ("name", "nuts_code", "slug")
    autocomplete_fields = ("parent", "contacts")
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [StrategyInline, DocumentInline]


class PriorityDomainInline(TranslationTabularInline):
    model = PriorityDomain
    extra = 0


@admin.register(Strategy)
class StrategyAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("title", "region", "period_start", "period_end")
    list_filter = ("region__country",)
    search_fields = ("title", "region__name")
    list_select_related = ("region",)
    autocomplete_fields = ("region", "author", "contacts")
    inlines = [PriorityDomainInline, DocumentInline]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ("user",)


class ContactInline(TranslationTabularInline):
    model = Contact
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "acronym", "type", "region", "city")
    list_filter = ("type", "region__country")
    search_fields = ("name", "acronym", "slug", "city")
    list_select_related = ("region",)
    autocomplete_fields = ("region",)
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [MembershipInline, ContactInline, DocumentInline]


@admin.register(Contact)
class ContactAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "organisation", "job_title", "is_public")
    list_filter = ("is_public",)
    search_fields = ("name", "email", "organisation__name")
    list_select_related = ("organisation",)
    autocomplete_fields = ("organisation",)


class MilestoneInline(TranslationTabularInline):
    model = Milestone
    extra = 0
    fields = ("date", "kind", "title", "place")
    show_change_link = True


@admin.register(Cooperation)
class CooperationAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "started_on")
    search_fields = ("name",)
    filter_horizontal = ("regions", "themes")
    autocomplete_fields = ("contacts",)
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [MilestoneInline, DocumentInline]


@admin.register(Milestone)
class MilestoneAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("date", "title", "kind", "place", "cooperation")
    list_filter = ("kind", "cooperation")
    search_fields = ("title", "place")
    date_hierarchy = "date"
    filter_horizontal = ("themes",)
    inlines = [DocumentInline]


@admin.register(Infrastructure)
class InfrastructureAdmin(MissingLanguagesMixin, TranslationAdmin):
    list_display = ("name", "kind", "owner", "region", "city")
    list_filter = ("kind", "region__country", "themes")
    search_fields = ("name", "owner__name", "city")
    list_select_related = ("owner", "region")
    autocomplete_fields = ("owner", "region", "contact")
    filter_horizontal = ("themes",)
    prepopulated_fields = {"slug": ("name_en",)}
    inlines = [DocumentInline]
