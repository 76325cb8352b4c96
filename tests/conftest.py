import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import ClassVar
from unittest import mock

import pytest
from django.conf import settings
from django.db import connection
from django.test import TransactionTestCase, override_settings
from django.utils import translation

from portal import embedded
from tests import databases, factories

# Each pytest-xdist process ("gw0", "gw1", ...) has its own test database (pytest-django
# appends the name) and its own two Redis databases, counted down from 15: the cache, with
# the page cache and the throttle counts, and the Celery broker. A plain `pytest` is gw0.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
CACHE_DB, BROKER_DB = 15 - 2 * WORKER, 14 - 2 * WORKER


def pytest_configure(config):
    # The tests speak plain HTTP to the test client and the live server; middleware
    # instances read these once, so they are set before any is built.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # Real hashing costs a third of a second per password; the tests are not about it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    if BROKER_DB < 0:
        pytest.exit("Redis has 16 databases, enough for 8 test processes: run with -n 8 or fewer")
    # Tasks of the tests go through their own Redis database, so a `make run` worker on
    # the same server never takes them (read by Celery on first use, after this).
    settings.CELERY_BROKER_URL = _redis_db(settings.CELERY_BROKER_URL, BROKER_DB)
    settings.CELERY_RESULT_BACKEND = settings.CELERY_BROKER_URL
    # Tests wait for a task by its result; the message asks the worker to keep it.
    settings.CELERY_TASK_IGNORE_RESULT = False
    # Clearing the cache empties this database only: a dev server's pages stay, and so do
    # the other test processes' counts. override_settings tells the cache handler.
    location = _redis_db(settings.CACHES["default"]["LOCATION"], CACHE_DB)
    override_settings(
        CACHES={"default": {**settings.CACHES["default"], "LOCATION": location}}
    ).enable()
    # The PDF reports of this process and of its workers go to a folder of their own.
    os.environ["REPORTS_ROOT"] = tempfile.mkdtemp(prefix=f"reports-gw{WORKER}-")
    settings.STORAGES["reports"]["OPTIONS"]["location"] = os.environ["REPORTS_ROOT"]


def _redis_db(url: str, db: int) -> str:
    return f"{url.rsplit('/', 1)[0]}/{db}"


def pytest_sessionfinish(session, exitstatus):
    # Stop the embedded servers only if this test run started them; a `make run` in
    # another terminal keeps its database.
    embedded.stop(set(embedded.started_here))


@pytest.fixture(autouse=True)
def _clean_cache_and_http():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
    # A request to /de/ leaves German active in this thread; the next test's messages
    # would be in German.
    translation.deactivate()


@pytest.fixture(autouse=True)
def _search_index(request):
    """Saves write search entries only in tests marked `search`.

    Indexing every factory row, and what each row's entry quotes, cost a good part of the
    suite's time in tests that never search. The demo database is indexed when it loads.
    """
    from portal.search import index

    if request.node.get_closest_marker("search"):
        yield
        return
    index.disconnect()
    yield
    index.connect()


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """A copy of this process's test database with the demo content, and its files."""
    from portal.demo.loader import load_demo

    media = tmp_path_factory.mktemp("demo-media")
    name = f"{connection.settings_dict['NAME']}_demo"
    with django_db_blocker.unblock():
        databases.clone(name, template=connection.settings_dict["NAME"])
        with databases.using(name), override_settings(MEDIA_ROOT=media):
            load_demo()
    yield name, media
    with django_db_blocker.unblock():
        databases.drop(name)


