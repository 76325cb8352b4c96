"""Readiness: whether this web process has what it needs to serve, each part asked briefly.

/healthz says the process lives and its database answers; /readyz asks every part the
portal needs, each with a timeout of its own, and names what failed. A part that depends
on one that failed is not asked (the migrations need the database, a worker's answer
needs Redis, its broker), so a check ends in a few seconds whatever is down.
"""

import psycopg
import redis
from django.conf import settings
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from portal.celery import app

# Seconds each part may take to answer: a health check must end before docker's own
# timeout (5 s) does.
TIMEOUT = 1.5
OK = "ok"


def _failed(error: Exception) -> str:
    # The kind of error only: the answer is public, and messages name hosts and users.
    return f"failed: {type(error).__name__}"


def database() -> str:
    # A connection of its own rather than one from the pool, which would wait for its
    # own, longer timeout.
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    try:
        with psycopg.connect(**params, connect_timeout=max(1, round(TIMEOUT))) as conn:
            conn.execute("SELECT 1")
    except psycopg.Error as error:
        return _failed(error)
    return OK


def migrations() -> str:
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Exception as error:
        return _failed(error)
    if plan:
        names = ", ".join(f"{m.app_label}.{m.name}" for m, _backwards in plan[:5])
        return f"{len(plan)} not applied: {names}"
    return OK


def cache() -> str:
    client = redis.Redis.from_url(
        settings.CACHES["default"]["LOCATION"],
        socket_timeout=TIMEOUT,
        socket_connect_timeout=TIMEOUT,
    )
    try:
        client.ping()
    except redis.RedisError as error:
        return _failed(error)
    finally:
        client.close()
    return OK


def worker() -> str:
    try:
        # One answer is enough to be ready; without a limit the ping waits out its
        # timeout for more, on every check.
        answers = app.control.ping(timeout=TIMEOUT, limit=1)
    except Exception as error:
        return _failed(error)
    if not answers:
        return f"no Celery worker answered within {TIMEOUT} s"
    return OK


def readiness() -> dict[str, str]:
    """Each part's state, "ok" or what went wrong."""
    checks = {"database": database(), "redis": cache()}
    checks["migrations"] = (
        migrations() if checks["database"] == OK else "not asked: the database failed"
    )
    checks["celery"] = worker() if checks["redis"] == OK else "not asked: Redis failed"
    return checks
