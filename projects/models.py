from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.models import Document, TimeStampedModel


class Programme(TimeStampedModel):
    """A funding programme, such as Interreg Europe 2014-2020."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    period_start = models.PositiveSmallIntegerField(_("from year"))
    period_end = models.PositiveSmallIntegerField(_("to year"))
    website = models.URLField(_("website"), blank=True)
    summary = models.TextField(_("summary"), blank=True)

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")
        ordering = ["-period_start", "name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The programme cannot end before it starts.")})


def _check_dates(start, end, *, what, field="end_date"):
    if start and end and end < start:
        raise ValidationError(
            {
                field: _("%(what)s cannot end (%(end)s) before it starts (%(start)s).")
                % {"what": what, "end": end, "start": start}
            },
            code="end_before_start",
        )


class Project(TimeStampedModel):
    acronym = models.CharField(_("acronym"), max_length=40, unique=True)
    slug = models.SlugField(_("slug"), max_length=60, unique=True)
    title = models.CharField(_("title"), max_length=250)
    programme = models.ForeignKey(
        Programme, verbose_name=_("programme"), on_delete=models.PROTECT, related_name="projects"
    )
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="projects"
    )
    summary = models.TextField(_("summary"), blank=True)
    website = models.URLField(_("website"), blank=True)
    budget = models.DecimalField(
        _("budget (EUR)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    keep_id = models.CharField(
        _("keep.eu identifier"),
        max_length=40,
        unique=True,
        null=True,
        blank=True,
        help_text=_("The project's identifier in keep.eu, so other databases can be joined on it."),
    )
    contacts = models.ManyToManyField(
        "regions.Contact", verbose_name=_("contacts"), blank=True, related_name="projects"
    )
    documents = GenericRelation(Document)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["acronym"]
        indexes = [models.Index(fields=["programme", "start_date"])]

    def __str__(self):
        return self.acronym

    def clean(self):
        super().clean()
        _check_dates(self.start_date, self.end_date, what=_("The project"))

    class Status(models.TextChoices):
        PLANNED = "planned", _("Not started yet")
        RUNNING = "running", _("Running")
        ENDED = "ended", _("Ended")

    @property
    def status(self) -> "Project.Status":
        """From the project's dates, on today's date where the portal stands."""
        today = timezone.localdate()
        if self.start_date and today < self.start_date:
            return self.Status.PLANNED
        if self.end_date and today > self.end_date:
            return self.Status.ENDED
        return self.Status.RUNNING


class Phase(TimeStampedModel):
    class Kind(models.IntegerChoices):
        LEARNING = 1, _("Phase 1: interregional learning")
        MONITORING = 2, _("Phase 2: monitoring")

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="phases")
    kind = models.PositiveSmallIntegerField(_("phase"), choices=Kind.choices)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("phase")
        verbose_name_plural = _("phases")
        ordering = ["project", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["project", "kind"], name="projects_phase_unique_kind")
        ]

    def __str__(self):
        return f"{self.project} – {self.get_kind_display()}"

    def clean(self):
        super().clean()
        _check_dates(self.start_date, self.end_date, what=_("The phase"))
        project = self.project if self.project_id else None
        if project is None:
            return
        for day in (self.start_date, self.end_date):
            if day and project.start_date and day < project.start_date:
                raise ValidationError(
                    _("The phase cannot begin before the project starts (%(start)s).")
                    % {"start": project.start_date}
                )
            if day and project.end_date and day > project.end_date:
                raise ValidationError(
                    _("The phase cannot run past the project's end (%(end)s).")
                    % {"end": project.end_date}
                )
        siblings = project.phases.exclude(pk=self.pk)
        if self.kind == self.Kind.MONITORING and self.start_date:
            learning = siblings.filter(kind=self.Kind.LEARNING, end_date__isnull=False).first()
            if learning and self.start_date <= learning.end_date:
                raise ValidationError(
                    {
                        "start_date": _("Monitoring starts after phase 1 ends (%(end)s).")
                        % {"end": learning.end_date}
                    }
                )
        if self.kind == self.Kind.LEARNING and self.end_date:
            monitoring = siblings.filter(
                kind=self.Kind.MONITORING, start_date__isnull=False
            ).first()
            if monitoring and self.end_date >= monitoring.start_date:
                raise ValidationError(
                    {
                        "end_date": _("Phase 1 must end before monitoring starts (%(start)s).")
                        % {"start": monitoring.start_date}
                    }
                )


class Partnership(TimeStampedModel):
    """An organisation's place in a project, and the region it represents there."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead partner")
        PARTNER = "partner", _("Partner")
        ADVISORY = "advisory", _("Advisory partner")

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, db_index=True)
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("region represented"),
        on_delete=models.PROTECT,
        related_name="partnerships",
    )

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["project", "role", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="projects_partnership_unique"
            ),
            models.UniqueConstraint(
                fields=["project"],
                condition=Q(role="lead"),
                name="projects_one_lead_partner",
                violation_error_message=_("A project has only one lead partner."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation} in {self.project} ({self.get_role_display()})"

    def clean(self):
        super().clean()
        if self.organisation_id and self.region_id:
            home = self.organisation.region
            if not (self.region.contains(home) or home.contains(self.region)):
                raise ValidationError(
                    {
                        "region": _(
                            "%(org)s is based in %(home)s, so it cannot represent %(region)s."
                        )
                        % {"org": self.organisation, "home": home, "region": self.region}
                    },
                    code="region_mismatch",
                )


class ProjectRole(TimeStampedModel):
    """What a user may do in a project, granted through their organisation's partnership."""

    class Role(models.TextChoices):
        PARTNER_MEMBER = "partner_member", _("Partner member")
        COORDINATOR = "coordinator", _("Coordinator")
        COMMUNICATION_MANAGER = "communication_manager", _("Communication manager")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="project_roles"
    )
    partnership = models.ForeignKey(
        Partnership, on_delete=models.CASCADE, related_name="user_roles"
    )
    role = models.CharField(_("role"), max_length=25, choices=Role.choices)

    class Meta:
        verbose_name = _("project role")
        verbose_name_plural = _("project roles")
        ordering = ["partnership", "role", "user"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "partnership", "role"], name="projects_projectrole_unique"
            )
        ]

    def __str__(self):
        return f"{self.user}: {self.get_role_display()} in {self.partnership.project}"

    def clean(self):
        super().clean()
        if not (self.user_id and self.partnership_id):
            return
        if not self.partnership.organisation.memberships.filter(user_id=self.user_id).exists():
            raise ValidationError(
                {
                    "user": _("%(user)s does not work for %(org)s.")
                    % {"user": self.user, "org": self.partnership.organisation}
                },
                code="not_a_member",
            )
        if self.role == self.Role.COORDINATOR and self.partnership.role != Partnership.Role.LEAD:
            raise ValidationError(
                {"role": _("Coordinators are staff of the lead partner.")},
                code="coordinator_not_lead",
            )


