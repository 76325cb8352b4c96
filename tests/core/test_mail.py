"""Mail goes out through a real Celery worker, once, and only after the commit."""

from datetime import timedelta

import pytest
from django.core import mail as outbox
from django.db import transaction
from django.utils import timezone

from portal.core import mail, tasks
from portal.core.models import OutgoingMail
from tests import factories


def _notice(user, key="notice:1"):
    # Any triplet will do; the plan-submitted notice needs a plan, so use a bare one
    # (tests/templates/emails/).
    return mail.mail_queue(key=key, user=user, name="test_notice", context={"what": "a test"})


def test_a_queued_mail_is_sent_by_the_worker_after_the_commit(celery_worker):
    user = factories.UserFactory(full_name="Ada Example")
    with transaction.atomic():
        queued = _notice(user)
        assert queued.state == OutgoingMail.State.QUEUED
    celery_worker.wait_for(
        lambda: OutgoingMail.objects.get(pk=queued.pk).state == OutgoingMail.State.SENT
    )
    (message,) = celery_worker.sent()
    assert "Subject: Notice about a test" in message
    assert f"To: {user.email}" in message
    assert "Hello Ada Example, a test." in message


def test_a_rolled_back_change_sends_nothing(celery_worker):
    user = factories.UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        _notice(user)
        raise RuntimeError("the change failed")
    assert not OutgoingMail.objects.exists()
    assert celery_worker.sent() == []


def test_running_the_task_twice_sends_once(celery_worker):
    queued = _notice(factories.UserFactory())
    celery_worker.wait_for(lambda: len(celery_worker.sent()) == 1)
    tasks.send_mail_task.delay(queued.pk).get(timeout=20)
    assert len(celery_worker.sent()) == 1


@pytest.mark.django_db
def test_the_same_notice_is_queued_only_once():
    user = factories.UserFactory()
    assert _notice(user, key="plan-step:7:1") is not None
    assert _notice(user, key="plan-step:7:1") is None
    assert OutgoingMail.objects.count() == 1


@pytest.mark.django_db
def test_a_failed_send_is_released_for_a_retry_with_the_reason(settings):
    settings.EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    queued = _notice(factories.UserFactory())
    with pytest.raises(ConnectionRefusedError):
        mail.mail_send(queued.pk)
    queued.refresh_from_db()
    assert queued.state == OutgoingMail.State.QUEUED
    assert queued.attempts == 1
    assert queued.last_error == "ConnectionRefusedError: mail server down"
    assert outbox.outbox == []
    # Due again after the first back-off, and the task is told how long that is.
    assert 25 < mail.mail_retry_countdown(queued.pk) <= 30


@pytest.mark.django_db
def test_a_mail_waiting_out_a_retry_is_not_dispatched_a_second_time():
    # The flaw this fixes: the beat re-dispatched every mail queued for five minutes, also
    # one waiting out the eight minutes after its fourth failure, so a second retry chain
    # started beside the first and the limit on attempts no longer held.
    queued = _notice(factories.UserFactory())
    now = timezone.now()
    OutgoingMail.objects.filter(pk=queued.pk).update(
        created_at=now - timedelta(minutes=30),
        attempts=4,
        next_attempt_at=now + timedelta(minutes=8),
    )
    assert mail.mail_requeue_stale() == []


@pytest.mark.django_db
def test_a_mail_whose_dispatch_was_lost_is_dispatched_once_again():
    queued = _notice(factories.UserFactory())
    OutgoingMail.objects.filter(pk=queued.pk).update(
        next_attempt_at=timezone.now() - timedelta(minutes=6)
    )
    assert mail.mail_requeue_stale() == [queued.pk]
    # The new dispatch gets its chance before the beat tries again.
    assert mail.mail_requeue_stale() == []


