"""Phase-2 progress reports: for each approved plan and period, how each action went.

A report is a document like the plan (actionplans.documents): its current content lives
in these tables, where the dashboard and exports query it, and every save is a
ReportVersion of the whole.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from actionplans.models.documents import DocumentTransition, DocumentVersion
from actionplans.models.periods import MonitoringPeriod
from actionplans.models.plans import Action, ActionPlan
from actionplans.models.versions import PlanVersion
from portal.core.models import TimeStampedModel
from portal.core.richtext import RichTextField


def _evidence_path(evidence, filename):
    # Not under a public URL: served by a view that checks who asks.
    return f"private/evidence/{evidence.action.report_id}/{filename}"


class ProgressReport(TimeStampedModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        ACCEPTED = "accepted", _("Accepted")

    plan = models.ForeignKey(
        ActionPlan, verbose_name=_("action plan"), on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(
        MonitoringPeriod, verbose_name=_("period"), on_delete=models.PROTECT, related_name="reports"
    )
    # The approved version of the plan whose actions and indicators it reports on.
    plan_version = models.ForeignKey(
        PlanVersion, verbose_name=_("plan version"), on_delete=models.PROTECT, related_name="+"
    )
    summary = RichTextField(_("summary of the period"), max_length=20_000, blank=True)
    # Workflow: changed only by the workflow, never by a form.
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=State.choices,
        default=State.DRAFT,
        editable=False,
        db_index=True,
    )
    # Bumped by every save; a save that started from an older number is refused.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    accepted_version = models.ForeignKey(
        "actionplans.ReportVersion",
        verbose_name=_("accepted version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Written by the demo loader to show monitoring; not a real report."),
    )

    class Meta:
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")
        ordering = ["plan", "period__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["plan", "period"], name="actionplans_one_report_a_period"
            )
        ]

    def __str__(self):
        return f"{self.plan}: {self.period}"

    @property
    def title(self) -> str:
        return _("Progress report of %(region)s, %(period)s") % {
            "region": self.plan.partnership.region.name,
            "period": self.period,
        }

    @property
    def project_id(self):
        # Lets the projects app's predicates (is_coordinator...) take a report as it is.
        return self.period.project_id

    @property
    def partnership(self):
        return self.plan.partnership


class ActionProgress(models.Model):
    """How one action of the plan went, as a report says."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        ON_TRACK = "on_track", _("On track")
        DELAYED = "delayed", _("Delayed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(default=0)
    action = models.ForeignKey(
        Action,
        verbose_name=_("action of the plan"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="progress",
    )
    # As the approved plan had it when the report was made.
    title = models.CharField(_("action"), max_length=250)
    estimated_cost = models.DecimalField(
        _("estimated costs (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, blank=True, db_index=True
    )
    narrative = RichTextField(_("what happened"), max_length=20_000, blank=True)
    budget_spent = models.DecimalField(
        _("budget spent so far (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )

    class Meta:
        verbose_name = _("progress of an action")
        verbose_name_plural = _("progress of actions")
        ordering = ["report", "position", "pk"]

    def __str__(self):
        return self.title


class IndicatorProgress(models.Model):
    """An indicator's value achieved so far, beside its baseline and target."""

    action = models.ForeignKey(ActionProgress, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("indicator"), max_length=250)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)
    achieved = models.DecimalField(
        _("achieved so far"), max_digits=14, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator value")
        verbose_name_plural = _("indicator values")
        ordering = ["action", "position", "pk"]

    def __str__(self):
        return self.name


class Evidence(models.Model):
    """What shows an action's progress: a document, a web page, a press article."""

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document")
        LINK = "link", _("Web page")
        PRESS = "press", _("Press article")

    action = models.ForeignKey(ActionProgress, on_delete=models.CASCADE, related_name="evidence")
    position = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=250)
    url = models.URLField(_("web address"), max_length=500, blank=True)
    file = models.FileField(_("file"), upload_to=_evidence_path, max_length=300, blank=True)

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["action", "position", "pk"]

    def __str__(self):
        return self.title


class InstrumentProgress(models.Model):
    """Whether a policy instrument of the plan has been improved: the programme's headline
    result."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="instruments")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("policy instrument"), max_length=300)
    improved = models.BooleanField(_("improved"), default=False)
    evidence = RichTextField(_("evidence of the improvement"), max_length=20_000, blank=True)

    class Meta:
        verbose_name = _("progress of a policy instrument")
        verbose_name_plural = _("progress of policy instruments")
        ordering = ["report", "position", "pk"]

    def __str__(self):
        return self.name


class ReportVersion(DocumentVersion):
    """The whole report as it stood after a save."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="versions")

    class Meta:
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")
        ordering = ["report", "-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["report", "number"], name="actionplans_report_version_unique_number"
            ),
        ]

    @property
    def document(self):
        return self.report


class ReportTransition(DocumentTransition):
    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="transitions")
    source = models.CharField(_("from"), max_length=20, choices=ProgressReport.State.choices)
    target = models.CharField(_("to"), max_length=20, choices=ProgressReport.State.choices)

    class Meta:
        verbose_name = _("report workflow step")
        verbose_name_plural = _("report workflow steps")
        ordering = ["report", "at", "pk"]

    @property
    def document(self):
        return self.report
