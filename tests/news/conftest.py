"""The newsletter's tests: a real SMTP server (aiosmtpd) and two real workers sending to it."""

import asyncio
import email
import email.policy
import threading
import time

import pytest
from django.db import connection

from portal.core.mailsink import Mailbox, Sink
from tests.conftest import _Worker

# Short enough that a test sees a dead batch's mails sent again within seconds; the
# settings' own check holds (stale > batch + timeout).
FAST = {
    "NEWSLETTER_BATCH_SIZE": "10",
    "NEWSLETTER_BATCH_SECONDS": "2",
    # Long enough that a worker waiting on a held mail does not give up while the other
    # worker reaches its own, on a busy machine.
    "EMAIL_TIMEOUT": "10",
    "NEWSLETTER_STALE_SECONDS": "13",
    "NEWSLETTER_RETRY_SECONDS": "1",
    "NEWSLETTER_RATE": "1000/second",
    "NEWSLETTER_LANES": "2",
    "NEWSLETTER_PAUSE_AFTER_FAILURES": "5",
}


class TestMailbox(Mailbox):
    """The sink's mailbox with the controls a test needs: refusing some recipients, and
    holding mails unanswered (a mail in flight) until released."""

    __test__ = False

    def __init__(self):
        super().__init__()
        self.reset()

    def reset(self):
        with self.lock:
            self.messages, self.message_ids = [], []
        # address -> the answers to its next tries ("451 ..."); accepted once used up
        self.refuse: dict[str, list[str]] = {}
        self.hold_after: int | None = None
        self.holding: set = set()  # the connections whose mail is held
        self.released = threading.Event()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse.get(address):
            return self.refuse[address].pop(0)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.hold_after is not None and self.count() >= self.hold_after:
            # Kept, then left unanswered: the sender cannot know it arrived.
            await super().handle_DATA(server, session, envelope)
            self.holding.add(session.peer)
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            return "250 Message accepted"
        return await super().handle_DATA(server, session, envelope)

    def parsed(self) -> list[email.message.Message]:
        with self.lock:
            # The default policy decodes encoded headers (a German subject) and unfolds long ones.
            return [
                email.message_from_bytes(raw, policy=email.policy.default)
                for _id, _to, raw in self.messages
            ]


@pytest.fixture(scope="session")
def _sink():
    sink = Sink(handler=TestMailbox()).start()
    yield sink
    sink.handler.released.set()
    sink.stop()


@pytest.fixture
def smtp_sink(_sink):
    _sink.handler.reset()
    yield _sink
    _sink.handler.released.set()


@pytest.fixture(scope="session")
def _mail_worker_pair(django_db_setup, django_db_blocker, _sink, tmp_path_factory):
    env = {**FAST, "EMAIL_URL": _sink.url}
    name = connection.settings_dict["NAME"]
    workers = [_Worker(name, tmp_path_factory.mktemp("unused"), **env) for _ in range(2)]
    yield workers
    for worker in workers:
        if worker.process.poll() is None:
            worker.stop()


@pytest.fixture
def mail_workers(transactional_db, smtp_sink, _mail_worker_pair, settings):
    """Two real worker processes that send to `smtp_sink`, and no other worker.

    The test process's settings match the workers' where it dispatches tasks itself.
    """
    from portal.celery import app

    for name, value in FAST.items():
        setattr(settings, name, value if name == "NEWSLETTER_RATE" else int(value))
    _Worker.only(*_mail_worker_pair)
    app.control.purge()
    return _mail_worker_pair


def wait_for(condition, timeout: float = 30, what: str = "the workers to finish"):
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.1)
