from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplans.models.plans import ActionPlan


class PlanVersion(models.Model):
    """The whole plan — all four parts, actions and indicators — as it stood after a save.

    A plan is one document, so it is versioned as one: a version is a snapshot of the
    tree, and restoring writes an old snapshot back as a new version. A save refused
    because someone else saved first is kept too, unnumbered, so nothing typed is lost.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        SAVED = "saved", _("Saved")
        RESTORED = "restored", _("Restored")
        CONFLICT = "conflict", _("Refused: edited by someone else meanwhile")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"), null=True, blank=True)
    based_on = models.PositiveIntegerField(_("based on version"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=250, blank=True)
    content = models.JSONField(_("content"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "number"], name="actionplans_version_unique_number"
            ),
            models.CheckConstraint(
                condition=Q(kind="conflict", number__isnull=True)
                | (~Q(kind="conflict") & Q(number__isnull=False)),
                name="actionplans_version_conflicts_unnumbered",
            ),
        ]

    def __str__(self):
        if self.number is None:
            return f"{self.plan}: {self.get_kind_display()}"
        return f"{self.plan}: v{self.number}"
