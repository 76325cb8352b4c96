from modeltranslation.translator import TranslationOptions, register

from regions.models import (
    Contact,
    Cooperation,
    Infrastructure,
    Milestone,
    Organisation,
    PriorityDomain,
    Region,
    Strategy,
    Theme,
)


@register(Theme)
class ThemeTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Strategy)
class StrategyTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(PriorityDomain)
class PriorityDomainTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    # Cities too: Brussels is Brussel in Dutch and Brüssel in German.
    fields = ("name", "city", "summary")


@register(Contact)
class ContactTranslation(TranslationOptions):
    fields = ("job_title", "department")


@register(Cooperation)
class CooperationTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "place", "summary")


@register(Infrastructure)
class InfrastructureTranslation(TranslationOptions):
    fields = ("name", "city", "summary", "equipment", "access")
