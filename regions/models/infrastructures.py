from django.contrib.contenttypes.fields import GenericRelation
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.choices import choice_labels
from portal.core.models import Document, TimeStampedModel
from portal.core.validators import latitude_validators, longitude_validators


class Infrastructure(TimeStampedModel):
    """A research and innovation facility an SME can use: what INNO INFRA SHARE maps."""

    class Kind(models.TextChoices):
        LABORATORY = "laboratory", _("Laboratory")
        PILOT_PLANT = "pilot_plant", _("Pilot plant")
        TEST_BED = "test_bed", _("Test bed")
        FIELD_LAB = "field_lab", _("Field lab")
        CLEAN_ROOM = "clean_room", _("Clean room")
        OTHER = "other", _("Other facility")

    class Access(models.TextChoices):
        SERVICE = "service", _("Paid service or measurement")
        RENTAL = "rental", _("Equipment or space rental")
        COLLABORATION = "collaboration", _("Joint research project")
        OPEN_ACCESS = "open_access", _("Open access call")
        TRAINING = "training", _("Training and demonstration")

    name = models.CharField(_("name"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    owner = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        related_name="infrastructures",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region"),
        on_delete=models.PROTECT,
        related_name="infrastructures",
    )
    city = models.CharField(_("city"), max_length=120, blank=True)
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("domains"), blank=True, related_name="infrastructures"
    )
    summary = models.TextField(_("summary"))
    equipment = models.TextField(_("equipment and services"), blank=True)
    access_routes = ArrayField(
        models.CharField(max_length=20, choices=Access.choices),
        verbose_name=_("ways in for companies"),
        default=list,
        blank=True,
    )
    access = models.TextField(
        _("how an SME gets access"),
        blank=True,
        help_text=_("Conditions, costs and the first step a company takes."),
    )
    website = models.URLField(_("website"), blank=True)
    contact = models.ForeignKey(
        "regions.Contact",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="infrastructures",
    )
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
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("R&I infrastructure")
        verbose_name_plural = _("R&I infrastructures")
        ordering = ["name"]
        indexes = [models.Index(fields=["region", "kind"])]

    def __str__(self):
        return self.name

    @property
    def access_route_labels(self) -> list[str]:
        return choice_labels(self.access_routes, self.Access.choices)

    def clean(self):
        super().clean()
        if self.owner_id and self.region_id:
            home = self.owner.region
            if not (self.region.contains(home) or home.contains(self.region)):
                raise ValidationError(
                    {
                        "region": _("%(owner)s is based in %(home)s, not in %(region)s.")
                        % {"owner": self.owner, "home": home, "region": self.region}
                    }
                )
