"""Rich text that partners write in the browser, kept safe wherever it comes from.

Whatever arrives — from the editor, a pasted document or the API — is cleaned against an
allow-list before it is stored, so a page can print it as HTML without trusting its author.
"""

import html

import nh3
from django.db import models
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "s", "del", "ul", "ol", "li",
    "blockquote", "h3", "h4", "a", "div",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def sanitize_html(value: str) -> str:
    if not value:
        return ""
    cleaned = nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    ).strip()
    # An editor left empty still sends "<div><br></div>"; that is no text at all.
    return cleaned if strip_tags(cleaned).strip() else ""


def as_html(value: str):
    """Stored rich text for a template; it was cleaned on its way in, and is cleaned again."""
    return mark_safe(sanitize_html(value))


def as_text(value: str) -> str:
    """Rich text reduced to its words, for comparisons, emails and search."""
    return " ".join(html.unescape(strip_tags(value.replace("<", " <"))).split()) if value else ""


class RichTextField(models.TextField):
    """A text column that only ever stores sanitised HTML, whichever path writes it."""

    def get_prep_value(self, value):
        return sanitize_html(super().get_prep_value(value))
