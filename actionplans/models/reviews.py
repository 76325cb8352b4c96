from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from actionplans.models.documents import DocumentTransition
from actionplans.models.plans import Action, ActionPlan


class PlanTransition(DocumentTransition):
    """A step in a plan's workflow: who moved it, from where to where, when, and why."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField(_("from"), max_length=20, choices=ActionPlan.State.choices)
    target = models.CharField(_("to"), max_length=20, choices=ActionPlan.State.choices)
    revision = models.PositiveSmallIntegerField(_("revision"))

    class Meta:
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        ordering = ["plan", "at", "pk"]

    @property
    def document(self):
        return self.plan


class ReviewComment(models.Model):
    """A coordinator's remark on one part or one action of a submitted plan."""

    class Section(models.TextChoices):
        GENERAL = "general", _("Part I: general information")
        POLICY = "policy", _("Part II: policy context")
        ACTIONS = "actions", _("Part III: actions")
        ENDORSEMENT = "endorsement", _("Part IV: endorsement")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="comments")
    review_round = models.PositiveSmallIntegerField(_("review round"))
    section = models.CharField(_("part"), max_length=12, choices=Section.choices)
    action = models.ForeignKey(
        Action,
        verbose_name=_("action"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="comments",
    )
    # The action's title when the remark was made, in case the action is later removed.
    action_title = models.CharField(_("action title"), max_length=250, blank=True)
    body = models.TextField(_("remark"), max_length=5000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("made at"), auto_now_add=True)

    class Meta:
        verbose_name = _("review comment")
        verbose_name_plural = _("review comments")
        ordering = ["plan", "created_at", "pk"]
        indexes = [models.Index(fields=["plan", "review_round"])]

    def __str__(self):
        return self.body[:60]
