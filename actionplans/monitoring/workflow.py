"""The progress report's workflow: the only place where a report's state changes.

    draft ──submit──▶ submitted ──accept──▶ accepted
                        │    ▲
           request_changes  submit
                        ▼    │
                  changes requested

The same machinery as the plan's (actionplans.documents.workflow); `REPORTS` says what
the report's steps mean. Accepting a report publishes its results on the plan's public
page and the project page.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from actionplans.documents import workflow as steps
from actionplans.documents.kind import DocumentKind, Step, Wording
from actionplans.models import ProgressReport, ReportTransition, ReportVersion
from actionplans.monitoring.checklist import missing_for_submission
from actionplans.monitoring.content import REPORT
from actionplans.monitoring.notifications import notify_report_step
from portal.core.cache import bump_content_version

State = ProgressReport.State


class ReportKind(DocumentKind):
    shape = REPORT
    model = ProgressReport
    name = "report"
    version_model = ReportVersion
    transition_model = ReportTransition
    related = ("plan__partnership", "period")
    step_fields = ("accepted_version", "accepted_at")
    wording = Wording(
        no_version=_("This report has no version %(number)s."),
        conflict=_(
            "%(who)s saved this report (version %(version)s) while you were editing it. Your "
            "changes were not applied, but they are kept: compare them with the current "
            "version and apply what you need."
        ),
        not_editable=_("This report's state is “%(state)s”: it cannot be changed now."),
        wrong_state=_(
            "The report's state is “%(state)s”, so this step (%(step)s) cannot be taken."
        ),
        step_refused=_("You may not take this step on this report."),
    )
    steps = {
        step.name: step
        for step in (
            Step(
                "submit",
                _("Submit the report"),
                (State.DRAFT, State.CHANGES_REQUESTED),
                State.SUBMITTED,
                "actionplans.submit_report",
            ),
            Step(
                "request_changes",
                _("Request changes"),
                (State.SUBMITTED,),
                State.CHANGES_REQUESTED,
                "actionplans.request_changes_report",
                comment_label=_("What needs to change"),
                needs_comment=True,
            ),
            Step(
                "accept",
                _("Accept the report"),
                (State.SUBMITTED,),
                State.ACCEPTED,
                "actionplans.accept_report",
            ),
        )
    }

    def before_step(self, report, step):
        if step.name == "submit":
            missing = missing_for_submission(self.current_content(report))
            if missing:
                raise ValidationError(missing, code="incomplete")
        elif step.name == "accept":
            report.accepted_version = report.versions.get(number=report.version)
            report.accepted_at = timezone.now()
            # The plan's public page and the project page show accepted results.
            transaction.on_commit(bump_content_version)

    def notify(self, transition):
        notify_report_step(transition)


REPORTS = ReportKind()


def report_transition(*, user, report, step: str, comment: str = "", notify: bool = True):
    return steps.document_transition(
        REPORTS, user=user, document=report, step=step, comment=comment, notify=notify
    )


def available_steps(user, report) -> list[Step]:
    return steps.available_steps(REPORTS, user, report)
