"""The regional action plan, structured as the Interreg Europe template asks.

Part I (general information) and Part IV (endorsement) are columns of ActionPlan; Part II
is its policy instruments; Part III its actions, each with performance indicators.
"""

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.models import TimeStampedModel
from portal.core.richtext import RichTextField
from portal.core.validators import validate_pdf_file


def _letter_path(plan, filename):
    # Not under a public URL: drafts' letters are served by a view that checks who asks.
    return f"private/endorsements/{plan.partnership_id}/{filename}"


class ActionPlan(TimeStampedModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")
        APPROVED = "approved", _("Approved")

    partnership = models.OneToOneField(
        "projects.Partnership",
        verbose_name=_("partner"),
        on_delete=models.PROTECT,
        related_name="action_plan",
    )
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    # Part I: general information (project, partner, country and region come from the
    # partnership).
    title = models.CharField(_("title"), max_length=250)
    language = models.CharField(
        _("written in"), max_length=5, choices=settings.LANGUAGES, default="en"
    )
    other_organisations = models.TextField(
        _("other organisations involved"), max_length=2000, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    # Part IV: endorsement.
    endorsed_by = models.CharField(
        _("endorsed by"),
        max_length=250,
        blank=True,
        help_text=_("Name and position of the person who signed for the policy owner."),
    )
    endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    endorsement_letter = models.FileField(
        _("signed endorsement letter (PDF)"),
        upload_to=_letter_path,
        max_length=300,
        blank=True,
        validators=[validate_pdf_file],
    )
    # Workflow: changed only by actionplans.workflow, never by a form.
    state = models.CharField(
        _("state"),
        max_length=20,
        choices=State.choices,
        default=State.DRAFT,
        editable=False,
        db_index=True,
    )
    revision = models.PositiveSmallIntegerField(_("revision"), default=1, editable=False)
    review_round = models.PositiveSmallIntegerField(_("review round"), default=0, editable=False)
    # Bumped by every save; a save that started from an older number is refused.
    version = models.PositiveIntegerField(_("version"), default=0, editable=False)
    due_on = models.DateField(_("draft due on"), null=True, blank=True)
    approved_version = models.ForeignKey(
        "actionplans.PlanVersion",
        verbose_name=_("approved version"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Written by the demo loader to show the workflow; not a real plan."),
    )

    class Meta:
        verbose_name = _("action plan")
        verbose_name_plural = _("action plans")
        ordering = ["partnership__project", "partnership__region__name"]

    def __str__(self):
        return self.title

    @property
    def project_id(self):
        # Lets the projects app's predicates (is_coordinator...) take a plan as it is.
        return self.partnership.project_id

    @property
    def is_public(self) -> bool:
        return self.approved_version_id is not None


class PolicyInstrument(models.Model):
    """Part II: a policy instrument the plan sets out to improve."""

    class Type(models.TextChoices):
        GROWTH_AND_JOBS = "growth_jobs", _("Investment for Growth and Jobs programme")
        TERRITORIAL_COOPERATION = "etc", _("European Territorial Cooperation programme")
        OTHER = "other", _("Other regional development policy instrument")

    class Improvement(models.TextChoices):
        NEW_PROJECTS = "new_projects", _("New projects")
        MANAGEMENT = "management", _("A change in the management of the instrument")
        STRATEGIC_FOCUS = "strategic_focus", _("A change in its strategic focus")

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="instruments")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("name of the policy instrument"), max_length=300)
    type = models.CharField(_("type"), max_length=12, choices=Type.choices)
    improvements = ArrayField(
        models.CharField(max_length=20, choices=Improvement.choices),
        verbose_name=_("improvement sought"),
        default=list,
        blank=True,
    )

    class Meta:
        verbose_name = _("policy instrument")
        verbose_name_plural = _("policy instruments")
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return self.name


class Action(TimeStampedModel):
    """Part III: one action, from what was learnt to how its success is measured."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    position = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(_("title"), max_length=250)
    background = RichTextField(
        _("background"),
        max_length=20_000,
        blank=True,
        help_text=_("What was learnt in the project, and from which region or good practice."),
    )
    learnt_from = models.ManyToManyField(
        "regions.Region", verbose_name=_("learnt from regions"), blank=True, related_name="+"
    )
    good_practices = models.ManyToManyField(
        "projects.GoodPractice",
        verbose_name=_("inspiring good practices"),
        blank=True,
        related_name="actions",
    )
    description = RichTextField(_("the action"), max_length=20_000, blank=True)
    players = RichTextField(_("players involved and their roles"), max_length=20_000, blank=True)
    starts_on = models.DateField(_("starts"), null=True, blank=True)
    ends_on = models.DateField(_("ends"), null=True, blank=True)
    estimated_cost = models.DecimalField(
        _("estimated costs (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    funding_sources = models.TextField(_("funding sources"), max_length=2000, blank=True)

    class Meta:
        verbose_name = _("action")
        verbose_name_plural = _("actions")
        ordering = ["plan", "position", "pk"]

    def __str__(self):
        return self.title


class Indicator(models.Model):
    """A performance indicator of an action: where it stands and where it should get."""

    action = models.ForeignKey(Action, on_delete=models.CASCADE, related_name="indicators")
    position = models.PositiveSmallIntegerField(default=0)
    name = models.CharField(_("indicator"), max_length=250)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    baseline = models.DecimalField(_("baseline"), max_digits=14, decimal_places=2)
    target = models.DecimalField(_("target"), max_digits=14, decimal_places=2)

    class Meta:
        verbose_name = _("performance indicator")
        verbose_name_plural = _("performance indicators")
        ordering = ["action", "position", "pk"]

    def __str__(self):
        return self.name
