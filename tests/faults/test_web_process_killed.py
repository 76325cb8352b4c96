"""A web process killed in the middle of a save: the previous version stands, whole."""

import threading
import time

import pytest
import requests
from django.db import connection, transaction

from actionplans.models import ActionPlan
from tests.faults.conftest import web_environment
from tests.faults.plans import auth, draft_plan, partner_token

pytestmark = pytest.mark.django_db(transaction=True)


def _waiting_insert() -> bool:
    """Whether a backend waits on a lock to insert a plan version."""
    with connection.cursor() as cursor:
        # Asked inside the lock's transaction, which would otherwise see one snapshot of
        # the activity for as long as it lasts.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
            "AND query LIKE 'INSERT INTO \"actionplans_planversion\"%%'"
        )
        return cursor.fetchone()[0] > 0


def test_a_web_process_killed_mid_save_leaves_the_previous_version_standing(demo, web):
    token = partner_token()
    with web(web_environment(), workers=1) as server:
        plan = draft_plan(server.session, server, token)
        before = ActionPlan.objects.get(pk=plan["id"])
        versions_before = list(before.versions.values_list("pk", flat=True))
        answers = []

        def save():
            try:
                answers.append(
                    requests.patch(
                        server.url(f"/api/v1/workspace/plans/{plan['id']}/"),
                        json={"version": plan["version"], "title": "Half-way"},
                        headers=auth(token),
                        timeout=60,
                    )
                )
            except requests.RequestException as error:
                answers.append(error)

        (worker,) = server.workers()
        with transaction.atomic():
            # The save has changed the plan's row and waits to add its version: half-way
            # through its transaction when its process dies.
            with connection.cursor() as cursor:
                cursor.execute("LOCK TABLE actionplans_planversion IN SHARE MODE")
            saving = threading.Thread(target=save)
            saving.start()
            deadline = time.monotonic() + 30
            while not _waiting_insert():
                assert time.monotonic() < deadline, "the save never reached its version row"
                time.sleep(0.05)
            server.kill_worker(worker.pid)
            saving.join(timeout=30)
        assert isinstance(answers[0], requests.ConnectionError)

        after = ActionPlan.objects.get(pk=plan["id"])
        assert (after.version, after.title) == (before.version, before.title)
        assert list(after.versions.values_list("pk", flat=True)) == versions_before

        # gunicorn starts a new process; the same save, sent again, goes through whole.
        retried = server.session.patch(
            server.url(f"/api/v1/workspace/plans/{plan['id']}/"),
            json={"version": plan["version"], "title": "Saved again"},
            headers=auth(token),
            timeout=60,
        )
        assert retried.status_code == 200, retried.text[:300]
        assert retried.json()["version"] == before.version + 1
        assert after.versions.count() == len(versions_before) + 1
