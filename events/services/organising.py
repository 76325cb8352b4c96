"""What organisers set up and send: the registration's settings, messages to registrants."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from events import notifications
from events.models import Consent, Message, Registration, RegistrationSettings
from events.services import places

LANGUAGES = ("en", "nl", "de")


@transaction.atomic
def registration_settings_save(
    *, event, values: dict, consent_text: dict[str, str]
) -> RegistrationSettings:
    """Open or change an event's registration.

    A consent text that differs from the current one becomes its next version; each
    registration keeps the version it agreed to. More places offer the new ones to the
    waiting list at once.
    """
    config = RegistrationSettings.objects.select_for_update().filter(event=event).first()
    config = config or RegistrationSettings(event=event)
    for field, value in values.items():
        setattr(config, field, value)
    current = config.consent
    texts = {f"text_{lang}": (consent_text.get(lang) or "").strip() for lang in LANGUAGES}
    if not any(texts.values()):
        raise ValidationError(
            {"consent_en": _("Write the consent text registrants agree to.")}, code="consent"
        )
    if current is None or any((getattr(current, k) or "") != v for k, v in texts.items()):
        version = (event.consents.aggregate(v=Max("version"))["v"] or 0) + 1
        config.consent = Consent.objects.create(event=event, version=version, **texts)
    config.full_clean()
    config.save()
    if config.capacity is None or config.capacity > places.places_taken(event.pk):
        # Relocked, for the same order as every other change of places.
        config = places.lock(event.pk)
        for registration in places.fill(config, timezone.now()):
            notifications.offered(registration)
    return config


# Registrants an organiser may write to: those whose address is confirmed and who have
# not left.
MESSAGEABLE = (
    Registration.State.PENDING,
    Registration.State.CONFIRMED,
    Registration.State.WAITING,
    Registration.State.OFFERED,
)


@transaction.atomic
def message_send(
    *, event, by, subject: dict[str, str], body: dict[str, str], registrations, audience: str
) -> Message:
    """Write to registrants; each reads it in their language when it was written in it."""
    recipients = list(
        registrations.filter(
            event=event, state__in=MESSAGEABLE, erased_at__isnull=True
        ).select_related("event")
    )
    if not recipients:
        raise ValidationError(
            _("No registrant with a confirmed address matches; nothing was sent."),
            code="nobody",
        )
    message = Message(event=event, sent_by=by, audience=audience[:500], recipients=len(recipients))
    for lang in LANGUAGES:
        setattr(message, f"subject_{lang}", (subject.get(lang) or "").strip())
        setattr(message, f"body_{lang}", (body.get(lang) or "").strip())
    message.full_clean()
    message.save()
    for registration in recipients:
        notifications.message(registration, message)
    return message