@pytest.fixture
def _demo_connection(request, django_db_blocker):
    """Points the connection at the demo database before a `demo` test's transaction opens."""
    if "demo" not in request.fixturenames:
        yield
        return
    name, _media = request.getfixturevalue("_demo_database")
    marker = request.node.get_closest_marker("django_db")
    commits = {"transactional_db", "live_server"} & set(request.fixturenames) or (
        marker is not None and marker.kwargs.get("transaction")
    )
    if not commits:
        with databases.using(name):
            yield
        return
    # A test that commits empties its database when it ends: it gets a copy, which is
    # dropped rather than emptied (a flush of the demo's tables, then post_migrate's, costs
    # half a second).
    copy = f"{name}_copy"
    with django_db_blocker.unblock():
        databases.clone(copy, template=name)
    with (
        databases.using(copy),
        mock.patch.object(TransactionTestCase, "_fixture_teardown", lambda test_case: None),
    ):
        yield
    with django_db_blocker.unblock():
        databases.drop(copy)


@pytest.fixture
def _django_db_helper(_demo_connection, _django_db_helper):
    # pytest-django opens each test's transaction (or flushes after it) here; the demo
    # database must be chosen first, so this wraps it.
    yield


@pytest.fixture
def demo(_django_db_helper, _demo_database, settings, tmp_path):
    """The demo content (portal.demo), with database access; a test's changes roll back."""
    _name, media = _demo_database
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(media, settings.MEDIA_ROOT)


@pytest.fixture
def rates(settings):
    """Set the throttle rates for one test: rates(anon="2/minute", user="5/minute")."""

    def set_rates(**rates):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {
                **settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"],
                **rates,
            },
        }

    return set_rates


@pytest.fixture
def project(db):
    return factories.ProjectFactory()


@pytest.fixture
def lead(project):
    return factories.PartnershipFactory(project=project, role="lead")


@pytest.fixture
def partnership(project):
    return factories.PartnershipFactory(project=project, role="partner")


@pytest.fixture
def coordinator(lead):
    return factories.grant(lead, "coordinator")


@pytest.fixture
def partner_member(partnership):
    return factories.grant(partnership, "partner_member")


@pytest.fixture
def communication_manager(lead):
    return factories.grant(lead, "communication_manager")


@pytest.fixture
def outsider(db):
    """A logged-in partner of another project: no role in `project`."""
    other = factories.PartnershipFactory()
    return factories.grant(other, "partner_member")


