from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actionplans.models.documents import DocumentVersion
from actionplans.models.plans import ActionPlan


class PlanVersion(DocumentVersion):
    """The whole plan — all four parts, actions and indicators — as it stood after a save."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="versions")

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

    @property
    def document(self):
        return self.plan
