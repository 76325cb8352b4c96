import zoneinfo

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.core.models import Document, TimeStampedModel
from portal.core.validators import latitude_validators, longitude_validators


def validate_timezone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(name)s” is not a time zone name such as Europe/Brussels."),
            code="timezone",
            params={"name": name},
        )


class Event(TimeStampedModel):
    class Type(models.TextChoices):
        PARTNER_MEETING = "partner_meeting", _("Partner meeting")
        WORKING_GROUP = "working_group", _("Interregional working group")
        STUDY_VISIT = "study_visit", _("Study visit")
        CONFERENCE = "conference", _("Conference")
        DISSEMINATION = "dissemination", _("Dissemination event")
        SUMMIT = "summit", _("Summit")

    class Precision(models.TextChoices):
        # Some reports give only "this spring": the date is kept to the precision known
        # rather than invented, and shown that way.
        DAY = "day", _("Exact date")
        MONTH = "month", _("Month only")
        SEASON = "season", _("Season only")
        YEAR = "year", _("Year only")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, db_index=True)
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    all_day = models.BooleanField(_("all day"), default=True)
    date_precision = models.CharField(
        _("date precision"), max_length=6, choices=Precision.choices, default=Precision.DAY
    )
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Europe/Brussels", validators=[validate_timezone]
    )
    venue = models.CharField(_("venue"), max_length=250, blank=True)
    address = models.CharField(_("address"), max_length=250, blank=True)
    city = models.CharField(_("city"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    # The venue's point, for the small map on the event's page.
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=latitude_validators,
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=longitude_validators,
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    organisers = models.ManyToManyField(
        "regions.Organisation", verbose_name=_("organisers"), blank=True, related_name="events"
    )
    summary = models.TextField(_("summary"), blank=True)
    agenda = models.TextField(_("programme"), blank=True)
    website = models.URLField(_("website"), blank=True)
    is_online = models.BooleanField(_("online"), default=False)
    report = models.TextField(
        _("report"),
        blank=True,
        help_text=_("What happened, written after the event: the page then becomes its record."),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Invented for the portal's demo; every page that shows it says so."),
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["starts_at"]
        indexes = [
            models.Index(fields=["starts_at"]),
            models.Index(fields=["project", "starts_at"]),
            models.Index(fields=["region", "starts_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gte=models.F("starts_at")),
                name="events_event_ends_after_start",
                violation_error_message=_("An event cannot end before it starts."),
            )
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError(
                {"ends_at": _("The event cannot end before it starts.")}, code="end_before_start"
            )

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def local_start(self):
        return self.starts_at.astimezone(self.tz)

    @property
    def local_end(self):
        return self.ends_at.astimezone(self.tz)

    def when_display(self) -> str:
        """The date as precisely as it is known, in the active language and the event's zone."""
        start, end = self.local_start, self.local_end
        if self.date_precision == self.Precision.YEAR:
            return str(start.year)
        if self.date_precision == self.Precision.SEASON:
            season = SEASONS[(start.month % 12) // 3]
            return f"{season} {start.year}"
        if self.date_precision == self.Precision.MONTH:
            return date_format(start, "YEAR_MONTH_FORMAT")
        if start.date() == end.date():
            day = date_format(start, "DATE_FORMAT")
            if self.all_day:
                return day
            return f"{day}, {time_format(start)}–{time_format(end)}"
        if self.all_day:
            return f"{date_format(start, 'DATE_FORMAT')} – {date_format(end, 'DATE_FORMAT')}"
        return f"{date_format(start, 'DATETIME_FORMAT')} – {date_format(end, 'DATETIME_FORMAT')}"

    @property
    def has_exact_date(self) -> bool:
        return self.date_precision == self.Precision.DAY

    @property
    def is_upcoming(self) -> bool:
        return self.ends_at >= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


SEASONS = [_("Winter"), _("Spring"), _("Summer"), _("Autumn")]
