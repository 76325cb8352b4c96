"""What every document kind keeps the same way: its versions and its workflow steps.

Each kind has tables of its own (PlanVersion, ReportVersion...) built on these, so the
machinery in actionplans.documents serves them all.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentVersion(models.Model):
    """The whole document as it stood after a save, as JSON.

    A document is versioned as one: a version is a snapshot of the tree, and restoring
    writes an old snapshot back as a new version. A save refused because someone else
    saved first is kept too, unnumbered, so nothing typed is lost.
    """

    class Kind(models.TextChoices):
        CREATED = "created", _("Created")
        SAVED = "saved", _("Saved")
        RESTORED = "restored", _("Restored")
        CONFLICT = "conflict", _("Refused: edited by someone else meanwhile")

    number = models.PositiveIntegerField(_("version"), null=True, blank=True)
    based_on = models.PositiveIntegerField(_("based on version"), null=True, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    note = models.CharField(_("note"), max_length=250, blank=True)
    content = models.JSONField(_("content"))
    # The parts of the document (their names in its shape) this version changed from the
    # one before it, so the history can say so without reading every version's content.
    parts = ArrayField(
        models.CharField(max_length=20), verbose_name=_("parts changed"), default=list, blank=True
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self):
        if self.number is None:
            return f"{self.document}: {self.get_kind_display()}"
        return f"{self.document}: v{self.number}"


class DocumentTransition(models.Model):
    """A step in a document's workflow: who moved it, from where to where, when, and why."""

    name = models.CharField(_("step"), max_length=20)
    source = models.CharField(_("from"), max_length=20)
    target = models.CharField(_("to"), max_length=20)
    version = models.PositiveIntegerField(_("at version"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    comment = models.TextField(_("comment"), max_length=5000, blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return f"{self.document}: {self.get_source_display()} → {self.get_target_display()}"
