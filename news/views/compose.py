"""The communication managers' pages: compose, preview, test, schedule, send and watch.

Whoever may not manage an issue gets a 404 for it, as for an action plan: nobody learns
what another project is preparing.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from news import mailing, selectors
from news.forms import IssueForm, ItemFormSet, ScheduleForm, TestSendForm, item_initial
from news.models import Issue
from news.rules import can, managed_project_ids
from news.services import issues, sending
from projects.models import Project

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _newsletter_workspace(user) -> None:
    if not can(user, "news.compose_newsletter"):
        raise PermissionDenied(_("Only communication managers and staff compose the newsletter."))


def _issue(request, pk) -> Issue:
    issue = Issue.objects.select_related("project").filter(pk=pk).first()
    if issue is None or not can(request.user, "news.manage_issue", issue):
        raise Http404("No issue you may manage has that number.")
    return issue


def _project_choices(user):
    if user.is_active and user.is_staff:
        return Project.objects.order_by("acronym"), True
    return Project.objects.filter(pk__in=managed_project_ids(user)).order_by("acronym"), False


@login_required
def issue_list(request):
    _newsletter_workspace(request.user)
    return render(
        request,
        "news/newsletter/manage_list.html",
        {"issues": selectors.issues_for(request.user)},
    )


def _compose(request, issue: Issue | None):
    projects, network_allowed = _project_choices(request.user)
    if issue is None:
        initial, items = {}, []
    else:
        initial = {
            "project": issue.project_id,
            "themes": list(issue.themes.all()),
            "cooperations": list(issue.cooperations.all()),
            **{f"title_{c}": getattr(issue, f"title_{c}") for c in LANGUAGES},
            **{f"intro_{c}": getattr(issue, f"intro_{c}") for c in LANGUAGES},
        }
        items = item_initial(selectors.issue_items(issue))
    data = request.POST if request.method == "POST" else None
    form = IssueForm(data, initial=initial, projects=projects, network_allowed=network_allowed)
    formset = ItemFormSet(data, initial=items, prefix="items")
    status = 200
    if data is not None:
        if form.is_valid() and formset.is_valid():
            try:
                issue = issues.issue_write(
                    user=request.user,
                    issue=issue,
                    project=form.cleaned_data["project"],
                    titles=form.titles(),
                    intros=form.intros(),
                    themes=form.cleaned_data["themes"],
                    cooperations=form.cleaned_data["cooperations"],
                    items=formset.items(),
                )
            except (ValidationError, PermissionDenied) as error:
                form.add_error(None, error if isinstance(error, ValidationError) else str(error))
            else:
                messages.success(request, _("The issue is saved."))
                return redirect("newsletter:manage-detail", issue.pk)
        status = 400
    return render(
        request,
        "news/newsletter/compose.html",
        {"issue": issue, "form": form, "formset": formset},
        status=status,
    )


@login_required
def issue_create(request):
    _newsletter_workspace(request.user)
    return _compose(request, None)


@login_required
def issue_edit(request, pk):
    issue = _issue(request, pk)
    if not can(request.user, "news.edit_issue", issue):
        messages.error(request, _("This issue is being sent or was sent: it can no longer change."))
        return redirect("newsletter:manage-detail", issue.pk)
    return _compose(request, issue)


@login_required
def issue_detail(request, pk):
    issue = _issue(request, pk)
    return render(
        request,
        "news/newsletter/manage_detail.html",
        {
            "issue": issue,
            "items": selectors.issue_items(issue),
            "counts": selectors.delivery_counts(issue),
            "failures": selectors.recent_failures(issue),
            "can_edit": can(request.user, "news.edit_issue", issue),
            "schedule_form": ScheduleForm(
                initial={"at": issue.scheduled_for} if issue.scheduled_for else None
            ),
            "test_form": TestSendForm(initial={"language": request.LANGUAGE_CODE}),
            "languages": settings.LANGUAGES,
        },
    )


@login_required
def issue_progress(request, pk):
    """The counts alone, which the issue's page asks for every two seconds while sending."""
    issue = _issue(request, pk)
    return render(
        request,
        "news/newsletter/fragment_progress.html",
        {"issue": issue, "counts": selectors.delivery_counts(issue)},
    )


@login_required
def issue_preview(request, pk):
    issue = _issue(request, pk)
    language = request.GET.get("language") or request.LANGUAGE_CODE
    if language not in LANGUAGES:
        return HttpResponse(
            _("Unknown language “%(language)s”: choose nl, en or de.")
            % {"language": language[:10]},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    rendered = mailing.render(issue, language)
    return render(
        request,
        "news/newsletter/preview.html",
        {
            "issue": issue,
            "language": language,
            "languages": settings.LANGUAGES,
            "subject": rendered.subject,
            "text": rendered.text,
        },
    )


# Shown inside the preview page's frame, from the same origin only.
@xframe_options_sameorigin
@login_required
def issue_preview_html(request, pk, language):
    issue = _issue(request, pk)
    if language not in LANGUAGES:
        raise Http404("No such language.")
    return HttpResponse(mailing.render(issue, language).html)


def _step(request, pk, action):
    issue = _issue(request, pk)
    try:
        action(issue)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error) or _("You may not do that with this issue."))
    return redirect("newsletter:manage-detail", issue.pk)


@login_required
@require_POST
def issue_test(request, pk):
    form = TestSendForm(request.POST)

    def send(issue):
        if not form.is_valid():
            raise ValidationError(_("Choose the language of the test: nl, en or de."))
        issues.issue_send_test(
            user=request.user, issue=issue, language=form.cleaned_data["language"]
        )
        messages.success(
            request, _("A test is on its way to %(email)s.") % {"email": request.user.email}
        )

    return _step(request, pk, send)


@login_required
@require_POST
def issue_schedule(request, pk):
    form = ScheduleForm(request.POST)

    def schedule(issue):
        if not form.is_valid():
            raise ValidationError(form.errors["at"])
        issues.issue_schedule(user=request.user, issue=issue, at=form.cleaned_data["at"])
        messages.success(request, _("The issue is scheduled."))

    return _step(request, pk, schedule)


@login_required
@require_POST
def issue_unschedule(request, pk):
    def unschedule(issue):
        issues.issue_unschedule(user=request.user, issue=issue)
        messages.success(request, _("The issue is a draft again."))

    return _step(request, pk, unschedule)


@login_required
@require_POST
def issue_start(request, pk):
    def start(issue):
        count = sending.issue_start(issue=issue)
        messages.success(
            request,
            _("Sending has started, to %(count)s subscribers.") % {"count": count},
        )

    return _step(request, pk, start)


@login_required
@require_POST
def issue_pause(request, pk):
    def pause(issue):
        if not sending.issue_pause(
            issue=issue, reason=_("Paused by %(name)s.") % {"name": request.user}
        ):
            raise ValidationError(_("Only an issue being sent can be paused."))
        messages.success(request, _("Sending is paused."))

    return _step(request, pk, pause)


@login_required
@require_POST
def issue_resume(request, pk):
    def resume(issue):
        if not sending.issue_resume(issue=issue):
            raise ValidationError(_("Only a paused issue can be resumed."))
        messages.success(request, _("Sending goes on."))

    return _step(request, pk, resume)
