"""The signed tokens in the newsletter's links: they stand in for a login.

A personal token (unsubscribe, preferences) never expires, since old mails keep working; it
is the subscriber's random key, signed, so nobody can make one for another subscriber. A
confirmation token expires with the sign-up it confirms. A test send carries TEST_TOKEN,
which the pages recognise and answer without touching any subscriber.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.core import signing

from news.models import Subscriber

_PERSONAL = signing.Signer(salt="news.subscriber")
_CONFIRM = signing.TimestampSigner(salt="news.confirm")
TEST_TOKEN = "test"


class TokenExpired(Exception):
    pass


def personal_token(subscriber: Subscriber) -> str:
    return _PERSONAL.sign(subscriber.key.hex)


def confirmation_token(subscriber: Subscriber) -> str:
    return _CONFIRM.sign(subscriber.key.hex)


def _subscriber(key: str) -> Subscriber:
    try:
        return Subscriber.objects.get(key=uuid.UUID(hex=key))
    except ValueError:
        raise signing.BadSignature("not a key") from None


def subscriber_for(token: str) -> Subscriber:
    """The token's subscriber; BadSignature for a made-up token, DoesNotExist once erased."""
    return _subscriber(_PERSONAL.unsign(token))


def subscriber_to_confirm(token: str) -> Subscriber:
    """Also TokenExpired once the sign-up has expired (NEWSLETTER_CONFIRM_DAYS)."""
    try:
        key = _CONFIRM.unsign(token, max_age=timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS))
    except signing.SignatureExpired:
        raise TokenExpired from None
    return _subscriber(key)
