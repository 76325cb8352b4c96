"""Every log line of a request carries its id, returned in X-Request-ID, and so do the lines
of the tasks it dispatches; Sentry is on only when SENTRY_DSN says where."""

import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_guid import set_guid

from portal.accounts.tasks import password_reset_task

ROOT = Path(__file__).resolve().parents[2]


def _environment(**extra) -> dict:
    inherited = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE", "SENTRY_DSN", "LOG_FORMAT", "DEBUG")
    }
    return {**inherited, "ALLOWED_HOSTS": "testserver", **extra}


def _manage(*args: str, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_environment(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_each_answer_names_its_request(client):
    first, second = client.get("/en/"), client.get("/en/")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]
    given = uuid.uuid4().hex
    assert client.get("/en/", HTTP_X_REQUEST_ID=given)["X-Request-ID"] == given
    forged = client.get("/en/", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert forged != "<script>" and len(forged) == 32


@pytest.mark.parametrize("log_format", ["json", "text"])
def test_a_line_logged_during_a_request_carries_its_id(log_format):
    code = (
        "from django.test import Client\n"
        "print(Client().get('/en/no-such-page/', secure=True)['X-Request-ID'])"
    )
    result = _manage("shell", "-c", code, LOG_FORMAT=log_format)
    assert result.returncode == 0, result.stderr
    request_id = result.stdout.strip().splitlines()[-1]
    (line,) = [line for line in result.stderr.splitlines() if "Not Found" in line]
    if log_format == "json":
        record = json.loads(line)
        assert record["request_id"] == request_id
        assert record["level"] == "WARNING" and record["logger"] == "django.request"
        assert record["message"] == "Not Found: /en/no-such-page/"
    else:
        assert f"WARNING [{request_id}] django.request: Not Found: /en/no-such-page/" in line


def test_a_malformed_log_format_stops_start_up_naming_it():
    result = _manage("check", LOG_FORMAT="xml")
    assert result.returncode != 0
    assert "LOG_FORMAT must be json or text, not 'xml'" in result.stderr


@pytest.mark.django_db(transaction=True)
def test_a_task_logs_with_the_id_of_the_request_that_dispatched_it(tmp_path):
    log = tmp_path / "worker.log"
    environment = _environment(
        REDIS_URL=settings.CELERY_BROKER_URL,
        DATABASE_POOL="false",
        LOG_FORMAT="json",
        PORTAL_DATABASE_NAME=connection.settings_dict["NAME"],
    )
    if os.environ.get("DATABASE_URL"):
        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        environment["DATABASE_URL"] = f"{base}/{connection.settings_dict['NAME']}"
    # A queue of its own, so that no other worker of the tests takes the task.
    queue = f"logging-{uuid.uuid4().hex[:8]}"
    with open(log, "w") as output:
        worker = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "portal",
                "worker",
                "--pool=solo",
                "-lINFO",
                "-Q",
                queue,
            ],
            cwd=ROOT,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    try:
        request_id = uuid.uuid4().hex
        set_guid(request_id)  # what the middleware does for a request
        try:
            password_reset_task.apply_async(["nobody@example.org"], queue=queue)
        finally:
            set_guid(None)
        deadline = time.monotonic() + 60
        lines = []
        while time.monotonic() < deadline:
            lines = [
                json.loads(line)
                for line in log.read_text().splitlines()
                if line.startswith("{") and "Password reset asked" in line
            ]
            if lines:
                break
            time.sleep(0.2)
    finally:
        worker.terminate()
        worker.wait(timeout=20)
    assert lines, log.read_text()[-2000:]
    assert lines[0]["request_id"] == request_id
    assert lines[0]["logger"] == "portal.accounts.services"


SENTRY_STATE = (
    "import sentry_sdk; client = sentry_sdk.get_client(); print(client.is_active(), client.dsn)"
)


def test_sentry_is_off_without_a_dsn():
    result = _manage("shell", "-c", SENTRY_STATE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "False None"


def test_sentry_reports_to_the_dsn_given():
    dsn = "https://public@errors.example.org/4"
    result = _manage("shell", "-c", SENTRY_STATE, SENTRY_DSN=dsn)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"True {dsn}"


def test_a_malformed_sentry_dsn_stops_start_up_naming_it():
    result = _manage("check", SENTRY_DSN="not a dsn")
    assert result.returncode != 0
    assert "SENTRY_DSN is not a Sentry DSN" in result.stderr
