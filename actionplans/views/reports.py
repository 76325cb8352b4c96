"""Progress reports in the workspace: a plan's periods, starting a report, reading,
editing and moving it through its workflow, its files, and one action's history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from actionplans.documents.display import display
from actionplans.documents.writing import VersionConflict
from actionplans.forms import RICH_TEXT_LABELS, StepForm
from actionplans.models import Evidence, MonitoringPeriod, ProgressReport
from actionplans.monitoring import selectors, services, workflow
from actionplans.monitoring.checklist import missing_for_submission
from actionplans.monitoring.content import REPORT
from actionplans.monitoring.forms import action_editor, overview_editor
from actionplans.monitoring.selectors import report_files
from actionplans.monitoring.workflow import REPORTS
from actionplans.rules import can
from actionplans.views import versions
from actionplans.views.access import viewable_plan

PAGES = versions.VersionPages(
    kind=REPORTS,
    urls={
        "detail": "actionplans:report",
        "history": "actionplans:report-history",
        "compare": "actionplans:report-compare",
        "version": "actionplans:report-version",
        "restore": "actionplans:report-restore",
    },
    document_template="actionplans/fragment_report.html",
    missing_version=gettext_lazy("The form was sent without the report's version."),
)


def viewable_report(request, pk, permission="actionplans.view_report") -> ProgressReport:
    """The report, if the user may see it; to anyone else it does not exist."""
    try:
        report = selectors.workspace_report(pk)
    except ProgressReport.DoesNotExist:
        raise Http404 from None
    if not can(request.user, "actionplans.view_report", report):
        raise Http404
    if not can(request.user, permission, report):
        raise PermissionDenied
    return report


@login_required
def plan_reports(request, pk):
    plan = viewable_plan(request, pk)
    return render(
        request,
        "actionplans/plan_reports.html",
        {
            "plan": plan,
            "rows": selectors.plan_periods(plan),
            "can_start": can(request.user, "actionplans.create_report", plan),
            "can_follow": can(
                request.user, "actionplans.manage_monitoring", plan.partnership.project
            ),
        },
    )


@login_required
@require_POST
def report_start(request, pk):
    plan = viewable_plan(request, pk)
    period = MonitoringPeriod.objects.filter(
        pk=request.POST.get("period") if str(request.POST.get("period", "")).isdecimal() else None
    ).first()
    if period is None:
        messages.error(request, _("Choose a period of the plan's project."))
        return redirect("actionplans:plan-reports", plan.pk)
    try:
        report = services.report_start(user=request.user, plan=plan, period=period)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("actionplans:plan-reports", plan.pk)
    messages.success(
        request, _("The report is started, filled in from the plan and the last report.")
    )
    return redirect("actionplans:report-edit", report.pk)


def _content(report):
    return REPORTS.current_content(report)


@login_required
def report_detail(request, pk):
    report = viewable_report(request, pk)
    content = _content(report)
    return render(
        request,
        "actionplans/report_detail.html",
        {
            "report": report,
            "doc": display(REPORT, content, {}),
            "content_actions": content["actions"],
            "missing": missing_for_submission(content),
            "steps": workflow.available_steps(request.user, report),
            "step_form": StepForm(),
            "transitions": selectors.report_transitions(report),
            "can_edit": REPORTS.may(request.user, "change", report),
        },
    )


def _editor_page(request, report, editor, content, back_url):
    return render(
        request,
        "actionplans/report_edit.html",
        {
            "report": report,
            "part": editor,
            "conflict": editor.conflict,
            "doc": display(REPORT, content, {}),
            "back_url": back_url,
            "rich_text_labels": {key: str(label) for key, label in RICH_TEXT_LABELS.items()},
        },
    )


def _save(request, report, editor, next_url):
    """Save an editor's changes; a redirect, or None to show the page again."""
    if not editor.is_valid():
        messages.error(request, _("Nothing was saved: please correct the marked fields."))
        return None
    try:
        services.report_write(
            user=request.user,
            report=report,
            expected_version=editor.form.cleaned_data["version"],
            content=editor.apply(editor.content),
            uploads=editor.uploads,
        )
    except VersionConflict as conflict:
        editor.conflict = conflict
        editor.form.add_error(None, conflict.message)
        return None
    except ValidationError as error:
        editor.add_service_error(error)
        return None
    messages.success(request, _("Saved."))
    return redirect(next_url if "continue" in request.POST else request.get_full_path())


def _action_url(report, content, index):
    if index < len(content["actions"]):
        return reverse(
            "actionplans:report-action", args=[report.pk, content["actions"][index]["id"]]
        )
    return reverse("actionplans:report", args=[report.pk])


@login_required
def report_edit(request, pk):
    report = viewable_report(request, pk, "actionplans.change_report")
    content = _content(report)
    editor = overview_editor(
        request.POST or None, request.FILES or None, report=report, content=content
    )
    if request.method == "POST" and (
        response := _save(request, report, editor, _action_url(report, content, 0))
    ):
        return response
    return _editor_page(request, report, editor, content, reverse("actionplans:report", args=[pk]))


@login_required
def report_action(request, pk, row_pk):
    report = viewable_report(request, pk, "actionplans.change_report")
    content = _content(report)
    if not any(row["id"] == row_pk for row in content["actions"]):
        raise Http404
    editor = action_editor(
        request.POST or None, request.FILES or None, report=report, content=content, row_id=row_pk
    )
    next_url = _action_url(report, content, editor.index + 1)
    if request.method == "POST" and (response := _save(request, report, editor, next_url)):
        return response
    return _editor_page(request, report, editor, content, reverse("actionplans:report", args=[pk]))


@login_required
@require_POST
def report_step(request, pk, step):
    report = viewable_report(request, pk)
    form = StepForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("comment", [])))
        return redirect("actionplans:report", report.pk)
    try:
        transition = workflow.report_transition(
            user=request.user, report=report, step=step, comment=form.cleaned_data["comment"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("Done: the report's state is now “%(state)s”.")
            % {"state": transition.get_target_display()},
        )
    return redirect("actionplans:report", report.pk)


@login_required
def report_file(request, pk):
    """An evidence file of the report, to those who may see the report."""
    report = viewable_report(request, pk)
    name = request.GET.get("name", "")
    if not name or name not in report_files(report):
        raise Http404
    try:
        opened = Evidence._meta.get_field("file").storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404(_("The file is missing; upload it again.")) from None
    return FileResponse(opened, as_attachment=True, filename=name.rsplit("/", 1)[-1])


@login_required
def action_progress(request, pk, action_pk):
    """One action of a plan, period by period: the drill-down's last step."""
    plan = viewable_plan(request, pk)
    # Whoever sees the plan sees its reports: the same partner, the same coordinators.
    rows = selectors.action_history(plan, action_pk)
    if not rows:
        raise Http404
    return render(
        request,
        "actionplans/action_progress.html",
        {"plan": plan, "rows": rows, "title": rows[-1].title},
    )


@login_required
def report_history(request, pk):
    return versions.history(request, PAGES, viewable_report(request, pk))


@login_required
def report_version(request, pk, version_pk):
    return versions.version(request, PAGES, viewable_report(request, pk), version_pk)


@login_required
def report_compare(request, pk):
    return versions.comparison(request, PAGES, viewable_report(request, pk))


@login_required
@require_POST
def report_restore(request, pk, version_pk):
    report = viewable_report(request, pk, "actionplans.change_report")

    def restore(**kwargs):
        return services.report_restore(report=report, **kwargs)

    return versions.restore(request, PAGES, report, version_pk, restore)