class GoodPractice(TimeStampedModel):
    """A practice a partner region found worth learning from.

    Partners propose, the project's coordinator validates or declines with a reason, and
    only validated practices are public: the programme's own two-step validation.
    """

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        VALIDATED = "validated", _("Validated")
        DECLINED = "declined", _("Declined")

    class Approach(models.TextChoices):
        GOVERNANCE = "governance", _("Governance")
        FUNDING = "funding", _("Funding instrument")
        STAKEHOLDERS = "stakeholders", _("Stakeholder involvement")
        CLUSTERS = "clusters", _("Cluster and network support")
        INFRASTRUCTURE = "infrastructure", _("Access to R&I infrastructure")
        MONITORING = "monitoring", _("Monitoring and evaluation")
        OTHER = "other", _("Other")

    title = models.CharField(_("title"), max_length=250)
    slug = models.SlugField(_("slug"), max_length=150, unique=True)
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="good_practices"
    )
    organisation = models.ForeignKey(
        "regions.Organisation",
        verbose_name=_("source organisation"),
        on_delete=models.PROTECT,
        related_name="good_practices",
    )
    region = models.ForeignKey(
        "regions.Region",
        verbose_name=_("source region"),
        on_delete=models.PROTECT,
        related_name="good_practices",
    )
    themes = models.ManyToManyField(
        "regions.Theme", verbose_name=_("themes"), blank=True, related_name="good_practices"
    )
    approach = models.CharField(
        _("type of approach"), max_length=20, choices=Approach.choices, db_index=True
    )
    summary = models.TextField(_("summary"))
    problem = models.TextField(_("problem addressed"), blank=True)
    description = models.TextField(_("the practice"), blank=True)
    resources = models.TextField(_("resources needed"), blank=True)
    evidence = models.TextField(_("evidence of success"), blank=True)
    transferability = models.TextField(_("potential for learning or transfer"), blank=True)
    lessons = models.TextField(_("lessons learnt"), blank=True)
    contact = models.ForeignKey(
        "regions.Contact",
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="good_practices",
    )
    related = models.ManyToManyField("self", verbose_name=_("related practices"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    decline_reason = models.TextField(_("reason for declining"), blank=True)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("good practice")
        verbose_name_plural = _("good practices")
        ordering = ["title"]
        indexes = [models.Index(fields=["status", "project"])]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.status == self.Status.DECLINED and not self.decline_reason.strip():
            raise ValidationError(
                {"decline_reason": _("Say why the practice is declined.")}, code="reason"
            )
