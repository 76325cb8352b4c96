"""Sending an issue: every subscriber once, in batches, surviving a killed worker.

How it goes:
- `issue_start` freezes the audience into Delivery rows (unique per issue and subscriber,
  each with its Message-ID) and dispatches NEWSLETTER_LANES batch tasks.
- A batch (`batch_send`) claims up to NEWSLETTER_BATCH_SIZE due rows by compare-and-swap
  (SKIP LOCKED, so lanes never wait on each other), sends them over one SMTP connection,
  and records each mail as sent the moment the server has accepted it. It stops after
  NEWSLETTER_BATCH_SECONDS, when the issue is paused, or when the rate cap would make it
  wait long; what it claimed and did not try goes back. Then its task dispatches the next.
- A worker killed mid-batch leaves its rows claimed. A claim older than
  NEWSLETTER_STALE_SECONDS (longer than any live batch can run: the settings check it) is
  a dead one's, and the next batch sends those rows again, with their Message-IDs.

What a killed worker may and may not do follows: no subscriber is missed, since a row is
sent or failed only once a batch has recorded it so; a subscriber gets a second copy only
if the server had accepted their mail and the worker died before recording it, which is
at most the one mail in flight in the killed batch, and the copy has the same Message-ID.
"""

import logging
import secrets
import smtplib
import time
import uuid
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import F, Max, Min, Q
from django.db.models.functions import Greatest
from django.utils import timezone
from django.utils.translation import gettext as _

from news import mailing, pacing, selectors
from news.models import Delivery, DeliveryFailure, Issue, Subscriber

logger = logging.getLogger(__name__)

State = Delivery.State
# How often a batch looks whether its issue was paused meanwhile.
CHECK_EVERY = 0.5
# A batch that would wait longer than this for the rate cap hands its rows back and lets
# its task come back later, rather than hold a worker asleep.
LONGEST_NAP = 2.0
# Slots of the rate cap a batch takes from Redis at a time.
SLOTS_AT_ONCE = 10


def dispatch_next(issue_id: int, countdown: float = 0) -> None:
    from news.tasks import send_issue_batch

    countdown = min(countdown, settings.NEWSLETTER_MAX_WAIT_SECONDS)
    _note_alive(issue_id, countdown)
    send_issue_batch.apply_async((issue_id,), countdown=countdown or None)


def _note_alive(issue_id: int, countdown: float = 0) -> None:
    """Tell the beat's watchdog until when this campaign's lanes will show life again."""
    until = timezone.now() + timedelta(
        seconds=countdown + settings.NEWSLETTER_BATCH_SECONDS + settings.NEWSLETTER_STALE_SECONDS
    )
    # GREATEST skips a NULL: the first lane to speak sets it.
    Issue.objects.filter(pk=issue_id).update(alive_until=Greatest(F("alive_until"), until))


def dispatch_lanes(issue_id: int) -> None:
    for _lane in range(settings.NEWSLETTER_LANES):
        dispatch_next(issue_id)


def issue_check_ready(issue: Issue) -> None:
    """An issue goes out only with a subject and at least one item."""
    errors = []
    if not any(getattr(issue, f"title_{code}") for code, _name in settings.LANGUAGES):
        errors.append(_("Give the issue a subject in at least one language."))
    if not issue.items.exists():
        errors.append(_("Pick at least one news item or event for the issue."))
    if errors:
        raise ValidationError(errors, code="incomplete")


def issue_start(*, issue: Issue) -> int:
    """Freeze the audience and start sending; the number of subscribers it goes to."""
    with transaction.atomic():
        issue = Issue.objects.select_for_update().get(pk=issue.pk)
        if issue.state not in (Issue.State.DRAFT, Issue.State.SCHEDULED):
            raise ValidationError(
                _("This issue is already being sent or was sent."), code="not_startable"
            )
        issue_check_ready(issue)
        domain = mailing.message_id_domain()
        subscriber_ids = selectors.audience(issue).values_list("pk", flat=True).order_by("pk")
        Delivery.objects.bulk_create(
            (
                Delivery(
                    issue=issue,
                    subscriber_id=subscriber_id,
                    message_id=(
                        f"<newsletter.{issue.pk}.{subscriber_id}.{secrets.token_hex(4)}@{domain}>"
                    ),
                )
                for subscriber_id in subscriber_ids.iterator(chunk_size=2000)
            ),
            batch_size=2000,
        )
        now = timezone.now()
        issue.state = Issue.State.SENDING
        issue.started_at = now
        issue.paused_reason = ""
        issue.save(update_fields=["state", "started_at", "paused_reason", "updated_at"])
        count = Delivery.objects.filter(issue=issue).count()
        # Robust: with the broker down, newsletter_tick restarts the quiet campaign.
        transaction.on_commit(lambda: dispatch_lanes(issue.pk), robust=True)
    return count


def issue_pause(*, issue: Issue, reason: str = "") -> bool:
    """Running batches see it within CHECK_EVERY and hand back what they did not send."""
    paused = Issue.objects.filter(pk=issue.pk, state=Issue.State.SENDING).update(
        state=Issue.State.PAUSED, paused_reason=reason[:300], updated_at=timezone.now()
    )
    issue.refresh_from_db()
    return bool(paused)


