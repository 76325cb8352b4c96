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


def pytest_sessionfinish(session, exitstatus):
    # Stop the embedded servers only if this test run started them; a `make run` in
    # another terminal keeps its database.
    embedded.stop(set(embedded.started_here))


@pytest.fixture(autouse=True, scope="session")
def _test_cache():
    """The tests get their own Redis database, so clearing it never touches a dev server's."""
    from django.test import override_settings

    location = settings.CACHES["default"]["LOCATION"].rsplit("/", 1)[0] + "/15"
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
