"""Signing up for an event: what the organisers ask, who registered, and their places.

Places are decided in events.services.places only, under a lock on the event's
RegistrationSettings row: one event's sign-ups, cancellations and promotions are taken one
at a time, so a count read there is still true when the place is given.
"""

import secrets

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.core.models import TimeStampedModel
from regions.models import Organisation


def _retention_days() -> int:
    return settings.REGISTRATION_RETENTION_DAYS


def new_secret() -> str:
    return secrets.token_urlsafe(24)


class Ask(models.TextChoices):
    NO = "no", _("Not asked")
    OPTIONAL = "optional", _("Optional")
    REQUIRED = "required", _("Required")


class Diet(models.TextChoices):
    VEGETARIAN = "vegetarian", _("Vegetarian")
    VEGAN = "vegan", _("Vegan")
    HALAL = "halal", _("Halal")
    KOSHER = "kosher", _("Kosher")
    NO_GLUTEN = "no_gluten", _("Gluten-free")
    NO_LACTOSE = "no_lactose", _("Lactose-free")


# The portal's own kinds of organisation, and the companies that come to events but are
# not partners.
ORGANISATION_TYPES = [
    *[(value, label) for value, label in Organisation.Type.choices if value != "other"],
    ("sme", _("Small or medium-sized enterprise")),
    ("company", _("Large company")),
    ("other", _("Other")),
]


