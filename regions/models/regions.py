from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from portal.core.choices import choice_labels
from portal.core.models import Document, TimeStampedModel
from portal.core.validators import latitude_validators, longitude_validators
from regions import eye_ris3
from regions.validators import (
    nuts_country,
    nuts_level,
    validate_nace_code,
    validate_nuts_format,
)


class Region(TimeStampedModel):
    class Type(models.TextChoices):
        COUNTRY = "nuts0", _("Country (NUTS 0)")
        NUTS1 = "nuts1", _("NUTS 1 region")
        NUTS2 = "nuts2", _("NUTS 2 region")
        NUTS3 = "nuts3", _("NUTS 3 region")
        METROPOLITAN = "metro", _("Metropolitan area")

    LEVEL_BY_TYPE = {Type.COUNTRY: 0, Type.NUTS1: 1, Type.NUTS2: 2, Type.NUTS3: 3}

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    nuts_code = models.CharField(
        _("NUTS code"),
        max_length=5,
        unique=True,
        null=True,
        blank=True,
        validators=[validate_nuts_format],
        help_text=_("Required for NUTS regions; metropolitan areas have none of their own."),
    )
    country = CountryField(_("country"), db_index=True)
    type = models.CharField(_("type"), max_length=8, choices=Type.choices, db_index=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
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
    contacts = models.ManyToManyField(
        "regions.Contact", verbose_name=_("contacts"), blank=True, related_name="regions"
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["country", "name"]

    def __str__(self):
        return f"{self.name} ({self.nuts_code})" if self.nuts_code else self.name

    def clean(self):
        super().clean()
        errors = {}
        level = self.LEVEL_BY_TYPE.get(self.type)
        if self.nuts_code:
            self.nuts_code = self.nuts_code.strip().upper()
        if level is None:
            if self.nuts_code:
                errors["nuts_code"] = _(
                    "A metropolitan area has no NUTS code of its own; leave it empty and set"
                    " the NUTS region it lies in as “part of”."
                )
        elif not self.nuts_code:
            errors["nuts_code"] = _("A NUTS region needs its NUTS code.")
        else:
            try:
                validate_nuts_format(self.nuts_code)
            except ValidationError as error:
                errors["nuts_code"] = error.messages
            else:
                if nuts_level(self.nuts_code) != level:
                    errors["nuts_code"] = _(
                        "%(code)s is a NUTS %(actual)d code, but the region is of type %(type)s."
                    ) % {
                        "code": self.nuts_code,
                        "actual": nuts_level(self.nuts_code),
                        "type": self.get_type_display(),
                    }
                elif self.country and nuts_country(self.nuts_code) != str(self.country):
                    errors["nuts_code"] = _(
                        "%(code)s belongs to country %(prefix)s, not %(country)s."
                    ) % {
                        "code": self.nuts_code,
                        "prefix": self.nuts_code[:2],
                        "country": self.country,
                    }
        if self.parent_id:
            if self.parent_id == self.pk or (self.pk and self.pk in self.parent.ancestor_ids()):
                errors["parent"] = _("A region cannot be part of itself.")
            elif (
                self.nuts_code
                and self.parent.nuts_code
                and not self.nuts_code.startswith(self.parent.nuts_code)
            ):
                errors["parent"] = _("%(code)s does not lie within %(parent)s.") % {
                    "code": self.nuts_code,
                    "parent": self.parent,
                }
        if errors:
            raise ValidationError(errors)

    def ancestor_ids(self) -> list[int]:
        ids, region, seen = [], self, set()
        while region.parent_id and region.parent_id not in seen:
            seen.add(region.parent_id)
            ids.append(region.parent_id)
            region = region.parent
        return ids

    def contains(self, other: "Region") -> bool:
        """True when `other` is this region or lies within it."""
        return other.pk == self.pk or self.pk in other.ancestor_ids()


class Strategy(TimeStampedModel):
    """A region's smart-specialisation (RIS3 / S3) strategy."""

    region = models.ForeignKey(
        Region, verbose_name=_("region"), on_delete=models.CASCADE, related_name="strategies"
    )
    title = models.CharField(_("title"), max_length=250)
    author = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("drawn up by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="strategies",
    )
    period_start = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("to year"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    url = models.URLField(_("website"), blank=True)
    contacts = models.ManyToManyField(
        "regions.Contact", verbose_name=_("contacts"), blank=True, related_name="strategies"
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("strategy")
        verbose_name_plural = _("strategies")
        ordering = ["region", "-period_start", "title"]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError(
                {"period_end": _("The strategy cannot end before it starts.")}, code="period"
            )


class PriorityDomain(TimeStampedModel):
    """One priority of a strategy, coded as the Eye@RIS3 database codes it."""

    strategy = models.ForeignKey(
        Strategy, verbose_name=_("strategy"), on_delete=models.CASCADE, related_name="priorities"
    )
    name = models.CharField(_("name"), max_length=250)
    description = models.TextField(_("description"), blank=True)
    economic_domains = ArrayField(
        models.CharField(max_length=3, validators=[validate_nace_code]),
        verbose_name=_("economic domains (NACE)"),
        default=list,
        blank=True,
    )
    scientific_domains = ArrayField(
        models.CharField(max_length=1, choices=eye_ris3.SCIENTIFIC_DOMAINS),
        verbose_name=_("scientific domains"),
        default=list,
        blank=True,
    )
    policy_objectives = ArrayField(
        models.CharField(max_length=12, choices=eye_ris3.POLICY_OBJECTIVES),
        verbose_name=_("policy objectives"),
        default=list,
        blank=True,
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("priority domain")
        verbose_name_plural = _("priority domains")
        ordering = ["strategy", "order", "name"]
        indexes = [GinIndex(fields=["economic_domains"], name="regions_priority_nace_gin")]

    def __str__(self):
        return self.name

    @property
    def economic_domain_labels(self) -> list[str]:
        return [eye_ris3.nace_label(code) for code in self.economic_domains]

    @property
    def scientific_domain_labels(self) -> list[str]:
        return choice_labels(self.scientific_domains, eye_ris3.SCIENTIFIC_DOMAINS)

    @property
    def policy_objective_labels(self) -> list[str]:
        return choice_labels(self.policy_objectives, eye_ris3.POLICY_OBJECTIVES)