def issue_resume(*, issue: Issue) -> bool:
    with transaction.atomic():
        resumed = Issue.objects.filter(pk=issue.pk, state=Issue.State.PAUSED).update(
            state=Issue.State.SENDING, paused_reason="", updated_at=timezone.now()
        )
        if resumed:
            transaction.on_commit(lambda: dispatch_lanes(issue.pk), robust=True)
    issue.refresh_from_db()
    return bool(resumed)


def issues_start_due() -> list[int]:
    """Scheduled issues whose time has come (the beat asks every 30 seconds)."""
    started = []
    due = Issue.objects.filter(state=Issue.State.SCHEDULED, scheduled_for__lte=timezone.now())
    for issue in due:
        try:
            issue_start(issue=issue)
        except ValidationError as error:
            # Became incomplete after it was scheduled (an item deleted): back to a draft,
            # with the reason where its managers look.
            Issue.objects.filter(pk=issue.pk, state=Issue.State.SCHEDULED).update(
                state=Issue.State.DRAFT, paused_reason=" ".join(error.messages)[:300]
            )
        else:
            started.append(issue.pk)
    return started


def issues_revive() -> list[int]:
    """Campaigns whose lanes have all gone quiet (their tasks lost with a restarted Redis,
    or every worker killed): dispatched anew. Rows are claimed by compare-and-swap, so a
    lane too many costs nothing but a little parallelism."""
    now = timezone.now()
    quiet = list(
        Issue.objects.filter(state=Issue.State.SENDING)
        .filter(Q(alive_until__isnull=True) | Q(alive_until__lt=now))
        .values_list("pk", flat=True)
    )
    for issue_id in quiet:
        dispatch_lanes(issue_id)
    return quiet


# --- One batch -------------------------------------------------------------------------


@dataclass
class Batch:
    issue: Issue
    claim: str = field(default_factory=lambda: uuid.uuid4().hex)
    sent: int = 0
    stop: str = ""  # why it ended early: paused, rate, lost
    wait: float = 0.0


def _release_stale(issue_id: int) -> int:
    cutoff = timezone.now() - timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS)
    released = Delivery.objects.filter(
        issue_id=issue_id, state=State.SENDING, claimed_at__lt=cutoff
    ).update(state=State.PENDING, claim="", claimed_at=None)
    if released:
        logger.warning("issue %s: %s mails of a dead batch are sent again", issue_id, released)
    return released


def _claim(batch: Batch) -> list[Delivery]:
    now = timezone.now()
    due = Q(state=State.PENDING) | Q(state=State.RETRY, next_attempt_at__lte=now)
    with transaction.atomic():
        ids = list(
            Delivery.objects.filter(due, issue=batch.issue)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[: settings.NEWSLETTER_BATCH_SIZE]
        )
        Delivery.objects.filter(pk__in=ids).update(
            state=State.SENDING, claim=batch.claim, claimed_at=now
        )
    return list(
        Delivery.objects.filter(claim=batch.claim, state=State.SENDING)
        .select_related("subscriber")
        .only(
            "pk",
            "message_id",
            "attempts",
            "subscriber__id",
            "subscriber__key",
            "subscriber__email",
            "subscriber__language",
            "subscriber__state",
        )
        .order_by("pk")
    )


def _issue_state(issue_id: int) -> str:
    return Issue.objects.filter(pk=issue_id).values_list("state", flat=True).first()


def _is_permanent(error: Exception) -> bool:
    """A 5xx answer means the server will never take this mail; anything else (a 4xx, a
    dropped connection, a timeout) may pass on a later try."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _msg in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


def _record_failure(batch: Batch, delivery: Delivery, error: Exception) -> None:
    text = f"{type(error).__name__}: {error}"[:2000]
    attempts = delivery.attempts + 1
    permanent = _is_permanent(error)
    if permanent or attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        changes = {"state": State.FAILED}
    else:
        delay = settings.NEWSLETTER_RETRY_SECONDS * 2 ** (attempts - 1)
        changes = {
            "state": State.RETRY,
            "next_attempt_at": timezone.now() + timedelta(seconds=delay),
        }
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk, claim=batch.claim).update(
            attempts=attempts, last_error=text, claim="", claimed_at=None, **changes
        )
        DeliveryFailure.objects.create(delivery_id=delivery.pk, error=text, permanent=permanent)
    if _failures_in_a_row(batch.issue.pk) >= settings.NEWSLETTER_PAUSE_AFTER_FAILURES:
        issue_pause(
            issue=batch.issue,
            reason=_(
                "Paused by itself after %(count)s failed mails in a row. Last error: %(error)s"
            )
            % {"count": settings.NEWSLETTER_PAUSE_AFTER_FAILURES, "error": text[:150]},
        )


def _failures_in_a_row(issue_id: int) -> int:
    """Failed attempts since the issue's last mail that went out (asked only on a failure)."""
    last_sent = Delivery.objects.filter(issue_id=issue_id).aggregate(at=Max("sent_at"))["at"]
    failures = DeliveryFailure.objects.filter(delivery__issue_id=issue_id)
    if last_sent:
        failures = failures.filter(at__gt=last_sent)
    return failures.count()


