import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from portal import embedded
from tests import factories


def pytest_configure(config):
    # The tests speak plain HTTP to the test client and the live server; middleware
    # instances read these once, so they are set before any is built.
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    # Tasks of the tests go through their own Redis database, so a `make run` worker on
    # the same server never takes them (read by Celery on first use, after this).
    settings.CELERY_BROKER_URL = _redis_db(settings.CELERY_BROKER_URL, 14)
    settings.CELERY_RESULT_BACKEND = settings.CELERY_BROKER_URL


def _redis_db(url: str, db: int) -> str:
    return f"{url.rsplit('/', 1)[0]}/{db}"


def pytest_sessionfinish(session, exitstatus):
    # Stop the embedded servers only if this test run started them; a `make run` in
    # another terminal keeps its database.
    embedded.stop(set(embedded.started_here))


@pytest.fixture(autouse=True, scope="session")
def _test_cache():
    """The tests get their own Redis database, so clearing it never touches a dev server's."""
    from django.test import override_settings

    location = _redis_db(settings.CACHES["default"]["LOCATION"], 15)
    caches = {"default": {**settings.CACHES["default"], "LOCATION": location}}
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def _clean_cache_and_http(settings):
    from django.core.cache import cache

    # Real hashing costs a third of a second per password; the tests are not about it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
    yield
    cache.clear()
    # A request to /de/ leaves German active in this thread; the next test's messages
    # would be in German.
    translation.deactivate()


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


@pytest.fixture
def celery_worker(transactional_db, tmp_path):
    """A real Celery worker process on the test database and the tests' broker.

    Its mail goes to files under `tmp_path / "mail"`, which the fixture's `sent()` reads.
    """
    from django.db import connection

    from portal.celery import app

    mail_dir = tmp_path / "mail"
    env = {
        **os.environ,
        "REDIS_URL": settings.CELERY_BROKER_URL,
        # Four slashes: django-environ reads the path after the third as relative.
        "EMAIL_URL": f"filemail:///{mail_dir}",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    test_database = connection.settings_dict["NAME"]
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + test_database
    else:
        env["PORTAL_DATABASE_NAME"] = test_database
    app.control.purge()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "--pool",
            "solo",
            "-l",
            "WARNING",
        ],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
    )
    deadline = time.monotonic() + 60
    while not app.control.ping(timeout=0.5):
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            pytest.fail("the Celery worker did not start")
    yield _Worker(mail_dir)
    process.terminate()
    process.wait(timeout=20)


class _Worker:
    def __init__(self, mail_dir: Path):
        self.mail_dir = mail_dir

    def sent(self) -> list[str]:
        """The raw messages the worker has sent so far."""
        if not self.mail_dir.exists():
            return []
        return [path.read_text() for path in sorted(self.mail_dir.iterdir())]

    def wait_for(self, condition, timeout: float = 20):
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                pytest.fail("the worker did not finish in time")
            time.sleep(0.1)
