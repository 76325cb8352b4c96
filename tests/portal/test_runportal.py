"""`./dev run`: on another port every absolute link follows it unless SITE_URL says else,
and a kill stops everything it started."""

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import psutil
import pytest
from django.db import connection

from portal import embedded
from portal.management.commands.runportal import child_environment, site_url
from tests import databases

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("host", "address"),
    [
        ("127.0.0.1", "http://127.0.0.1:8765"),
        ("0.0.0.0", "http://localhost:8765"),
        ("::1", "http://[::1]:8765"),
        ("portal.local", "http://portal.local:8765"),
    ],
)
def test_the_site_url_is_where_the_run_serves(host, address):
    assert site_url(host, 8765) == address


def test_a_site_url_given_is_kept(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://portal.example.org")
    assert child_environment("127.0.0.1", 8765)["SITE_URL"] == "https://portal.example.org"


def test_the_processes_of_a_run_on_port_8765_link_to_it(monkeypatch):
    monkeypatch.delenv("SITE_URL", raising=False)
    environment = child_environment("127.0.0.1", 8765)
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    code = (
        "import json; from django.conf import settings; from django.test import Client; "
        "root = Client().get('/api/v1/', HTTP_ACCEPT='application/json').json(); "
        "print(json.dumps([settings.SITE_URL, settings.CSRF_TRUSTED_ORIGINS, root['events']]))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env={**environment, "DEBUG": "true", "ALLOWED_HOSTS": "testserver"},  # as make run
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    site, trusted, events = json.loads(result.stdout.strip().splitlines()[-1])
    assert site == "http://127.0.0.1:8765"
    assert trusted == ["http://127.0.0.1:8765"]
    assert events == "http://127.0.0.1:8765/api/v1/events/"
    assert os.environ.get("SITE_URL") is None


@pytest.mark.django_db(transaction=True)
def test_a_kill_stops_the_run_and_everything_it_started(demo, settings, tmp_path):
    environment = {
        **os.environ,
        **databases.environment(connection.settings_dict["NAME"]),
        # This test process's cache database, as the run's broker: no test worker reads it.
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        "DJANGO_SETTINGS_MODULE": "portal.settings",
        "DATABASE_POOL": "false",
        "DEBUG": "true",
        "EMAIL_URL": "dummymail://",
        "PYTHONUNBUFFERED": "1",
        # Beat's schedule file: not the one of a `./dev run` in this checkout.
        "PORTAL_VAR_DIR": str(tmp_path),
    }
    environment.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    run = subprocess.Popen(
        [sys.executable, "manage.py", "runportal", "--port", str(embedded._free_port())],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    output, ready = [], threading.Event()

    def read():
        for line in run.stdout:
            output.append(line)
            if line.startswith("Press Ctrl-C"):
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    try:
        assert ready.wait(timeout=90), "".join(output)
        started = psutil.Process(run.pid).children(recursive=True)
        assert len(started) >= 3  # the web server, the worker and beat

        run.send_signal(signal.SIGTERM)
        assert run.wait(timeout=30) == 0, "".join(output)
        _gone, left = psutil.wait_procs(started, timeout=10)
        assert not left, [" ".join(process.cmdline()) for process in left]
    finally:
        if run.poll() is None:
            run.kill()
