"""Mail goes out through a real Celery worker, once, and only after the commit."""

import pytest
from django.core import mail as outbox
from django.db import transaction

from portal.core import mail, tasks
from portal.core.models import OutgoingMail
from tests import factories


def _notice(user, key="notice:1"):
    # Any triplet will do; the plan-submitted notice needs a plan, so use a bare one.
    return mail.mail_queue(key=key, user=user, name="test_notice", context={"what": "a test"})


@pytest.fixture(autouse=True)
def _notice_templates(settings, tmp_path):
    folder = tmp_path / "templates" / "emails"
    folder.mkdir(parents=True)
    (folder / "test_notice-subject.txt").write_text("Notice about {{ what }}\\n")
    (folder / "test_notice-body.txt").write_text("Hello {{ user.full_name }}, {{ what }}.")
    (folder / "test_notice-body.html").write_text("<p>Hello, {{ what }}.</p>")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path / "templates", *settings.TEMPLATES[0]["DIRS"]]}
    ]


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
    queued = mail.mail_queue(
        key="notice:ics",
        user=user,
        name="test_notice",
        context={"what": "a file"},
        attachments=[("event.ics", calendar, "text/calendar")],
    )
    celery_worker.wait_for(
        lambda: OutgoingMail.objects.get(pk=queued.pk).state == OutgoingMail.State.SENT
    )
    (raw,) = celery_worker.sent()
    message = email.message_from_string(
        raw.rstrip().removesuffix("-" * 79), policy=email.policy.default
    )
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
