"""The portal's settings, on PostgreSQL and Redis servers under var/ for whichever of
DATABASE_URL and REDIS_URL the environment leaves unset.

pytest-django loads the settings before any conftest, so the servers are started here;
the environment filled in is inherited by the xdist processes and by every process a test
starts (a Celery worker, manage.py). tests/conftest.py stops what this run started.
"""

from portal import embedded

embedded.use()

from portal.settings import *  # noqa: E402, F403

# Templates only tests render (a bare notice for the outbox's tests): a folder of their own
# rather than an override per test, which a worker started by the test would not see.
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "tests" / "templates"]  # noqa: F405

# WhiteNoise reads every file under STATIC_ROOT (2,400 with the compressed copies) each time
# a handler is built, and the test client builds one per client: a quarter of the suite's
# time went there. Looked up when asked for instead, the files answer the same.
WHITENOISE_AUTOREFRESH = True
