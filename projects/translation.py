from modeltranslation.translator import TranslationOptions, register

from projects.models import Programme, Project


@register(Programme)
class ProgrammeTranslation(TranslationOptions):
    fields = ("name", "summary")


@register(Project)
class ProjectTranslation(TranslationOptions):
    fields = ("title", "summary")
