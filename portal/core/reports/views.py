"""Asking for a report, following its progress, and downloading it.

Each answers 404 to anyone who may not see the report's subject — anonymous visitors
included — so a status or a file says nothing of a plan that person cannot see. The panel
on the subject's page (the `report_panel` tag) posts here with htmx and swaps in the
status, which polls itself while the report is queued or being typeset.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal.core.models import ReportFile
from portal.core.reports import kinds, services

LANGUAGES = dict(settings.LANGUAGES)
# PostgreSQL's bigint: a longer number in the address would be a database error, not a 404.
BIGGEST_ID = 2**63 - 1


def _answers_404_with_reason(view):
    """The portal's 404 page, saying what was not found (Django's own would not)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Http404 as missing:
            return render(request, "404.html", {"reason": str(missing)}, status=404)

    return wrapped


def _subject(request, kind_name: str, subject_id: int):
    """The kind and its subject, if the user may see the subject."""
    kind = kinds.get(kind_name)
    if kind is None:
        raise Http404(_("There is no kind of report called “%(kind)s”.") % {"kind": kind_name})
    try:
        if subject_id > BIGGEST_ID:
            raise ObjectDoesNotExist
        subject = kind.load(subject_id)
    except ObjectDoesNotExist:
        raise Http404(_("What the report would be about does not exist.")) from None
    if not kind.may_view(request.user, subject):
        raise Http404(_("What the report would be about does not exist."))
    return kind, subject


def panel_context(kind: kinds.Kind, subject, *, error: str = "") -> dict:
    rows = ReportFile.objects.filter(kind=kind.name, subject_id=subject.pk).order_by("language")
    reports = []
    for row in rows:
        row.language_name = LANGUAGES.get(row.language, row.language)
        row.reason = services.failure_reason(row)
        reports.append(row)
    return {
        "kind": kind,
        "subject": subject,
        "reports": reports,
        "polling": any(row.in_progress for row in reports),
        "error": error,
    }


@require_POST
@_answers_404_with_reason
def report_ask(request, kind, subject_id):
    kind, subject = _subject(request, kind, subject_id)
    language = request.POST.get("language", "")
    error = ""
    if language not in LANGUAGES:
        error = _("Choose the report's language: %(languages)s.") % {
            "languages": ", ".join(str(name) for name in LANGUAGES.values())
        }
    else:
        services.report_request(kind=kind, subject=subject, language=language)
    if not request.headers.get("HX-Request"):
        # Without htmx the subject's page shows the status, and the error as a message.
        if error:
            messages.error(request, error)
        return redirect(kind.page_url(subject))
    return render(
        request,
        "reports/fragment_status.html",
        panel_context(kind, subject, error=error),
        status=400 if error else 200,
    )


@require_GET
@_answers_404_with_reason
def report_status(request, kind, subject_id):
    kind, subject = _subject(request, kind, subject_id)
    return render(request, "reports/fragment_status.html", panel_context(kind, subject))


@require_GET
@_answers_404_with_reason
def report_download(request, kind, subject_id, language):
    kind, subject = _subject(request, kind, subject_id)
    if language not in LANGUAGES:
        raise Http404(_("Reports are made in Dutch, English or German only."))
    report = ReportFile.objects.filter(
        kind=kind.name, subject_id=subject.pk, language=language, state=ReportFile.State.READY
    ).first()
    if report is None:
        raise Http404(_("This report is not ready: ask for it on its page."))
    try:
        opened = services.storage().open(report.file, "rb")
    except FileNotFoundError:
        raise Http404(_("The report's file is missing: ask for it again.")) from None
    return FileResponse(
        opened,
        content_type="application/pdf",
        as_attachment=True,
        filename=f"{kind.filename(subject)}-{language}.pdf",
    )
