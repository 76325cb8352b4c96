from modeltranslation.translator import TranslationOptions, register

from portal.core.models import Document


@register(Document)
class DocumentTranslation(TranslationOptions):
    fields = ("title",)