@pytest.mark.django_db
def test_the_claim_of_a_dead_worker_is_released_and_dispatched():
    queued = _notice(factories.UserFactory())
    OutgoingMail.objects.filter(pk=queued.pk).update(
        state=OutgoingMail.State.SENDING,
        attempts=1,
        claimed_at=timezone.now() - timedelta(minutes=20),
    )
    assert mail.mail_requeue_stale() == [queued.pk]
    assert OutgoingMail.objects.get(pk=queued.pk).state == OutgoingMail.State.QUEUED


@pytest.mark.django_db
def test_the_limit_on_attempts_is_counted_by_the_row(settings):
    settings.EMAIL_BACKEND = "tests.core.test_mail.BrokenBackend"
    queued = _notice(factories.UserFactory())
    OutgoingMail.objects.filter(pk=queued.pk).update(attempts=mail.MAX_ATTEMPTS - 1)
    with pytest.raises(ConnectionRefusedError):
        mail.mail_send(queued.pk)
    queued.refresh_from_db()
    assert queued.state == OutgoingMail.State.FAILED
    assert queued.attempts == mail.MAX_ATTEMPTS
    assert mail.mail_retry_countdown(queued.pk) is None


def test_a_task_for_a_mail_not_yet_due_sends_nothing_and_starts_no_chain(celery_worker):
    user = factories.UserFactory()
    waiting = OutgoingMail.objects.create(
        key="waiting",
        to=user.email,
        subject="Waiting",
        body_text="Waiting out a retry.",
        attempts=2,
        next_attempt_at=timezone.now() + timedelta(minutes=2),
    )
    assert tasks.send_mail_task.delay(waiting.pk).get(timeout=20) is False
    waiting.refresh_from_db()
    assert (waiting.state, waiting.attempts) == (OutgoingMail.State.QUEUED, 2)
    assert celery_worker.sent() == []
    # Once due, the same task sends it.
    OutgoingMail.objects.filter(pk=waiting.pk).update(next_attempt_at=timezone.now())
    assert tasks.send_mail_task.delay(waiting.pk).get(timeout=20) is True
    assert len(celery_worker.sent()) == 1


def test_headers_queued_with_a_mail_go_out_with_it(celery_worker):
    queued = mail.mail_queue_to(
        key="with-headers",
        to="reader@example.org",
        language="de",
        name="test_notice",
        context={"what": "Kopfzeilen", "user": None},
        headers={"List-Unsubscribe": "<https://example.org/u/1>"},
    )
    celery_worker.wait_for(
        lambda: OutgoingMail.objects.get(pk=queued.pk).state == OutgoingMail.State.SENT
    )
    (message,) = celery_worker.sent()
    assert "List-Unsubscribe: <https://example.org/u/1>" in message
    assert "To: reader@example.org" in message


class BrokenBackend:
    def __init__(self, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("mail server down")


def test_an_attachment_travels_with_the_mail(celery_worker):
    import email
    import email.policy

    user = factories.UserFactory()
    calendar = b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n"
    queued = mail.mail_queue_to(
        key="notice:ics",
        to=user.email,
        language="en",
        name="test_notice",
        context={"user": user, "what": "a file"},
        attachments=[("event.ics", calendar, "text/calendar")],
    )
    celery_worker.wait_for(
        lambda: OutgoingMail.objects.get(pk=queued.pk).state == OutgoingMail.State.SENT
    )
    (raw,) = celery_worker.sent()
    message = email.message_from_string(raw, policy=email.policy.default)
    (attachment,) = message.iter_attachments()
    assert attachment.get_filename() == "event.ics"
    assert attachment.get_content_type() == "text/calendar"
    # A text attachment's line ends are the transport's to choose.
    assert attachment.get_payload(decode=True).splitlines() == calendar.splitlines()


@pytest.mark.django_db
def test_forgetting_a_persons_mails_deletes_their_stored_copies():
    user = factories.UserFactory()
    _notice(user, key="registration:7:confirm")
    _notice(user, key="registration:7:confirmed")
    _notice(user, key="registration:70:confirm")
    assert mail.mail_forget("registration:7:") == 2
    assert list(OutgoingMail.objects.values_list("key", flat=True)) == ["registration:70:confirm"]
