"""The newsletter: who subscribed to what, the issues composed, and each mail sent.

An issue's sending is a Delivery row per (issue, subscriber), written when sending starts
(the audience is frozen then) and unique on that pair, so no subscriber can be counted
twice; its state says whether the mail went out. news/services/sending.py is the only code
that moves it.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel


class Subscriber(models.Model):
    """An address that asked for the newsletter, with the consent it gave.

    `key` is what the personal links in every mail carry (signed, see news/tokens.py): it
    says nothing about how many subscribers there are, as a number would.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Subscribed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    key = models.UUIDField(_("key"), default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("language"), max_length=5, choices=settings.LANGUAGES)
    state = models.CharField(
        _("state"), max_length=12, choices=State.choices, default=State.PENDING, db_index=True
    )
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("projects"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    cooperations = models.ManyToManyField(
        "regions.Cooperation", verbose_name=_("cooperations"), blank=True, related_name="+"
    )
    consent_text = models.TextField(_("consent given"))
    consent_version = models.CharField(_("consent version"), max_length=20)
    consented_at = models.DateTimeField(_("consent given at"))
    created_at = models.DateTimeField(_("signed up"), auto_now_add=True)
    # The last sign-up that asked for a confirmation: unconfirmed ones expire from here.
    confirmation_sent_at = models.DateTimeField(_("confirmation sent"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="news_subscriber_email_ci_unique"),
        ]

    def __str__(self):
        return self.email


class Issue(TimeStampedModel):
    """One issue of the newsletter: an intro and picked news items and events.

    `project` says whose communication managers may compose and send it (none: the whole
    network's, staff only); with its themes and cooperations it also chooses the audience.
    """

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused")
        SENT = "sent", _("Sent")

    title = models.CharField(_("subject"), max_length=200, blank=True)
    intro = models.TextField(_("introduction"), blank=True)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="newsletter_issues",
    )
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="+"
    )
    cooperations = models.ManyToManyField(
        "regions.Cooperation", verbose_name=_("cooperations"), blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("composed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.DRAFT, db_index=True
    )
    scheduled_for = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("sending finished"), null=True, blank=True)
    paused_reason = models.CharField(_("why it is paused"), max_length=300, blank=True)
    # Until when the lanes sending this issue have said they are alive; the beat restarts
    # a campaign whose lanes all went quiet (news.tasks.newsletter_tick).
    alive_until = models.DateTimeField(_("lanes alive until"), null=True, blank=True)

    class Meta:
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")
        ordering = ["-started_at", "-created_at"]
        indexes = [models.Index(fields=["state", "scheduled_for"])]

    def __str__(self):
        return self.title or f"#{self.pk}"

    @property
    def is_editable(self) -> bool:
        return self.state in (self.State.DRAFT, self.State.SCHEDULED)


class IssueItem(models.Model):
    """A news article or an event in an issue, at its place."""

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="items"
    )
    position = models.PositiveSmallIntegerField(_("position"))
    article = models.ForeignKey(
        "news.Article",
        verbose_name=_("news article"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    event = models.ForeignKey(
        "events.Event",
        verbose_name=_("event"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("item of an issue")
        verbose_name_plural = _("items of an issue")
        ordering = ["issue", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(article__isnull=True) ^ Q(event__isnull=True),
                name="news_issueitem_article_xor_event",
                violation_error_message=_("An item is either a news article or an event."),
            ),
            models.UniqueConstraint(
                fields=["issue", "article"], name="news_issueitem_article_once"
            ),
            models.UniqueConstraint(fields=["issue", "event"], name="news_issueitem_event_once"),
        ]

    def __str__(self):
        return str(self.article or self.event)


class Delivery(models.Model):
    """One issue to one subscriber.

    pending → sending (claimed by one batch) → sent; or → retry (waiting for
    `next_attempt_at`) → sending again; or → failed; or → skipped when the subscriber left
    before their turn. The Message-ID is fixed when the row is written, so a mail sent a
    second time after a worker died carries the same one and receiving servers can drop it.
    """

    class State(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Being sent")
        RETRY = "retry", _("Waiting for a retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Skipped (unsubscribed meanwhile)")

    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.CASCADE, related_name="deliveries"
    )
    # Null once the subscriber erased their data: the row still counts for the issue.
    subscriber = models.ForeignKey(
        Subscriber,
        verbose_name=_("subscriber"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="deliveries",
    )
    message_id = models.CharField(_("Message-ID"), max_length=200, unique=True)
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # Which batch holds the row while it is being sent, and since when.
    claim = models.CharField(_("claimed by"), max_length=32, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        ordering = ["issue", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="news_delivery_once_per_subscriber"
            ),
        ]
        indexes = [
            models.Index(fields=["issue", "state"]),
            models.Index(fields=["issue", "sent_at"]),
            models.Index(fields=["claim"], condition=~Q(claim=""), name="news_delivery_claim"),
        ]

    def __str__(self):
        return self.message_id


class DeliveryFailure(models.Model):
    """One failed attempt at a delivery, as the mail server or the network answered."""

    delivery = models.ForeignKey(
        Delivery, verbose_name=_("delivery"), on_delete=models.CASCADE, related_name="failures"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    error = models.TextField(_("error"))
    permanent = models.BooleanField(_("permanent"), default=False)

    class Meta:
        verbose_name = _("failed attempt")
        verbose_name_plural = _("failed attempts")
        ordering = ["-at"]

    def __str__(self):
        return self.error[:80]
