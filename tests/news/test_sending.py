"""Sending a campaign through real workers to a real SMTP server (aiosmtpd)."""

import collections
import re
import time
from datetime import timedelta

from django.test import Client
from django.utils import timezone

from news.models import Delivery, DeliveryFailure, Issue, Subscriber
from news.services import sending
from tests import factories
from tests.news.conftest import wait_for


def _sent(issue, timeout=30):
    wait_for(
        lambda: Issue.objects.get(pk=issue.pk).state == Issue.State.SENT,
        timeout,
        "the campaign to finish",
    )


def _by_recipient(sink) -> dict:
    return {message["To"]: message for message in sink.handler.parsed()}


def _part(message, kind: str) -> str:
    for part in message.walk():
        if part.get_content_type() == kind:
            return part.get_payload(decode=True).decode()
    raise AssertionError(f"no {kind} part")


def test_a_campaign_reaches_every_subscriber_once_in_their_language(mail_workers, smtp_sink):
    readers = {
        language: factories.SubscriberFactory.create_batch(12, language=language)
        for language in ("nl", "en", "de")
    }
    article = factories.ArticleFactory(title_en="Chemistry regions meet", title_nl="")
    event = factories.EventFactory(title_en="Closing conference", title_de="Abschlusskonferenz")
    issue = factories.IssueFactory(
        title_en="News from the network",
        title_nl="Nieuws uit het netwerk",
        title_de="",
        items=[event, article],
    )
    factories.SubscriberFactory(state=Subscriber.State.PENDING, email="pending@example.org")
    factories.SubscriberFactory(state=Subscriber.State.UNSUBSCRIBED, email="gone@example.org")

    assert sending.issue_start(issue=issue) == 36
    _sent(issue)

    ids = collections.Counter(smtp_sink.handler.message_ids)
    deliveries = Delivery.objects.filter(issue=issue)
    assert set(ids) == set(deliveries.values_list("message_id", flat=True))
    assert max(ids.values()) == 1
    assert set(deliveries.values_list("state", "attempts")) == {(Delivery.State.SENT, 1)}
    mails = _by_recipient(smtp_sink)
    assert "pending@example.org" not in mails and "gone@example.org" not in mails
    # Each in the reader's language; a missing translation falls back to English.
    assert mails[readers["nl"][0].email]["Subject"] == "Nieuws uit het netwerk"
    assert mails[readers["en"][0].email]["Subject"] == "News from the network"
    assert mails[readers["de"][0].email]["Subject"] == "News from the network"
    german = _part(mails[readers["de"][0].email], "text/plain")
    assert german.index("Abschlusskonferenz") < german.index("Chemistry regions meet")
    assert "http://localhost:8000/de/events/" in german
    dutch = _part(mails[readers["nl"][0].email], "text/html")
    assert 'lang="nl"' in dutch and "Chemistry regions meet" in dutch
    assert "http://localhost:8000/static/img/newsletter-header" in dutch
    # Personal links and the one-click headers of RFC 8058.
    mail = mails[readers["en"][1].email]
    # Long header lines are folded; a mail program unfolds them.
    unsubscribe = re.fullmatch(r"<(.+)>", "".join(mail["List-Unsubscribe"].split())).group(1)
    assert unsubscribe.startswith("http://localhost:8000/en/newsletter/unsubscribe/")
    assert mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert unsubscribe in _part(mail, "text/plain")
    assert f"/en/newsletter/archive/{issue.pk}/" in _part(mail, "text/plain")


def test_a_killed_worker_misses_nobody_and_repeats_only_the_mail_in_flight(mail_workers, smtp_sink):
    factories.SubscriberFactory.create_batch(80)
    issue = factories.IssueFactory()
    # After 30 mails the server keeps each mail it is sent but does not answer: each
    # worker is then in the middle of handing one over.
    smtp_sink.handler.hold_after = 30
    sending.issue_start(issue=issue)
    wait_for(lambda: len(smtp_sink.handler.holding) == 2, what="both workers to be mid-send")
    mail_workers[0].kill()
    in_flight = set(
        Delivery.objects.filter(issue=issue, state=Delivery.State.SENDING).values_list(
            "message_id", flat=True
        )
    )
    smtp_sink.handler.released.set()
    # The other worker finishes, the killed one's mails included once its claim is stale.
    _sent(issue, timeout=60)

    received = collections.Counter(smtp_sink.handler.message_ids)
    expected = set(Delivery.objects.filter(issue=issue).values_list("message_id", flat=True))
    assert set(received) == expected, "a subscriber was missed"
    twice = {message_id for message_id, count in received.items() if count > 1}
    # The killed worker's mail in flight came twice, with its Message-ID; nothing else did.
    assert len(twice) == 1
    assert twice <= in_flight
    assert Delivery.objects.filter(issue=issue).exclude(state=Delivery.State.SENT).count() == 0


def test_pause_and_resume(mail_workers, smtp_sink):
    factories.SubscriberFactory.create_batch(60)
    issue = factories.IssueFactory()
    smtp_sink.handler.hold_after = 12
    sending.issue_start(issue=issue)
    wait_for(lambda: smtp_sink.handler.holding, what="a mail in flight")
    assert sending.issue_pause(issue=issue, reason="Checking a link.")
    smtp_sink.handler.released.set()
    # The batches see the pause and hand their rows back; nothing more goes out.
    wait_for(
        lambda: not Delivery.objects.filter(issue=issue, state=Delivery.State.SENDING).exists(),
        what="the batches to stop",
    )
    stopped_at = smtp_sink.handler.count()
    time.sleep(2)
    assert smtp_sink.handler.count() == stopped_at < 60
    issue.refresh_from_db()
    assert (issue.state, issue.paused_reason) == (Issue.State.PAUSED, "Checking a link.")

    assert sending.issue_resume(issue=issue)
    _sent(issue)
    received = collections.Counter(smtp_sink.handler.message_ids)
    assert len(received) == 60 and max(received.values()) == 1


