"""Redis down: pages render from the database, a sign-in still works, the cache fails open
(a Redis error is never a 500), and a mail queued meanwhile is sent once Redis is back."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.utils import timezone

from portal.accounts.models import User
from portal.core.models import OutgoingMail
from portal.core.tasks import requeue_stale_mail
from tests.faults.conftest import web_environment
from tests.faults.plans import auth, token_for

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC = [
    "/en/",
    "/en/events/",
    "/en/events/?type=conference",
    "/en/regions/",
    "/en/search/?q=chemistry",
    "/api/v1/events/",
    "/en/news/feed/rss/",
]


def _sign_in(session, server, email: str) -> None:
    # The test processes hash with MD5 for speed, a hasher the portal itself does not accept.
    hasher = PBKDF2PasswordHasher()
    User.objects.filter(email=email).update(password=hasher.encode("portal-demo", hasher.salt()))
    form = session.get(server.url("/en/login/"), timeout=30)
    assert form.status_code == 200, form.text[:300]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    answer = session.post(
        server.url("/en/login/"),
        data={"csrfmiddlewaretoken": token, "username": email, "password": "portal-demo"},
        headers={"Referer": server.url("/en/login/")},
        timeout=30,
        allow_redirects=False,
    )
    assert answer.status_code == 302, answer.text[:300]


def test_with_redis_down_the_portal_serves_from_the_database_and_mail_waits_for_it(
    demo, dedicated_redis, web, celery_worker
):
    coordinator = token_for("coordinator@example.org")
    with web(web_environment(REDIS_URL=dedicated_redis.url), workers=1) as server:
        session = server.session
        for path in PUBLIC:  # cached while Redis is up
            assert session.get(server.url(path), timeout=30).status_code == 200, path

        dedicated_redis.stop()

        for path in PUBLIC:
            response = session.get(server.url(path), timeout=30)
            assert response.status_code == 200, (path, response.text[:300])
        _sign_in(session, server, "partner.wallonia@example.org")
        assert session.get(server.url("/en/workspace/"), timeout=30).status_code == 200

        # A workflow step queues a notice through the outbox; its dispatch meets the broker
        # down after the step is committed.
        plans = session.get(
            server.url("/api/v1/workspace/plans/"), headers=auth(coordinator), timeout=30
        ).json()
        submitted = next(plan for plan in plans if plan["state"] == "submitted")
        step = session.post(
            server.url(f"/api/v1/workspace/plans/{submitted['id']}/request-changes/"),
            json={"comment": "Name the budget of each action."},
            headers=auth(coordinator),
            timeout=30,
        )
        assert step.status_code == 200, step.text[:500]
        assert step.json()["state"] == "changes_requested"
        # The dispatch gives up within the broker's short retries; the coordinator does not
        # wait on Redis.
        assert step.elapsed < timedelta(seconds=5), step.elapsed
        notices = OutgoingMail.objects.filter(key__startswith="plan-step:")
        assert notices.exists()
        assert set(notices.values_list("state", flat=True)) == {OutgoingMail.State.QUEUED}

        dedicated_redis.start()
        assert session.get(server.url("/en/"), timeout=30).status_code == 200

    # The beat's requeue finds the mail whose dispatch was lost once LOST_AFTER has passed
    # (aged here rather than waited for), and a worker sends it.
    notices.update(next_attempt_at=timezone.now() - timedelta(minutes=6))
    assert requeue_stale_mail() == notices.count()
    celery_worker.wait_for(
        lambda: set(notices.values_list("state", flat=True)) == {OutgoingMail.State.SENT}
    )
    assert len(celery_worker.sent()) == notices.count()
