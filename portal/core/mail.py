"""Email notices: rendered from template triplets in the reader's language, sent once.

A notice is `templates/emails/<name>-subject.txt`, `-body.txt` and `-body.html`. Queueing
stores the rendered mail as an OutgoingMail row; a Celery task sends it after the
transaction that queued it commits, so a rolled-back change never announces itself.
"""

import base64
import logging
from collections.abc import Sequence
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation

from portal.core.models import OutgoingMail

logger = logging.getLogger(__name__)

# A worker that dies mid-send leaves its claim behind; after this long it is released.
STALE_CLAIM = timedelta(minutes=15)
# A mail due this long ago and still queued lost its dispatch (the broker was down when
# the transaction committed, or the retry's message went with a restarted Redis).
LOST_AFTER = timedelta(minutes=5)
# Attempts in all, the first one included; then the mail is given up as failed.
MAX_ATTEMPTS = 6
# A retry's countdown is measured by the clock of the process that sets it; a task that
# wakes this much before the row's time still counts as on time.
EARLY = timedelta(seconds=2)


def retry_delay(attempts: int) -> int:
    """Seconds to wait after the n-th failed attempt: a mail server down now is often up
    in a few minutes (30 s, 1, 2, 4, 8 minutes)."""
    return 30 * 2 ** (attempts - 1)


def render_mail(name: str, context: dict, language: str | None = None) -> tuple[str, str, str]:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}-subject.txt", context)
        text = render_to_string(f"emails/{name}-body.txt", context)
        html = render_to_string(f"emails/{name}-body.html", context)
    return " ".join(subject.split()), text.strip() + "\n", html


def mail_queue(*, key: str, user, name: str, context: dict) -> OutgoingMail | None:
    """Queue a notice for a user; None if a mail with this key was queued before."""
    return mail_queue_to(
        key=key,
        to=user.email,
        language=user.language or None,
        name=name,
        context={"user": user, **context},
    )


def mail_queue_to(
    *,
    key: str,
    to: str,
    language: str | None,
    name: str,
    context: dict,
    headers: dict | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> OutgoingMail | None:
    """Queue a mail for an address that need not be a user's (a newsletter subscriber, an
    event's registrant). `attachments` are (file name, content, MIME type)."""
    subject, text, html = render_mail(name, context, language)
    return mail_queue_rendered(
        key=key,
        to=to,
        subject=subject,
        text=text,
        html=html,
        headers=headers,
        attachments=attachments,
    )


def mail_queue_rendered(
    *,
    key: str,
    to: str,
    subject: str,
    text: str,
    html: str,
    headers: dict | None = None,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> OutgoingMail | None:
    mail, created = OutgoingMail.objects.get_or_create(
        key=key[:200],
        defaults={
            "to": to,
            "subject": subject,
            "body_text": text,
            "body_html": html,
            "headers": headers or {},
            # Small files such as a calendar entry, kept with the mail so a retry sends
            # the same.
            "attachments": [
                {
                    "filename": filename,
                    "mimetype": mimetype,
                    "content": base64.b64encode(content).decode("ascii"),
                }
                for filename, content, mimetype in attachments
            ],
        },
    )
    if not created:
        return None
    from portal.core.tasks import send_mail_task

    # Robust: with the broker down the mail is already committed, and a failed dispatch must
    # not turn the request that queued it into an error; the beat's requeue_stale_mail
    # sends it once Redis is back (LOST_AFTER).
    transaction.on_commit(lambda: send_mail_task.delay(mail.pk), robust=True)
    return mail


def mail_send(mail_id: int) -> bool:
    """Send one queued mail; False if it is not (or not yet, or no longer) this call's to send."""
    now = timezone.now()
    # Claimed by compare-and-swap: of two workers handed the same id, one changes the row
    # and the other sees nothing to do. A mail waiting out a retry's countdown is not due:
    # a task for it that comes early ends here, and the chain that set the countdown is
    # the only one that goes on.
    claimed = OutgoingMail.objects.filter(
        pk=mail_id, state=OutgoingMail.State.QUEUED, next_attempt_at__lte=now + EARLY
    ).update(state=OutgoingMail.State.SENDING, attempts=F("attempts") + 1, claimed_at=now)
    if not claimed:
        return False
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMultiAlternatives(
        mail.subject, mail.body_text, to=[mail.to], headers=mail.headers
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in mail.attachments:
        message.attach(
            attachment["filename"],
            base64.b64decode(attachment["content"]),
            attachment["mimetype"],
        )
    try:
        message.send()
    except Exception as error:
        _record_failure(mail, f"{type(error).__name__}: {error}")
        raise
    OutgoingMail.objects.filter(pk=mail_id).update(
        state=OutgoingMail.State.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


def _record_failure(mail: OutgoingMail, error: str) -> None:
    if mail.attempts >= MAX_ATTEMPTS:
        mail_give_up(mail.pk, error)
        return
    OutgoingMail.objects.filter(pk=mail.pk, state=OutgoingMail.State.SENDING).update(
        state=OutgoingMail.State.QUEUED,
        last_error=error,
        next_attempt_at=timezone.now() + timedelta(seconds=retry_delay(mail.attempts)),
    )


def mail_retry_countdown(mail_id: int) -> float | None:
    """Seconds until a failed mail is due again, or None if it was given up (or sent)."""
    due = (
        OutgoingMail.objects.filter(pk=mail_id, state=OutgoingMail.State.QUEUED)
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    if due is None:
        return None
    return max(0.0, (due - timezone.now()).total_seconds())


def mail_forget(key_prefix: str) -> int:
    """Delete the stored copies of the mails whose key starts with `key_prefix`.

    For erasing a person's data: the stored mails hold their name, address and links. A
    queued one is not sent any more either.
    """
    deleted, _ = OutgoingMail.objects.filter(key__startswith=key_prefix).delete()
    return deleted


def mail_give_up(mail_id: int, error: str) -> None:
    OutgoingMail.objects.filter(pk=mail_id).exclude(state=OutgoingMail.State.SENT).update(
        state=OutgoingMail.State.FAILED, last_error=error
    )


def mail_requeue_stale() -> list[int]:
    """Mails whose dispatch was lost (broker down at commit) or whose worker died.

    A mail waiting out a retry's countdown is not among them: its own chain wakes it.
    Each one returned is marked due now, so the next run leaves it alone for LOST_AFTER
    while the new dispatch gets its chance.
    """
    now = timezone.now()
    with transaction.atomic():
        released = OutgoingMail.objects.filter(
            state=OutgoingMail.State.SENDING, claimed_at__lt=now - STALE_CLAIM
        ).select_for_update(skip_locked=True)
        lost = OutgoingMail.objects.filter(
            state=OutgoingMail.State.QUEUED, next_attempt_at__lt=now - LOST_AFTER
        ).select_for_update(skip_locked=True)
        ids = [*released.values_list("pk", flat=True), *lost.values_list("pk", flat=True)]
        OutgoingMail.objects.filter(pk__in=ids).update(
            state=OutgoingMail.State.QUEUED, next_attempt_at=now
        )
    return ids
