"""Reading translated content with the fallback made visible."""

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_NAMES = dict(settings.LANGUAGES)
FALLBACKS = settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"]


def translated(obj, field: str) -> tuple[str, str | None]:
    """(text, language it is in when that is not the reader's language, else None)."""
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    value = getattr(obj, f"{field}_{current}", None)
    if value:
        return value, None
    for language in FALLBACKS:
        value = getattr(obj, f"{field}_{language}", None)
        if value:
            return value, language
    return getattr(obj, field, "") or "", None
