"""Databases beside the test database: the demo content, loaded once per test process.

Loading the demo costs about a second; some sixty tests read it. Each test process loads
it once into a copy of its test database and points Django's connection at that copy for
the tests that ask for `demo`. Their own changes roll back with the test's transaction as
usual; a test that commits (the live server, a Celery worker) gets a fresh copy of its own,
since PostgreSQL copies a small database faster than the demo loads.
"""

import contextlib

from django.db import connection


def _execute(sql: str, *params) -> None:
    # CREATE and DROP DATABASE cannot run inside a transaction, nor while connected to the
    # database they copy or drop: Django's "no database" cursor connects to `postgres`.
    with connection._nodb_cursor() as cursor:
        cursor.execute(sql, params)


def _disconnect_everyone(name: str) -> None:
    # A live-server thread or a pool may still hold a connection from an earlier test.
    _execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = %s AND pid <> pg_backend_pid()",
        name,
    )


def drop(name: str) -> None:
    _disconnect_everyone(name)
    _execute(f'DROP DATABASE IF EXISTS "{name}"')


def clone(name: str, *, template: str) -> None:
    """A new database `name` holding what `template` holds now."""
    drop(name)
    _disconnect_everyone(template)
    _execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


def database_url(settings_dict: dict, name: str | None = None) -> str:
    """DATABASE_URL for the database `settings_dict` names; a socket directory as ?host=."""
    host = settings_dict["HOST"] or settings_dict.get("OPTIONS", {}).get("host", "")
    port = settings_dict["PORT"] or "5432"
    user, password = settings_dict["USER"], settings_dict["PASSWORD"]
    credentials = f"{user}:{password}@" if password else f"{user}@"
    database = name or settings_dict["NAME"]
    if host.startswith("/"):
        return f"postgres://{credentials}/{database}?host={host}&port={port}"
    return f"postgres://{credentials}{host}:{port}/{database}"


def environment(name: str) -> dict[str, str]:
    """What points a process the tests start (a worker, a run) at database `name`."""
    return {"DATABASE_URL": database_url(connection.settings_dict, name)}


def _point_at(name: str) -> None:
    connection.close()
    # A pooled connection would hand out connections to the previous database.
    connection.close_pool()
    # The live-server thread builds its connections from this same dictionary.
    connection.settings_dict["NAME"] = name


@contextlib.contextmanager
def using(name: str):
    """Django's default connection speaks to database `name` until the block ends."""
    previous = connection.settings_dict["NAME"]
    _point_at(name)
    try:
        yield
    finally:
        _point_at(previous)
