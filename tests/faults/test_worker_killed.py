"""A Celery worker killed while it sends a workflow notice through the outbox: the mail is
not stuck in "sending" for ever, and it is not lost.

(The newsletter's batches have their own test of a killed worker, in
tests/news/test_sending.py.)
"""

import socket
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from actionplans import workflow
from actionplans.models import ActionPlan
from portal.accounts.models import User
from portal.core.models import OutgoingMail
from portal.core.tasks import requeue_stale_mail
from tests.conftest import _Worker

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def silent_smtp():
    """A mail server that takes the connection and never answers: a send hangs in it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    yield server.getsockname()[1]
    server.close()


def test_a_worker_killed_while_sending_a_notice_leaves_it_to_the_requeue(
    demo, celery_worker, silent_smtp, tmp_path
):
    database = connection.settings_dict["NAME"]
    hanging = _Worker(
        database,
        tmp_path / "lost",
        EMAIL_URL=f"smtp://127.0.0.1:{silent_smtp}",
        EMAIL_TIMEOUT="60",
    )
    _Worker.only(hanging)
    workflow.plan_transition(
        user=User.objects.get(email="coordinator@example.org"),
        plan=ActionPlan.objects.filter(state="submitted").first(),
        step="request_changes",
        comment="Name the budget of each action.",
    )
    notices = OutgoingMail.objects.filter(key__startswith="plan-step:")
    # The worker has claimed a notice and waits on the mail server: killed there.
    hanging.wait_for(lambda: notices.filter(state=OutgoingMail.State.SENDING).exists())
    hanging.kill()
    claimed = notices.get(state=OutgoingMail.State.SENDING)
    assert claimed.attempts == 1

    # Another worker; the beat's requeue releases the dead worker's claim once it is
    # STALE_CLAIM old, and any notice whose task went with the dead worker once it is
    # LOST_AFTER overdue (both aged here rather than waited for).
    _Worker.only(celery_worker)
    long_ago = timezone.now() - timedelta(minutes=16)
    notices.update(claimed_at=long_ago, next_attempt_at=long_ago)
    assert requeue_stale_mail() == notices.count()
    celery_worker.wait_for(
        lambda: set(notices.values_list("state", flat=True)) == {OutgoingMail.State.SENT}
    )
    # Nothing lost, nothing twice: one message a notice, the killed one's included.
    sent = celery_worker.sent()
    assert len(sent) == notices.count()
    assert sum(f"To: {claimed.to}" in message for message in sent) == 1
    claimed.refresh_from_db()
    assert claimed.attempts == 2
