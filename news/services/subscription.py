"""Subscribing, confirming, changing, unsubscribing and erasing: the subscriber's side.

Double opt-in: a sign-up stores the address as pending and sends nothing but the
confirmation mail until its signed link is used; unconfirmed sign-ups expire after
NEWSLETTER_CONFIRM_DAYS. What a sign-up answers never tells whether an address was
already subscribed: an address that is gets a mail with its preferences link instead.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation

from news import consent, spamguard
from news.mailing import absolute
from news.models import Delivery, DeliveryFailure, Subscriber
from news.tokens import confirmation_token, personal_token
from portal.core.mail import mail_queue_to
from portal.core.models import OutgoingMail

State = Subscriber.State


class SignUpRefused(Exception):
    """Too many sign-ups from this client or for this address; `minutes` to wait."""

    def __init__(self, minutes: int):
        super().__init__(minutes)
        self.minutes = minutes


def _links(subscriber: Subscriber) -> dict:
    token = personal_token(subscriber)
    with translation.override(subscriber.language):
        return {
            "preferences_url": absolute(reverse("newsletter:preferences", args=[token])),
            "unsubscribe_url": absolute(reverse("newsletter:unsubscribe", args=[token])),
            "confirm_url": absolute(
                reverse("newsletter:confirm", args=[confirmation_token(subscriber)])
            ),
        }


def _mail(subscriber: Subscriber, name: str) -> None:
    mail_queue_to(
        # Every sign-up asks for its own mail, so the key is new each time.
        key=f"newsletter-{name}:{subscriber.pk}:{uuid.uuid4().hex}",
        to=subscriber.email,
        language=subscriber.language,
        name=f"newsletter_{name}",
        context={
            "subscriber": subscriber,
            "days": settings.NEWSLETTER_CONFIRM_DAYS,
            **_links(subscriber),
        },
    )


def _set_topics(subscriber: Subscriber, *, projects, themes, cooperations) -> None:
    subscriber.projects.set(projects)
    subscriber.themes.set(themes)
    subscriber.cooperations.set(cooperations)


def subscriber_subscribe(
    *, email: str, language: str, projects, themes, cooperations, client: str
) -> None:
    """A sign-up from the subscribe page; SignUpRefused past the limits."""
    email = email.strip().lower()
    if minutes := spamguard.sign_up_wait(email=email, client=client):
        raise SignUpRefused(minutes)
    now = timezone.now()
    with translation.override(language):
        consent_text = consent.current_text()
    with transaction.atomic():
        subscriber, created = Subscriber.objects.select_for_update().get_or_create(
            email=email,
            defaults={
                "language": language,
                "consent_text": consent_text,
                "consent_version": consent.CURRENT,
                "consented_at": now,
                "confirmation_sent_at": now,
            },
        )
        if not created and subscriber.state == State.CONFIRMED:
            # Changing a confirmed subscription takes its personal link: anyone can type an
            # address into the form. Its owner gets the link instead.
            _mail(subscriber, "already_subscribed")
            return
        if not created:
            subscriber.language = language
            subscriber.state = State.PENDING
            subscriber.consent_text = consent_text
            subscriber.consent_version = consent.CURRENT
            subscriber.consented_at = now
            subscriber.confirmation_sent_at = now
            subscriber.save()
        _set_topics(subscriber, projects=projects, themes=themes, cooperations=cooperations)
        _mail(subscriber, "confirm")


def subscriber_confirm(*, subscriber: Subscriber) -> bool:
    """True if this confirmed the subscription, False if it already was."""
    changed = Subscriber.objects.filter(pk=subscriber.pk, state=State.PENDING).update(
        state=State.CONFIRMED, confirmed_at=timezone.now(), unsubscribed_at=None
    )
    subscriber.refresh_from_db()
    return bool(changed)


def subscriber_resubscribe(*, subscriber: Subscriber, language: str) -> None:
    """Back on the list from the personal link, which proves the mailbox is theirs; the
    consent is given again, in the words shown now."""
    with translation.override(language):
        consent_text = consent.current_text()
    now = timezone.now()
    Subscriber.objects.filter(pk=subscriber.pk).update(
        state=State.CONFIRMED,
        confirmed_at=now,
        unsubscribed_at=None,
        consent_text=consent_text,
        consent_version=consent.CURRENT,
        consented_at=now,
    )
    subscriber.refresh_from_db()


def subscriber_unsubscribe(*, subscriber: Subscriber) -> None:
    """Off the list at once; mails of a campaign already under way are skipped."""
    Subscriber.objects.filter(pk=subscriber.pk).exclude(state=State.UNSUBSCRIBED).update(
        state=State.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )
    subscriber.refresh_from_db()


def subscriber_update(*, subscriber: Subscriber, language: str, projects, themes, cooperations):
    with transaction.atomic():
        Subscriber.objects.filter(pk=subscriber.pk).update(language=language)
        subscriber.language = language
        _set_topics(subscriber, projects=projects, themes=themes, cooperations=cooperations)


def subscriber_erase(*, subscriber: Subscriber) -> None:
    """Everything kept about the subscriber goes: the row, their topics, the mails the
    portal queued for them, and the mail servers' answers about them. The issues' counts
    keep their deliveries, with no one behind them."""
    with transaction.atomic():
        deliveries = Delivery.objects.filter(subscriber=subscriber)
        DeliveryFailure.objects.filter(delivery__in=deliveries).delete()
        deliveries.update(last_error="")
        OutgoingMail.objects.filter(
            Q(key__startswith="newsletter-") & Q(to__iexact=subscriber.email)
        ).delete()
        subscriber.delete()


def subscribers_expire() -> int:
    """Delete sign-ups never confirmed within NEWSLETTER_CONFIRM_DAYS."""
    cutoff = timezone.now() - timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)
    expired = Subscriber.objects.filter(state=State.PENDING, confirmation_sent_at__lt=cutoff)
    count = 0
    for subscriber in expired.only("pk", "email"):
        subscriber_erase(subscriber=subscriber)
        count += 1
    return count
