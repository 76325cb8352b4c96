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


def render_mail(name: str, context: dict, language: str | None = None) -> tuple[str, str, str]:
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language or settings.LANGUAGE_CODE):
        subject = render_to_string(f"emails/{name}-subject.txt", context)
        text = render_to_string(f"emails/{name}-body.txt", context)
        html = render_to_string(f"emails/{name}-body.html", context)
    return " ".join(subject.split()), text.strip() + "\n", html


def mail_queue(
    *,
    key: str,
    user,
    name: str,
    context: dict,
    attachments: Sequence[tuple[str, bytes, str]] = (),
) -> OutgoingMail | None:
    """Queue a notice for a user; None if a mail with this key was queued before.

    `user` is the reader: a User, or anything else with an `email` and a `language` (an
    event's registrant has no account). `attachments` are (file name, content, MIME type).
    """
    subject, text, html = render_mail(name, {"user": user, **context}, user.language or None)
    mail, created = OutgoingMail.objects.get_or_create(
        key=key[:200],
        defaults={
            "to": user.email,
            "subject": subject,
            "body_text": text,
            "body_html": html,
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

    transaction.on_commit(lambda: send_mail_task.delay(mail.pk))
    return mail


def mail_send(mail_id: int) -> bool:
    """Send one queued mail; False if it is not (or no longer) this call's to send."""
    # Claimed by compare-and-swap: of two workers handed the same id, one changes the row
    # and the other sees nothing to do.
    claimed = OutgoingMail.objects.filter(pk=mail_id, state=OutgoingMail.State.QUEUED).update(
        state=OutgoingMail.State.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now()
    )
    if not claimed:
        return False
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMultiAlternatives(mail.subject, mail.body_text, to=[mail.to])
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
        OutgoingMail.objects.filter(pk=mail_id).update(
            state=OutgoingMail.State.QUEUED, last_error=f"{type(error).__name__}: {error}"
        )
        raise
    OutgoingMail.objects.filter(pk=mail_id).update(
        state=OutgoingMail.State.SENT, sent_at=timezone.now(), last_error=""
    )
    return True


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
    """Mails whose dispatch was lost (broker down at commit) or whose worker died."""
    now = timezone.now()
    OutgoingMail.objects.filter(
        state=OutgoingMail.State.SENDING, claimed_at__lt=now - STALE_CLAIM
    ).update(state=OutgoingMail.State.QUEUED)
    return list(
        OutgoingMail.objects.filter(
            state=OutgoingMail.State.QUEUED, created_at__lt=now - timedelta(minutes=5)
        ).values_list("pk", flat=True)
    )