def _send_claimed(batch: Batch, rows: list[Delivery]) -> None:
    deadline = time.monotonic() + settings.NEWSLETTER_BATCH_SECONDS
    next_check = time.monotonic() + CHECK_EVERY
    connection = get_connection()
    opened, slots = False, 0
    # Each mail is recorded as sent in a commit of its own, the moment the server has it;
    # waiting for each of those commits to reach the disk cost more than sending the mail.
    # Without the wait, a crash of PostgreSQL itself (not of a worker) can forget the last
    # fraction of a second of them, and those mails go out again, with their Message-IDs.
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        for delivery in rows:
            now = time.monotonic()
            if now > deadline:
                break
            if now > next_check:
                next_check = now + CHECK_EVERY
                if _issue_state(batch.issue.pk) != Issue.State.SENDING:
                    batch.stop = "paused"
                    break
            subscriber = delivery.subscriber
            if subscriber is None or subscriber.state != Subscriber.State.CONFIRMED:
                Delivery.objects.filter(pk=delivery.pk, claim=batch.claim).update(
                    state=State.SKIPPED, claim="", claimed_at=None
                )
                continue
            while not slots:
                slots, wait = pacing.take_slots(SLOTS_AT_ONCE)
                if slots:
                    break
                if wait > LONGEST_NAP:
                    batch.stop, batch.wait = "rate", wait
                    return
                time.sleep(wait)
            slots -= 1
            rendered = mailing.rendered_for_sending(batch.issue, subscriber.language)
            message = mailing.message_for(delivery, subscriber, rendered)
            try:
                if not opened:
                    connection.open()
                    opened = True
                connection.send_messages([message])
            except Exception as error:
                logger.info("issue %s, %s: %s", batch.issue.pk, delivery.message_id, error)
                opened = False
                connection.close()
                _record_failure(batch, delivery, error)
                if _issue_state(batch.issue.pk) != Issue.State.SENDING:
                    batch.stop = "paused"
                    break
                continue
            # Recorded the moment the server has it: a worker killed from here on cannot
            # make this subscriber a second copy.
            recorded = Delivery.objects.filter(pk=delivery.pk, claim=batch.claim).update(
                state=State.SENT,
                sent_at=timezone.now(),
                attempts=F("attempts") + 1,
                claim="",
                claimed_at=None,
            )
            if not recorded:
                # Our claim was taken for a dead one's: this batch ran past every bound the
                # settings allow (a suspended process). Stop before sending more twice.
                logger.error("issue %s: batch %s lost its claim", batch.issue.pk, batch.claim)
                batch.stop = "lost"
                return
            batch.sent += 1
    finally:
        with db_connection.cursor() as cursor:
            cursor.execute("RESET synchronous_commit")
        if opened:
            connection.close()
        # Rows claimed and not tried go back for the next batch.
        Delivery.objects.filter(claim=batch.claim, state=State.SENDING).update(
            state=State.PENDING, claim="", claimed_at=None
        )


def _next_countdown(issue_id: int) -> float | None:
    """When this lane should look again; None once nothing is left (the issue is sent)."""
    now = timezone.now()
    open_rows = Delivery.objects.filter(
        issue_id=issue_id, state__in=[State.PENDING, State.RETRY, State.SENDING]
    ).aggregate(
        pending=Min("pk", filter=Q(state=State.PENDING)),
        retry_at=Min("next_attempt_at", filter=Q(state=State.RETRY)),
        claimed_at=Min("claimed_at", filter=Q(state=State.SENDING)),
    )
    if open_rows["pending"] is not None:
        return 0
    times = []
    if open_rows["retry_at"]:
        times.append(open_rows["retry_at"])
    if open_rows["claimed_at"]:
        # Another batch's rows: done when it finishes, or sent again once its claim is stale.
        times.append(open_rows["claimed_at"] + timedelta(seconds=settings.NEWSLETTER_STALE_SECONDS))
    if not times:
        Issue.objects.filter(pk=issue_id, state=Issue.State.SENDING).update(
            state=Issue.State.SENT, finished_at=now, updated_at=now
        )
        return None
    return max(0.0, (min(times) - now).total_seconds()) + 0.5


def batch_send(*, issue_id: int) -> float | None:
    """Send one batch of an issue; the countdown for this lane's next one, or None when the
    lane ends (the issue is paused, or sent)."""
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.state != Issue.State.SENDING:
        return None
    _note_alive(issue_id)
    _release_stale(issue_id)
    batch = Batch(issue=issue)
    rows = _claim(batch)
    if rows:
        _send_claimed(batch, rows)
        if batch.stop in ("paused", "lost"):
            return None
        if batch.stop == "rate":
            return batch.wait
        return 0
    return _next_countdown(issue_id)
