"""Who may do what with an action plan and its progress reports. Pages, the API and the
admin ask these.

Partner members file their own partnership's plan and reports and may change them only
while they are drafts or changes were requested; the project's coordinators review them.
Nobody else learns that a draft exists: views answer 404 to anyone without `view_plan`
or `view_report`. The public sees approved plans and accepted reports' results.
"""

import rules

from actionplans.models import ActionPlan, ProgressReport
from projects.rules import is_coordinator, represents_partnership

State = ActionPlan.State
ReportState = ProgressReport.State


@rules.predicate
def files_plan(user, plan) -> bool:
    return plan is not None and represents_partnership(user, plan.partnership)


@rules.predicate
def reviews_plan(user, plan) -> bool:
    return plan is not None and is_coordinator(user, plan)


@rules.predicate
def is_editable(user, plan) -> bool:
    return plan is not None and plan.state in (State.DRAFT, State.CHANGES_REQUESTED)


@rules.predicate
def is_submitted(user, plan) -> bool:
    return plan is not None and plan.state == State.SUBMITTED


@rules.predicate
def is_approved(user, plan) -> bool:
    return plan is not None and plan.state == State.APPROVED


is_reviewer = reviews_plan | rules.is_superuser

rules.add_perm("actionplans.view_plan", files_plan | is_reviewer)
# On a partnership. Whether it has a plan already is the service's check, made after this
# one, so that a refusal tells no one else whether a plan exists.
rules.add_perm("actionplans.create_plan", represents_partnership)
rules.add_perm("actionplans.change_plan", files_plan & is_editable)
rules.add_perm("actionplans.submit_plan", files_plan & is_editable)
rules.add_perm("actionplans.comment_plan", is_reviewer & is_submitted)
rules.add_perm("actionplans.request_changes_plan", is_reviewer & is_submitted)
rules.add_perm("actionplans.approve_plan", is_reviewer & is_submitted)
rules.add_perm("actionplans.reopen_plan", is_reviewer & is_approved)
rules.add_perm("actionplans.set_due_plan", is_reviewer)
rules.add_perm("actionplans.review_plan", is_reviewer)


@rules.predicate
def files_report(user, report) -> bool:
    return report is not None and represents_partnership(user, report.plan.partnership)


@rules.predicate
def reviews_report(user, report) -> bool:
    return report is not None and is_coordinator(user, report)


@rules.predicate
def report_is_editable(user, report) -> bool:
    return report is not None and report.state in (
        ReportState.DRAFT,
        ReportState.CHANGES_REQUESTED,
    )


@rules.predicate
def report_is_submitted(user, report) -> bool:
    return report is not None and report.state == ReportState.SUBMITTED


@rules.predicate
def plan_is_public(user, plan) -> bool:
    return plan is not None and plan.approved_version_id is not None


report_reviewer = reviews_report | rules.is_superuser

rules.add_perm("actionplans.view_report", files_report | report_reviewer)
# On a plan: its partner reports on it once it has been approved.
rules.add_perm("actionplans.create_report", files_plan & plan_is_public)
rules.add_perm("actionplans.change_report", files_report & report_is_editable)
rules.add_perm("actionplans.submit_report", files_report & report_is_editable)
rules.add_perm("actionplans.request_changes_report", report_reviewer & report_is_submitted)
rules.add_perm("actionplans.accept_report", report_reviewer & report_is_submitted)
# On a project: its coordinators follow its monitoring and set its schedule.
rules.add_perm("actionplans.manage_monitoring", is_coordinator | rules.is_superuser)


def can(user, permission: str, obj) -> bool:
    """Ask the rules themselves.

    Django's user.has_perm grants a superuser everything, which would let an admin change
    an approved plan behind the workflow's back; the rules above already say what a
    superuser may do.
    """
    return rules.has_perm(permission, user, obj)