class _Worker:
    """A real Celery worker process on one test database and this process's broker.

    Every worker of a test process takes tasks from the same broker, so only those a test
    wants may run: `only()` tells the others to stop taking tasks, and starts again one
    that was stopped or killed. A worker stays up between tests: starting one costs
    seconds.
    `env` overrides settings of the worker alone (the newsletter's tests point EMAIL_URL at
    an SMTP server).
    """

    running: ClassVar[list["_Worker"]] = []

    def __init__(self, database: str, mail_dir: Path, **env):
        self.database, self.mail_dir, self.env = database, mail_dir, env
        self.name = f"test{id(self)}@%h"
        self.hostname = self.name.replace("%h", socket.gethostname())
        self.consuming = False
        self.start()

    def start(self):
        from portal.celery import app

        env = {
            **os.environ,
            "REDIS_URL": settings.CELERY_BROKER_URL,
            # Four slashes: django-environ reads the path after the third as relative.
            "EMAIL_URL": f"filemail:///{self.mail_dir}",
            "DJANGO_SETTINGS_MODULE": "portal.settings",
            # A pooled connection would outlive the tests' database copies and drops.
            "DATABASE_POOL": "false",
            **databases.environment(self.database),
            **self.env,
        }
        app.control.purge()
        self.process = subprocess.Popen(
            [
                sys.executable,
                *("-m", "celery", "-A", "portal", "worker", "--pool=solo", "-lWARNING"),
                # Mingling with the other workers costs each start a second, for revoked
                # tasks and clocks no test uses.
                *("--without-mingle", "--without-gossip", "--without-heartbeat"),
                *("-n", self.name),
            ],
            cwd=Path(__file__).resolve().parents[1],
            env=env,
        )
        _Worker.running.append(self)
        # Asked by name: another worker of this process may be answering already.
        deadline = time.monotonic() + 60
        while not app.control.ping(destination=[self.hostname], timeout=0.5):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                pytest.fail("the Celery worker did not start")
        self.consuming = True

    def alive(self) -> bool:
        return self in _Worker.running and self.process.poll() is None

    def _consume(self, consuming: bool) -> None:
        from portal.celery import app

        queue = app.conf.task_default_queue
        # By name, so the answer comes back as soon as this worker gives it.
        control = app.control.add_consumer if consuming else app.control.cancel_consumer
        control(queue, destination=[self.hostname], reply=True, timeout=10)
        self.consuming = consuming

    def wait_idle(self) -> None:
        """Wait until the worker holds no task: one an earlier test dispatched may still be
        running, and would write its mail among this test's."""
        from portal.celery import app

        inspect = app.control.inspect(destination=[self.hostname], timeout=5, limit=1)
        deadline = time.monotonic() + 30
        while True:
            # No answer is no proof of idleness: a solo-pool worker in the middle of a task
            # does not answer until the task ends.
            active, reserved = inspect.active(), inspect.reserved()
            if active and reserved and not any(active.values()) and not any(reserved.values()):
                return
            if time.monotonic() > deadline:
                pytest.fail("the worker is still busy with an earlier test's task")
            time.sleep(0.1)

    @classmethod
    def only(cls, *workers: "_Worker", stop_others: bool = False) -> None:
        """Let these workers alone take tasks; `stop_others` for a test that needs them
        gone, not idle (an idle worker still answers a ping)."""
        for worker in list(cls.running):
            if worker in workers:
                continue
            if stop_others:
                worker.stop()
            elif worker.alive() and worker.consuming:
                worker._consume(False)
        for worker in workers:
            if not worker.alive():
                if worker in cls.running:
                    cls.running.remove(worker)
                worker.start()
            elif not worker.consuming:
                worker._consume(True)

    def stop(self):
        if self in _Worker.running:
            _Worker.running.remove(self)
        self.process.terminate()
        self.process.wait(timeout=20)

    def kill(self):
        """As the OOM killer or a pulled plug would: no chance to finish or acknowledge."""
        self.process.kill()
        self.process.wait(timeout=20)
        if self in _Worker.running:
            _Worker.running.remove(self)

    def forget_mail(self):
        shutil.rmtree(self.mail_dir, ignore_errors=True)

    def sent(self) -> list[str]:
        """The raw messages the worker has sent so far.

        Django's file backend ends each message with a line of dashes; what follows the
        last such line is still being written. A file can hold two messages: it is named
        by the second and the backend's id(), which two sends in one second can share.
        """
        if not self.mail_dir.exists():
            return []
        messages = []
        for path in sorted(self.mail_dir.iterdir()):
            *complete, _unfinished = path.read_text().split("-" * 79 + "\n")
            messages.extend(complete)
        return messages

    def wait_for(self, condition, timeout: float = 20):
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail("the worker did not finish in time")
            time.sleep(0.1)


@pytest.fixture(scope="session")
def _workers(django_db_setup, tmp_path_factory):
    """This process's workers, one a database (its test database, the demo's copy), each
    started when first asked for and kept for the session."""
    workers = {}

    def worker_on(database: str) -> _Worker:
        if database not in workers:
            workers[database] = _Worker(database, tmp_path_factory.mktemp("mail"))
        return workers[database]

    yield worker_on
    for worker in workers.values():
        worker.stop()


@pytest.fixture
def celery_worker(transactional_db, _workers):
    """A real Celery worker on the test's database and the tests' broker.

    Its mail goes to files, which `sent()` reads; each test starts with none.
    """
    from portal.celery import app

    worker = _workers(connection.settings_dict["NAME"])
    _Worker.only(worker)
    app.control.purge()
    worker.wait_idle()
    worker.forget_mail()
    return worker
