from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel


class Theme(TimeStampedModel):
    """A field of cooperation (sustainable chemistry, R&I infrastructure, ...).

    Lives in regions, the lowest app that needs it: cooperations and infrastructures are
    tagged with themes here, projects and good practices one floor up.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        verbose_name = _("theme")
        verbose_name_plural = _("themes")
        ordering = ["name"]

    def __str__(self):
        return self.name
