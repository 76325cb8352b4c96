"""The database restarted while requests run: a brief 503, then the portal recovers by itself,
and every save is either wholly there (it was answered 200) or not at all."""

import threading
import time

import pytest
from django.db import connection

from tests.databases import database_url
from tests.faults.conftest import web_environment
from tests.faults.plans import auth, draft_plan, partner_token

pytestmark = pytest.mark.django_db(transaction=True)

DOWN_SECONDS = 2


def _restart(server, done: threading.Event):
    server.stop()
    time.sleep(DOWN_SECONDS)
    server.start()
    done.set()


def test_a_restarted_database_is_a_brief_503_then_the_portal_recovers(
    demo, dedicated_postgres, web
):
    token = partner_token()
    database = dedicated_postgres.copy_of(connection.settings_dict)
    env = web_environment(DATABASE_URL=database_url(database))
    with web(env, workers=2) as server:
        session = server.session
        plan = draft_plan(session, server, token)
        first = version = plan["version"]
        saved = set()
        answers = []  # (when, what, response)

        def ask(n: int, phase: str):
            # Each address is new, so no page comes from the cache: every one needs the
            # database.
            for what, response in (
                ("page", session.get(server.url(f"/en/events/?n={n}"), timeout=30)),
                ("api", session.get(server.url(f"/api/v1/regions/?n={n}"), timeout=30)),
                (
                    "save",
                    session.patch(
                        server.url(f"/api/v1/workspace/plans/{plan['id']}/"),
                        json={"version": version, "title": f"Saved {n}"},
                        headers=auth(token),
                        timeout=30,
                    ),
                ),
            ):
                answers.append((phase, what, response))
                yield what, response

        for n in range(3):
            for what, response in ask(n, "before"):
                assert response.status_code == 200, (what, response.text[:500])
                if what == "save":
                    version = response.json()["version"]
                    saved.add(version)

        back = threading.Event()
        restart = threading.Thread(target=_restart, args=(dedicated_postgres, back))
        restart.start()
        n, back_at, deadline = 100, None, time.monotonic() + 60
        # Ask on until the portal has answered everything right for a few rounds since the
        # database came back.
        healthy_rounds = 0
        while healthy_rounds < 3:
            assert time.monotonic() < deadline, "the portal did not recover within a minute"
            n += 1
            phase = "after" if back.is_set() else "during"
            if back.is_set() and back_at is None:
                back_at = time.monotonic()
            round_ok = True
            for what, response in ask(n, phase):
                round_ok &= response.status_code == 200
                if what == "save" and response.status_code == 200:
                    version = response.json()["version"]
                    saved.add(version)
            healthy_rounds = healthy_rounds + 1 if round_ok and phase == "after" else 0
            if not back.is_set():
                time.sleep(0.1)
        restart.join()
        recovered_in = time.monotonic() - back_at

    statuses = {response.status_code for _phase, _what, response in answers}
    unavailable = [(what, r) for _phase, what, r in answers if r.status_code == 503]
    assert statuses <= {200, 503}, [
        (what, r.status_code, r.text[:300]) for _p, what, r in answers if r.status_code != 200
    ]
    assert unavailable, "no request met the database down"
    for what, response in unavailable:
        assert response.headers["Retry-After"] == "10"
        if what == "page":
            assert "briefly unavailable" in response.text
        else:
            assert response.json()["detail"].startswith("The service is briefly unavailable")
    # By itself: no restart of the web server, within a few seconds of the database.
    assert recovered_in < 15

    # Every save answered 200 is a version, and there is no other: a save cut off by the
    # restart left nothing behind.
    rows = dedicated_postgres.psql(
        f"SELECT number FROM actionplans_planversion WHERE plan_id = {plan['id']} "
        "AND kind <> 'conflict' ORDER BY number",
        database=database["NAME"],
    )
    assert {int(number) for number in rows.split() if int(number) > first} == saved
    current = dedicated_postgres.psql(
        f"SELECT version FROM actionplans_actionplan WHERE id = {plan['id']}",
        database=database["NAME"],
    )
    assert saved and int(current) == version == max(saved)
