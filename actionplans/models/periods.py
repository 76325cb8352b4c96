"""Phase 2 of a project, cut into reporting periods: each with a deadline for the partners'
progress reports."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _


class MonitoringSchedule(models.Model):
    """How a project's phase 2 is cut into periods; without one, the defaults apply."""

    project = models.OneToOneField(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="monitoring_schedule",
    )
    months_per_period = models.PositiveSmallIntegerField(
        _("months per period"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("6 for semesters, 12 for years."),
    )
    due_days = models.PositiveSmallIntegerField(
        _("report due, days after the period ends"),
        default=30,
        validators=[MaxValueValidator(365)],
    )
    reminder_days = models.PositiveSmallIntegerField(
        _("reminder, days before the deadline"),
        default=14,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )

    class Meta:
        verbose_name = _("monitoring schedule")
        verbose_name_plural = _("monitoring schedules")

    def __str__(self):
        return str(self.project)


class MonitoringPeriod(models.Model):
    """A stretch of phase 2 that partners report on, with the report's deadline."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="monitoring_periods",
    )
    number = models.PositiveSmallIntegerField(_("period"))
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    due_on = models.DateField(_("report due on"))

    class Meta:
        verbose_name = _("monitoring period")
        verbose_name_plural = _("monitoring periods")
        ordering = ["project", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "number"], name="actionplans_period_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")) & Q(due_on__gte=F("ends_on")),
                name="actionplans_period_dates_in_order",
            ),
        ]

    def __str__(self):
        return _("Period %(number)s (%(start)s – %(end)s)") % {
            "number": self.number,
            "start": date_format(self.starts_on, "YEAR_MONTH_FORMAT"),
            "end": date_format(self.ends_on, "YEAR_MONTH_FORMAT"),
        }

    @property
    def short_label(self) -> str:
        return _("P%(number)s") % {"number": self.number}
