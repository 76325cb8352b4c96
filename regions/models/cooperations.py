from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import Document, TimeStampedModel


class Cooperation(TimeStampedModel):
    """A long-running cooperation between regions outside any single project."""

    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    summary = models.TextField(_("summary"), blank=True)
    regions = models.ManyToManyField(
        "regions.Region", verbose_name=_("regions"), related_name="cooperations"
    )
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="cooperations"
    )
    started_on = models.DateField(_("started on"), null=True, blank=True)
    website = models.URLField(_("website"), blank=True)
    contacts = models.ManyToManyField(
        "regions.Contact", verbose_name=_("contacts"), blank=True, related_name="cooperations"
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("cooperation")
        verbose_name_plural = _("cooperations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Milestone(TimeStampedModel):
    class Kind(models.TextChoices):
        DECLARATION = "declaration", _("Declaration of intent")
        RENEWAL = "renewal", _("Renewal")
        SUMMIT = "summit", _("Ministerial summit")
        REPORT = "report", _("Report")
        AGREEMENT = "agreement", _("Agreement")
        EVENT = "event", _("Event")

    cooperation = models.ForeignKey(
        Cooperation,
        verbose_name=_("cooperation"),
        on_delete=models.CASCADE,
        related_name="milestones",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=250)
    place = models.CharField(_("place"), max_length=120, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="milestones"
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["cooperation", "date"]
        indexes = [models.Index(fields=["cooperation", "date"])]
        constraints = [
            models.UniqueConstraint(
                fields=["cooperation", "date", "kind"], name="regions_milestone_unique_per_day"
            )
        ]

    def __str__(self):
        return f"{self.date:%Y-%m-%d} {self.title}"
