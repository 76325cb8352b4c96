"""/readyz: the database, Redis, the migrations and a worker, each named when it fails."""

import os
import signal

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

pytestmark = pytest.mark.django_db


def _ready(client):
    response = client.get("/readyz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, response.json()


def test_ready_when_every_part_answers(client, celery_worker):
    status, body = _ready(client)
    assert status == 200, body
    assert body == {
        "status": "ready",
        "checks": {"database": "ok", "redis": "ok", "migrations": "ok", "celery": "ok"},
    }


def test_a_worker_that_does_not_answer_is_named_and_readiness_comes_back(client, celery_worker):
    celery_worker.only(celery_worker, stop_others=True)
    os.kill(celery_worker.process.pid, signal.SIGSTOP)
    try:
        status, body = _ready(client)
    finally:
        os.kill(celery_worker.process.pid, signal.SIGCONT)
    assert status == 503
    assert body["failed"] == ["celery"]
    assert body["checks"]["celery"] == "no Celery worker answered within 1.5 s"
    assert _ready(client)[0] == 200


def test_redis_down_is_named_and_the_worker_not_asked(client, settings):
    settings.CACHES = {
        "default": {**settings.CACHES["default"], "LOCATION": "redis://127.0.0.1:1/0"}
    }
    status, body = _ready(client)
    assert status == 503
    assert body["failed"] == ["redis", "celery"]
    assert body["checks"]["redis"] == "failed: ConnectionError"
    assert body["checks"]["celery"] == "not asked: Redis failed"


def test_a_database_that_does_not_answer_is_named(client, monkeypatch):
    monkeypatch.setitem(connection.settings_dict, "PORT", "1")
    status, body = _ready(client)
    assert status == 503
    assert body["failed"][:2] == ["database", "migrations"]
    assert body["checks"]["database"] == "failed: OperationalError"
    assert body["checks"]["migrations"] == "not asked: the database failed"


def test_a_migration_not_applied_is_named(client):
    # The newest of an app's migrations: taking away an older one would be a broken
    # history, not a pending migration.
    (app, name), *_others = MigrationLoader(connection).graph.leaf_nodes("core")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM django_migrations WHERE app = %s AND name = %s", [app, name])
    status, body = _ready(client)
    assert status == 503
    assert "migrations" in body["failed"]
    assert body["checks"]["migrations"] == f"1 not applied: core.{name}"
