"""An issue as a mail: rendered once per language, then made personal per subscriber.

The triplet templates/emails/newsletter-{subject.txt,body.txt,body.html} is rendered in the
subscriber's language, with the items' texts falling back as the pages do (English, then
Dutch). The personal links are left as markers in the rendering and filled in per mail:
rendering the templates ten thousand times would cost more than sending.
"""

import functools
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation

from news import selectors
from news.models import Delivery, Issue, Subscriber
from news.tokens import TEST_TOKEN, personal_token
from portal.core.mail import render_mail

# Letters only, so HTML escaping and URL quoting leave them as they are.
TOKEN_MARK = "NEWSLETTERPERSONALTOKEN"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str
    unsubscribe_url: str  # with TOKEN_MARK in place of the token

    def personal(self, token: str) -> tuple[str, str, str, str]:
        return (
            self.text.replace(TOKEN_MARK, token),
            self.html.replace(TOKEN_MARK, token),
            self.unsubscribe_url.replace(TOKEN_MARK, token),
            self.subject,
        )


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def web_version_url(issue: Issue, language: str) -> str:
    with translation.override(language):
        return absolute(reverse("newsletter:archive-detail", args=[issue.pk]))


def render(issue: Issue, language: str, items=None) -> Rendered:
    """The issue in one language, with markers for the personal links."""
    if items is None:
        items = selectors.issue_items(issue)
    with translation.override(language):
        unsubscribe = absolute(reverse("newsletter:unsubscribe", args=[TOKEN_MARK]))
        preferences = absolute(reverse("newsletter:preferences", args=[TOKEN_MARK]))
        context = {
            "issue": issue,
            "items": items,
            "unsubscribe_url": unsubscribe,
            "preferences_url": preferences,
            "web_url": web_version_url(issue, language),
            "archive_url": absolute(reverse("newsletter:archive")),
            "header_image_url": absolute(static("img/newsletter-header.png")),
        }
    subject, text, html = render_mail("newsletter", context, language)
    return Rendered(subject, text, html, unsubscribe)


@functools.lru_cache(maxsize=16)
def _cached(issue_id: int, version: str, language: str) -> Rendered:
    return render(Issue.objects.get(pk=issue_id), language)


def rendered_for_sending(issue: Issue, language: str) -> Rendered:
    """The rendering a worker reuses for every mail of an issue in one language; an issue's
    content cannot change once sending has started, and `updated_at` keys it anyway."""
    return _cached(issue.pk, issue.updated_at.isoformat(), language)


def list_headers(unsubscribe_url: str) -> dict:
    # RFC 8058: a mail program may POST "List-Unsubscribe=One-Click" to the address, without
    # cookies or a login; news.views.subscription.unsubscribe answers that.
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<newsletter.{message_id_domain()}>",
    }


def message_id_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "localhost"


def message_for(delivery: Delivery, subscriber: Subscriber, rendered: Rendered):
    text, html, unsubscribe, subject = rendered.personal(personal_token(subscriber))
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.NEWSLETTER_FROM_EMAIL,
        [subscriber.email],
        headers={"Message-ID": delivery.message_id, **list_headers(unsubscribe)},
    )
    message.attach_alternative(html, "text/html")
    return message


def test_mail(issue: Issue, language: str) -> tuple[str, str, str, dict]:
    """(subject, text, html, headers) of a test send: the links lead to pages that say they
    came from a test."""
    text, html, unsubscribe, subject = render(issue, language).personal(TEST_TOKEN)
    return subject, text, html, list_headers(unsubscribe)
