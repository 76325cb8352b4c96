from modeltranslation.translator import TranslationOptions, register

from events.models import Consent, Event, Message, Person, Presentation, Session


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "venue", "city", "summary", "agenda", "report")


@register(Session)
class SessionTranslation(TranslationOptions):
    fields = ("title", "track", "room", "description", "report")


@register(Presentation)
class PresentationTranslation(TranslationOptions):
    fields = ("title",)


@register(Person)
class PersonTranslation(TranslationOptions):
    fields = ("bio",)


@register(Consent)
class ConsentTranslation(TranslationOptions):
    fields = ("text",)


@register(Message)
class MessageTranslation(TranslationOptions):
    fields = ("subject", "body")