class RegistrationSettings(TimeStampedModel):
    """An event's registration: when it is open, how many places, what it asks."""

    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registration_settings",
    )
    opens_at = models.DateTimeField(_("registration opens"))
    closes_at = models.DateTimeField(_("registration closes"))
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_(
            "Leave empty for no limit. When the places are taken, people join a waiting list."
        ),
    )
    needs_approval = models.BooleanField(
        _("organisers approve each registration"),
        default=False,
        help_text=_("A confirmed registration then waits for an organiser to approve it."),
    )
    ask_organisation = models.CharField(
        _("organisation and its type"), max_length=8, choices=Ask.choices, default=Ask.REQUIRED
    )
    ask_country = models.CharField(
        _("country"), max_length=8, choices=Ask.choices, default=Ask.REQUIRED
    )
    ask_region = models.CharField(
        _("region"), max_length=8, choices=Ask.choices, default=Ask.OPTIONAL
    )
    ask_dietary = models.CharField(
        _("dietary needs"), max_length=8, choices=Ask.choices, default=Ask.OPTIONAL
    )
    ask_sessions = models.CharField(
        _("sessions and study-visit sites"),
        max_length=8,
        choices=Ask.choices,
        default=Ask.OPTIONAL,
        help_text=_("Lists the sessions marked “registrants choose it” in the programme."),
    )
    offer_hours = models.PositiveSmallIntegerField(
        _("hours to take up a freed place"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(336)],
        help_text=_(
            "Someone moved up from the waiting list has this long to confirm before the place"
            " passes on (never beyond the start of the event)."
        ),
    )
    retention_days = models.PositiveSmallIntegerField(
        _("days to keep registrations after the event"),
        default=_retention_days,
        validators=[MaxValueValidator(3650)],
        help_text=_("Then names, addresses and answers are erased; the counts stay."),
    )
    consent = models.ForeignKey(
        "events.Consent",
        verbose_name=_("consent text"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closes_at__gt=models.F("opens_at")),
                name="events_registrationsettings_closes_after_opening",
                violation_error_message=_("Registration must close after it opens."),
            )
        ]

    def __str__(self):
        return str(self.event)

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": _("Registration must close after it opens.")}, code="closes_early"
            )
        if self.event_id and not self.event.has_exact_date:
            raise ValidationError(
                _("Registration needs the event's exact date; set its date precision to a day."),
                code="inexact_date",
            )
        if self.event_id and self.closes_at and self.closes_at > self.event.ends_at:
            raise ValidationError(
                {"closes_at": _("Registration cannot close after the event has ended.")},
                code="closes_after_event",
            )

    def is_open(self, now=None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.closes_at and now < self.event.ends_at

    def status(self, now=None) -> str:
        """ "not_yet", "open" or "closed"."""
        now = now or timezone.now()
        if now < self.opens_at:
            return "not_yet"
        return "open" if self.is_open(now) else "closed"


class Consent(models.Model):
    """A version of the text registrants agree to; a registration keeps the one it saw."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="consents"
    )
    version = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("consent text"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent text")
        verbose_name_plural = _("consent texts")
        ordering = ["event", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["event", "version"], name="events_consent_version")
        ]

    def __str__(self):
        return f"{self.event} – v{self.version}"


class Registration(TimeStampedModel):
    class State(models.TextChoices):
        UNCONFIRMED = "unconfirmed", _("Email not confirmed")
        PENDING = "pending", _("Awaiting approval")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        OFFERED = "offered", _("Offered a place")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    # Holding one of the event's places: confirmed, or offered one and not yet answered.
    HOLDING = (State.CONFIRMED, State.OFFERED)
    # Still in play: one of these per address and event.
    ACTIVE = (State.UNCONFIRMED, State.PENDING, State.CONFIRMED, State.WAITING, State.OFFERED)

    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.UNCONFIRMED
    )
    # Blank only once erased.
    email = models.EmailField(_("email address"), blank=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    organisation_name = models.CharField(_("organisation"), max_length=250, blank=True)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=20, choices=ORGANISATION_TYPES, blank=True
    )
    country = CountryField(_("country"), blank=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    dietary = ArrayField(
        models.CharField(max_length=12, choices=Diet.choices),
        verbose_name=_("dietary needs"),
        default=list,
        blank=True,
    )
    dietary_note = models.CharField(_("allergies or other needs"), max_length=200, blank=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    consent = models.ForeignKey(
        Consent,
        verbose_name=_("consent given"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="registrations",
    )
    # Carried by the confirmation and personal links; emptied on erasure, which kills them.
    secret = models.CharField(max_length=40, default=new_secret, blank=True)
    confirmed_at = models.DateTimeField(_("email confirmed"), null=True, blank=True)
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)
    decided_at = models.DateTimeField(_("approved or declined"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("approved or declined by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("checked in"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("checked in by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    erased_at = models.DateTimeField(_("personal data erased"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["event", "state"]),
            models.Index(fields=["event", "state", "waiting_since"]),
        ]
        constraints = [
            # One registration in play per address and event, whatever its case: a second
            # sign-up is answered with the first one's link, not a second place.
            models.UniqueConstraint(
                models.F("event"),
                Lower("email"),
                # Erased registrations have no address left to compare.
                condition=models.Q(
                    state__in=["unconfirmed", "pending", "confirmed", "waiting", "offered"]
                )
                & ~models.Q(email=""),
                name="events_registration_one_active_per_email",
                violation_error_message=_("This address is registered for the event already."),
            ),
            models.CheckConstraint(
                condition=~models.Q(state="offered") | models.Q(offer_expires_at__isnull=False),
                name="events_registration_offer_has_deadline",
            ),
        ]

    def __str__(self):
        return self.name or _("(erased)")

    @property
    def holds_place(self) -> bool:
        return self.state in self.HOLDING

    @property
    def dietary_labels(self) -> list[str]:
        labels = dict(Diet.choices)
        return [str(labels.get(value, value)) for value in self.dietary]

    @property
    def is_active(self) -> bool:
        return self.state in self.ACTIVE

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None


class SessionSeat(TimeStampedModel):
    """A registrant's place in a session they chose, under the same rules as the event's."""

    class State(models.TextChoices):
        # Chosen, waiting for the registration itself to hold a place at the event.
        REQUESTED = "requested", _("Chosen")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITING = "waiting", _("On the waiting list")
        OFFERED = "offered", _("Offered a place")
        RELEASED = "released", _("Given up")
        EXPIRED = "expired", _("Expired")

    HOLDING = (State.CONFIRMED, State.OFFERED)
    CHOSEN = (State.REQUESTED, State.CONFIRMED, State.WAITING, State.OFFERED)

    registration = models.ForeignKey(
        Registration, verbose_name=_("registration"), on_delete=models.CASCADE, related_name="seats"
    )
    session = models.ForeignKey(
        "events.Session", verbose_name=_("session"), on_delete=models.CASCADE, related_name="seats"
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.REQUESTED
    )
    waiting_since = models.DateTimeField(_("on the waiting list since"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer open until"), null=True, blank=True)

    class Meta:
        verbose_name = _("session place")
        verbose_name_plural = _("session places")
        ordering = ["session__starts_at", "pk"]
        indexes = [models.Index(fields=["session", "state", "waiting_since"])]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "session"], name="events_sessionseat_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(state="offered") | models.Q(offer_expires_at__isnull=False),
                name="events_sessionseat_offer_has_deadline",
            ),
        ]

    def __str__(self):
        return f"{self.registration} – {self.session}"


class Message(models.Model):
    """What organisers wrote to registrants, kept with how many it went to."""

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="messages"
    )
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("message"), max_length=10000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(_("sent to"), max_length=500, blank=True)
    recipients = models.PositiveIntegerField(_("recipients"), default=0)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        verbose_name = _("message to registrants")
        verbose_name_plural = _("messages to registrants")
        ordering = ["-created_at"]

    def __str__(self):
        return self.subject
