"""An event's programme: sessions on its days, the people who chair and speak, and the
presentations with their slides."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import Document, TimeStampedModel
from portal.core.validators import FileRule

_PHOTO = FileRule([".jpg", ".jpeg", ".png"], "DOCUMENT_MAX_UPLOAD_MB")


def validate_photo(upload) -> None:
    _PHOTO(upload)


class Person(TimeStampedModel):
    """Someone who chairs a session or speaks in one; kept once, whatever the event."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    organisation_name = models.CharField(
        _("organisation"),
        max_length=250,
        blank=True,
        help_text=_("As the person gives it; leave empty when linked to an organisation below."),
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("organisation in the portal"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="speakers",
    )
    bio = models.TextField(_("short biography"), blank=True, max_length=1500)
    photo = models.ImageField(
        _("photo"), upload_to="people/%Y/", blank=True, validators=[validate_photo]
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Invented for the portal's demo; every page that shows the person says so."),
    )

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Session(TimeStampedModel):
    class Kind(models.TextChoices):
        PLENARY = "plenary", _("Plenary")
        PARALLEL = "parallel", _("Parallel track")
        WORKSHOP = "workshop", _("Workshop")
        STUDY_VISIT = "study_visit", _("Study visit")
        NETWORKING = "networking", _("Networking")
        BREAK = "break", _("Break")

    event = models.ForeignKey(
        "events.Event", verbose_name=_("event"), on_delete=models.CASCADE, related_name="sessions"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    track = models.CharField(
        _("track"), max_length=120, blank=True, help_text=_("For parallel tracks: its name.")
    )
    room = models.CharField(_("room or site"), max_length=250, blank=True)
    address = models.CharField(
        _("address"), max_length=250, blank=True, help_text=_("Where a study visit goes.")
    )
    description = models.TextField(_("description"), blank=True)
    chairs = models.ManyToManyField(
        Person, verbose_name=_("chairs"), blank=True, related_name="chaired_sessions"
    )
    selectable = models.BooleanField(
        _("registrants choose it"),
        default=False,
        help_text=_(
            "Shown on the registration form, for workshops and study-visit sites that people"
            " sign up for."
        ),
    )
    capacity = models.PositiveIntegerField(
        _("places"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit. Only for sessions registrants choose."),
    )
    report = models.TextField(
        _("report"), blank=True, help_text=_("What was said and decided, written afterwards.")
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_(
            "Its time, place or content was invented for the portal's demo; the page says so."
        ),
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["starts_at", "track", "pk"]
        indexes = [models.Index(fields=["event", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="events_session_ends_after_start",
                violation_error_message=_("A session must end after it starts."),
            ),
            models.CheckConstraint(
                condition=models.Q(capacity__isnull=True) | models.Q(selectable=True),
                name="events_session_capacity_needs_choice",
                violation_error_message=_(
                    "Only a session that registrants choose can have a number of places."
                ),
            ),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if not (self.starts_at and self.ends_at and self.event_id):
            return
        if self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("A session must end after it starts.")})
        event, tz = self.event, self.event.tz
        first, last = event.local_start.date(), event.local_end.date()
        day = self.starts_at.astimezone(tz).date()
        if not first <= day <= last:
            raise ValidationError(
                {
                    "starts_at": _(
                        "The session is on %(day)s, outside the event's days (%(first)s to"
                        " %(last)s)."
                    )
                    % {"day": day, "first": first, "last": last}
                },
                code="outside_event",
            )
        if self.capacity is not None and not self.selectable:
            raise ValidationError(
                {"capacity": _("Only a session that registrants choose can have places.")},
                code="capacity_without_choice",
            )

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.event.tz)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.event.tz)

    def speakers(self) -> list[Person]:
        """Who speaks in the session's presentations, each once, in order of appearance."""
        seen = {}
        for presentation in self.presentations.all():
            for person in presentation.speakers.all():
                seen.setdefault(person.pk, person)
        return list(seen.values())

    def has_slides(self) -> bool:
        return any(p.documents.all() for p in self.presentations.all())

    def overlaps(self, other: "Session") -> bool:
        return self.starts_at < other.ends_at and other.starts_at < self.ends_at


class Presentation(TimeStampedModel):
    """A talk within a session; its slides are documents."""

    session = models.ForeignKey(
        Session,
        verbose_name=_("session"),
        on_delete=models.CASCADE,
        related_name="presentations",
    )
    title = models.CharField(_("title"), max_length=250)
    speakers = models.ManyToManyField(
        Person, verbose_name=_("speakers"), blank=True, related_name="presentations"
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("presentation")
        verbose_name_plural = _("presentations")
        ordering = ["position", "pk"]

    def __str__(self):
        return self.title