def test_failures_are_retried_with_a_backoff_and_recorded(mail_workers, smtp_sink):
    later = factories.SubscriberFactory(email="busy@example.org")
    never = factories.SubscriberFactory(email="nobody@example.org")
    factories.SubscriberFactory.create_batch(5)
    smtp_sink.handler.refuse = {
        later.email: ["451 4.3.0 Mailbox busy, try again later"] * 2,
        never.email: ["550 5.1.1 No such user"],
    }
    issue = factories.IssueFactory()
    sending.issue_start(issue=issue)
    _sent(issue)

    busy = Delivery.objects.get(issue=issue, subscriber=later)
    assert (busy.state, busy.attempts) == (Delivery.State.SENT, 3)
    failures = list(DeliveryFailure.objects.filter(delivery=busy).order_by("at"))
    assert [f.permanent for f in failures] == [False, False]
    assert "Mailbox busy" in failures[0].error
    # One second after the first failure, then two after the second (less the moment
    # between setting the time of the retry and recording the failure).
    assert (failures[1].at - failures[0].at).total_seconds() >= 0.9
    assert (busy.sent_at - failures[1].at).total_seconds() >= 1.9
    refused = Delivery.objects.get(issue=issue, subscriber=never)
    assert (refused.state, refused.attempts) == (Delivery.State.FAILED, 1)
    assert "No such user" in refused.last_error
    assert DeliveryFailure.objects.get(delivery=refused).permanent
    assert "nobody@example.org" not in _by_recipient(smtp_sink)
    assert len(_by_recipient(smtp_sink)) == 6


def test_too_many_failures_in_a_row_pause_the_campaign_by_itself(mail_workers, smtp_sink):
    readers = factories.SubscriberFactory.create_batch(30)
    smtp_sink.handler.refuse = {r.email: ["421 4.7.0 Too busy, closing"] * 9 for r in readers}
    issue = factories.IssueFactory()
    sending.issue_start(issue=issue)
    wait_for(
        lambda: Issue.objects.get(pk=issue.pk).state == Issue.State.PAUSED,
        what="the campaign to pause itself",
    )
    issue.refresh_from_db()
    assert "5 failed mails in a row" in issue.paused_reason
    assert "Too busy" in issue.paused_reason
    assert Delivery.objects.filter(issue=issue, state=Delivery.State.SENT).count() == 0
    # Most mails were not even tried: the campaign stopped instead of burning through them.
    assert Delivery.objects.filter(issue=issue, attempts=0).count() > 15


def test_one_click_unsubscribe_from_a_mail_without_cookies(mail_workers, smtp_sink):
    reader = factories.SubscriberFactory()
    other = factories.SubscriberFactory()
    issue = factories.IssueFactory()
    sending.issue_start(issue=issue)
    _sent(issue)
    header = "".join(_by_recipient(smtp_sink)[reader.email]["List-Unsubscribe"].split())
    url = header.strip("<>").removeprefix("http://localhost:8000")

    # What a mail program does (RFC 8058): a POST with this body, no cookie, no CSRF token.
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    reader.refresh_from_db()
    other.refresh_from_db()
    assert reader.state == Subscriber.State.UNSUBSCRIBED
    assert other.state == Subscriber.State.CONFIRMED

    smtp_sink.handler.reset()
    second = factories.IssueFactory()
    sending.issue_start(issue=second)
    _sent(second)
    assert set(_by_recipient(smtp_sink)) == {other.email}


def test_double_opt_in_from_the_form_to_the_first_issue(mail_workers, smtp_sink, client):
    response = client.post(
        "/de/newsletter/",
        {"email": "Neu@Example.org", "language": "de", "consent": "on"},
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(email="neu@example.org")
    assert subscriber.state == Subscriber.State.PENDING
    wait_for(lambda: smtp_sink.handler.count() == 1, what="the confirmation mail")
    (confirmation,) = smtp_sink.handler.parsed()
    assert confirmation["Subject"] == "Bestätigen Sie Ihr Abonnement des Newsletters"
    link = re.search(
        r"http://localhost:8000(/de/newsletter/confirm/\S+/)", _part(confirmation, "text/plain")
    )

    # Nothing but the confirmation until the link is used.
    first = factories.IssueFactory()
    sending.issue_start(issue=first)
    _sent(first)
    assert smtp_sink.handler.count() == 1

    # Opening the link (as a mail scanner would) only asks; the button confirms.
    assert client.get(link.group(1)).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.PENDING
    assert client.post(link.group(1)).status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED

    second = factories.IssueFactory(title_de="Zweite Ausgabe")
    sending.issue_start(issue=second)
    _sent(second)
    assert _by_recipient(smtp_sink)["neu@example.org"]["Subject"] == "Zweite Ausgabe"


def test_a_scheduled_issue_starts_when_its_time_has_come(mail_workers, smtp_sink):
    factories.SubscriberFactory.create_batch(3)
    due = factories.IssueFactory(
        state=Issue.State.SCHEDULED, scheduled_for=timezone.now() - timedelta(seconds=1)
    )
    later = factories.IssueFactory(
        state=Issue.State.SCHEDULED, scheduled_for=timezone.now() + timedelta(hours=1)
    )
    assert sending.issues_start_due() == [due.pk]
    _sent(due)
    later.refresh_from_db()
    assert later.state == Issue.State.SCHEDULED
    assert smtp_sink.handler.count() == 3
