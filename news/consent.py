"""The consent a subscriber gives, kept with each subscriber in the words they read.

Changing the wording means a new version: add it here and point CURRENT at it, so every
subscriber's record still says which text they agreed to.
"""

from django.utils.translation import gettext_lazy as _

TEXTS = {
    "2026-12": _(
        "I agree that the innovation cooperation network keeps my email address, language "
        "and topics to send me its newsletter. I can change them, download them or erase "
        "them, and unsubscribe, from a link in every issue."
    ),
}
CURRENT = "2026-12"


def current_text() -> str:
    """The current consent text in the active language."""
    return str(TEXTS[CURRENT])
