from modeltranslation.translator import TranslationOptions, register

from news.models import Article, Issue


@register(Article)
class ArticleTranslation(TranslationOptions):
    fields = ("title", "summary", "body")


@register(Issue)
class IssueTranslation(TranslationOptions):
    fields = ("title", "intro")
