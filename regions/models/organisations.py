from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import Document, TimeStampedModel
from portal.core.validators import latitude_validators, longitude_validators


class Organisation(TimeStampedModel):
    """A partner organisation: a ministry, an agency, a research centre, a cluster..."""

    class Type(models.TextChoices):
        PUBLIC_AUTHORITY = "public_authority", _("Public authority")
        DEVELOPMENT_AGENCY = "development_agency", _("Regional development agency")
        RTO = "rto", _("Research and technology organisation")
        UNIVERSITY = "university", _("University")
        CLUSTER = "cluster", _("Cluster organisation")
        BUSINESS_SUPPORT = "business_support", _("Business support organisation")
        NETWORK = "network", _("Network")
        OTHER = "other", _("Other")

    name = models.CharField(_("name"), max_length=250)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=Type.choices, db_index=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="organisations",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)
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
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        through="regions.Membership",
        related_name="organisations",
        verbose_name=_("members"),
        blank=True,
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class Membership(TimeStampedModel):
    """A user works for an organisation; project roles are granted on top of this."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    job_title = models.CharField(_("job title"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        ordering = ["organisation", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation"], name="regions_membership_unique"
            )
        ]

    def __str__(self):
        return f"{self.user} – {self.organisation}"


class ContactQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_public=True)


class Contact(TimeStampedModel):
    """A contact person. Personal data is shown to the public only when is_public is set."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="contacts",
    )
    name = models.CharField(_("name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    department = models.CharField(_("department"), max_length=150, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public = models.BooleanField(
        _("shown publicly"),
        default=False,
        help_text=_("Only with the person's consent: name, role and contact details go public."),
    )

    objects = ContactQuerySet.as_manager()

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["name"]
        indexes = [models.Index(fields=["organisation", "is_public"])]

    def __str__(self):
        return f"{self.name} ({self.organisation})"
