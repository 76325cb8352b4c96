from modeltranslation.translator import TranslationOptions, register

from projects.models import GoodPractice, Programme, Project


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary")


@register(GoodPractice)
class GoodPracticeTranslation(TranslationOptions):
    fields = (
        "title",
        "summary",
        "problem",
        "description",
        "resources",
        "evidence",
        "transferability",
        "lessons",
    )
