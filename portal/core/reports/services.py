"""Asking for a report and making it.

The fingerprint is a hash of the report's HTML as laid out from the data (without the
moment it was made) and of the shared stylesheet: whatever the PDF would show differently
— a changed word, a region renamed, a translation, the layout itself — changes it, and
nothing else does. Asking computes it from the data as it is now: the same as the stored
file's, and the file is served at once; different, and the row goes back to the queue.

The task rebuilds the file from scratch from the row's primary key. Its claim is a
compare-and-swap on the state, so of two runs of the same task one does the work and the
other finds nothing to do; a run that finds its claim taken over (the data changed while it
typeset, and someone asked again) throws its file away.
"""

import hashlib
import logging
from dataclasses import dataclass
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.db.models import F, Q
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation

from portal.core.models import ReportFile
from portal.core.reports import kinds, rendering

logger = logging.getLogger(__name__)

State = ReportFile.State
Error = ReportFile.Error
STORAGE = "reports"
# Stands for the moment the file is made while the fingerprint is taken.
MADE_AT = "\ue000made-at\ue000"
LOST_AFTER = timedelta(minutes=5)


def storage():
    return storages[STORAGE]


def stale_after() -> timedelta:
    """A rendering claim this old belongs to a worker that died: the task's hard time
    limit, with a margin."""
    return timedelta(seconds=settings.REPORTS_TIME_LIMIT + 60)


@dataclass
class Prepared:
    html: str  # with MADE_AT still in it
    fingerprint: str
    layout: kinds.Layout


def prepare(kind: kinds.Kind, subject, language: str) -> Prepared:
    """The report's HTML from the data as it is now, and its fingerprint."""
    with translation.override(language):
        layout = kind.layout(subject)
        html = render_to_string(
            layout.template,
            {
                **layout.context,
                "report_title": layout.title,
                "report_kind": kind.kind_label,
                "report_subtitle": layout.subtitle,
                "made_at": MADE_AT,
                "site_url": settings.SITE_URL,
            },
        )
    digest = hashlib.sha256(html.encode())
    digest.update(_stylesheet_digest())
    return Prepared(html, digest.hexdigest(), layout)


def _stylesheet_digest() -> bytes:
    return hashlib.sha256(rendering.static_file(rendering.STYLESHEET)).digest()


def report_request(*, kind: kinds.Kind, subject, language: str) -> ReportFile:
    """Ask for a report: the row as it stands afterwards, READY at once if the stored file
    shows the data as it is now, else QUEUED (or still on its way)."""
    prepared = prepare(kind, subject, language)
    now = timezone.now()
    with transaction.atomic():
        report, _created = ReportFile.objects.select_for_update().get_or_create(
            kind=kind.name, subject_id=subject.pk, language=language
        )
        same = report.fingerprint == prepared.fingerprint
        stale = report.state == State.RENDERING and report.started_at < now - stale_after()
        if same and report.state == State.READY and storage().exists(report.file):
            return report
        if report.state == State.QUEUED and not _created and report.asked_at > now - LOST_AFTER:
            # Not yet claimed: the task reads the data when it starts. One queued longer
            # than this lost its dispatch (the broker was down) and is sent again below.
            return report
        if same and report.state == State.RENDERING and not stale:
            return report
        report.state, report.fingerprint = State.QUEUED, prepared.fingerprint
        report.error, report.error_detail, report.asked_at = "", "", now
        report.save()
        transaction.on_commit(lambda: _dispatch(report.pk))
    return report


def _dispatch(report_id: int) -> None:
    from portal.core.tasks import render_report_task

    render_report_task.delay(report_id)


def _claim(report_id: int) -> ReportFile | None:
    now = timezone.now()
    claimable = Q(state=State.QUEUED) | Q(state=State.RENDERING, started_at__lt=now - stale_after())
    if not ReportFile.objects.filter(claimable, pk=report_id).update(
        state=State.RENDERING, started_at=now
    ):
        return None
    return ReportFile.objects.get(pk=report_id)


def _still_ours(report: ReportFile):
    return ReportFile.objects.filter(
        pk=report.pk, state=State.RENDERING, started_at=report.started_at
    )


def report_render(report_id: int) -> bool:
    """Make the file of a queued report; False if there was nothing for this call to do."""
    report = _claim(report_id)
    if report is None:
        return False
    kind = kinds.get(report.kind)
    try:
        if kind is None:
            raise ObjectDoesNotExist(report.kind)
        subject = kind.load(report.subject_id)
    except ObjectDoesNotExist:
        return _fail(report, Error.GONE)
    try:
        prepared = prepare(kind, subject, report.language)
        _still_ours(report).update(fingerprint=prepared.fingerprint)
        with translation.override(report.language):
            made_at = formats.date_format(timezone.localtime(), "DATETIME_FORMAT")
        rendered = rendering.html_to_pdf(prepared.html.replace(MADE_AT, made_at))
    except rendering.TooLong as error:
        return _fail(report, Error.TOO_LONG, f"{error.pages}/{error.limit}")
    except SoftTimeLimitExceeded:
        return _fail(report, Error.TIMEOUT, str(settings.REPORTS_TIME_LIMIT))
    except Exception:
        logger.exception("report %s could not be typeset", report.pk)
        return _fail(report, Error.UNEXPECTED)
    # Named by what it shows: a file never changes once stored, so a download in progress
    # or a cached copy (S3, a proxy) can never mix two versions.
    name = f"{report.kind}/{report.subject_id}/{report.language}-{prepared.fingerprint[:24]}.pdf"
    try:
        saved = storage().save(name, ContentFile(rendered.pdf))
    except Exception:
        logger.exception("report %s could not be stored", report.pk)
        return _fail(report, Error.STORAGE)
    done = _still_ours(report).update(
        state=State.READY,
        file=saved,
        fingerprint=prepared.fingerprint,
        pages=rendered.pages,
        size=len(rendered.pdf),
        finished_at=timezone.now(),
        renders=F("renders") + 1,
    )
    if not done:
        # Asked for again with other data while this one typeset: a newer run makes it.
        storage().delete(saved)
        return False
    if report.file and report.file != saved:
        storage().delete(report.file)
    return True


def _fail(report: ReportFile, error: str, detail: str = "") -> bool:
    _still_ours(report).update(
        state=State.FAILED, error=error, error_detail=detail, finished_at=timezone.now()
    )
    return False


def failure_reason(report: ReportFile) -> str:
    """Why a report failed, in the reader's language."""
    if report.error == Error.TOO_LONG and "/" in report.error_detail:
        pages, limit = report.error_detail.split("/", 1)
        return translation.gettext(
            "The report would have %(pages)s pages, more than the limit of %(limit)s."
        ) % {"pages": pages, "limit": limit}
    if report.error == Error.TIMEOUT and report.error_detail:
        return translation.gettext(
            "Typesetting took longer than %(seconds)s seconds and was stopped."
        ) % {"seconds": report.error_detail}
    return str(report.get_error_display()) if report.error else ""
