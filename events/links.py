"""A registrant's links: to confirm their address, and to their own registration page.

Registrants have no account; these links are their key. Each is signed, so it cannot be
guessed or altered, and carries the registration's secret, so erasing the registration
(which empties the secret) makes every link to it dead. The confirmation link also expires
(REGISTRATION_CONFIRM_HOURS); the personal one lasts as long as the registration.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare
from django.utils.translation import gettext_lazy as _

from events.models import Registration

CONFIRM = "events.registration.confirm"
PERSONAL = "events.registration.personal"


_NOT_VALID = _(
    "This link is not valid: it may have been cut short when it was copied. Open it from the"
    " email again."
)


class LinkError(Exception):
    """A link that leads nowhere; the message says why, for the person holding it."""


class LinkExpired(LinkError):
    pass


def _signer(salt: str):
    # The personal link stays the same in every mail; only the confirmation link expires.
    return signing.TimestampSigner(salt=salt) if salt == CONFIRM else signing.Signer(salt=salt)


def _token(registration: Registration, salt: str) -> str:
    return _signer(salt).sign_object([registration.pk, registration.secret])


def confirm_url(registration: Registration) -> str:
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        path = reverse(
            "events:register-confirm", args=[registration.event.slug, _token(registration, CONFIRM)]
        )
    return settings.SITE_URL + path


def personal_path(registration: Registration) -> str:
    return reverse(
        "events:registration", args=[registration.event.slug, _token(registration, PERSONAL)]
    )


def personal_url(registration: Registration) -> str:
    with translation.override(registration.language or settings.LANGUAGE_CODE):
        return settings.SITE_URL + personal_path(registration)


def _registration(event, token: str, salt: str, max_age=None) -> Registration:
    try:
        signer = _signer(salt)
        if max_age is None:
            pk, secret = signer.unsign_object(token)
        else:
            pk, secret = signer.unsign_object(token, max_age=max_age)
        registration = Registration.objects.select_related("event", "consent", "region").get(
            pk=int(pk), event=event
        )
    except signing.SignatureExpired:
        raise LinkExpired(
            _(
                "This confirmation link has expired. Register again with the same address: we"
                " send you a new link."
            )
        ) from None
    except (signing.BadSignature, ValueError, TypeError, Registration.DoesNotExist):
        raise LinkError(_NOT_VALID) from None
    if not registration.secret:
        raise LinkError(
            _("This registration's personal data has been erased, so its links no longer work.")
        )
    if not constant_time_compare(registration.secret, str(secret)):
        raise LinkError(_NOT_VALID)
    return registration


def registration_to_confirm(event, token: str) -> Registration:
    return _registration(event, token, CONFIRM, max_age=settings.REGISTRATION_CONFIRM_HOURS * 3600)


def registration_of(event, token: str) -> Registration:
    return _registration(event, token, PERSONAL)
