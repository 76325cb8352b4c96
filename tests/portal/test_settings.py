import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection

from portal.settings import env_bool, env_int, env_rate

ROOT = Path(__file__).resolve().parents[2]


def test_a_malformed_boolean_stops_start_up_naming_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false, not 'maybe'"):
        env_bool("DEBUG", False)
    monkeypatch.setenv("DEBUG", "False")
    assert env_bool("DEBUG", True) is False


def test_a_malformed_number_stops_start_up_naming_the_variable(monkeypatch):
    monkeypatch.setenv("DATABASE_POOL_SIZE", "four")
    with pytest.raises(ImproperlyConfigured, match="DATABASE_POOL_SIZE must be a whole number"):
        env_int("DATABASE_POOL_SIZE", 4)


# What the tests' own environment holds that a production process would not: the embedded
# servers' URLs and key (tests/settings.py), the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE.
NOT_INHERITED = (
    "DATABASE_URL",
    "REDIS_URL",
    "SECRET_KEY",
    "DEBUG",
    "EMBEDDED_SERVERS",
    "PORTAL_EMBEDDED_DATABASE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)


def _manage(*args, command=("manage.py",), **env):
    base = {k: v for k, v in os.environ.items() if k not in NOT_INHERITED}
    base["DJANGO_SETTINGS_MODULE"] = "portal.settings"
    return subprocess.run(
        [sys.executable, *command, *args],
        cwd=ROOT,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "x" * 20 + "production-like-secret-key-for-the-check-0123456789",
    "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "ALLOWED_HOSTS": "portal.example.org",
    "SITE_URL": "https://portal.example.org",
}


def test_check_deploy_is_clean_with_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_answers_with_every_security_header():
    """A page over HTTPS as production serves it: HSTS, CSP, no framing, secure cookies."""
    code = (
        "import json; from django.test import Client; from django.conf import settings\n"
        "page = Client().get('/en/login/', secure=True, HTTP_HOST='portal.example.org')\n"
        "print(json.dumps({'status': page.status_code, 'headers': dict(page.headers),"
        " 'cookies': {n: dict(c) for n, c in page.cookies.items()}}))"
    )
    result = _manage("shell", "-c", code, **PRODUCTION)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    headers = answer["headers"]
    assert answer["status"] == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert "script-src 'self';" in headers["Content-Security-Policy"] + ";"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert answer["cookies"]["csrftoken"]["secure"] is True


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION.items() if k != "SECRET_KEY"}
    result = _manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_database_url_must_be_postgres():
    result = _manage("check", **{**PRODUCTION, "DATABASE_URL": "sqlite:///db.sqlite3"})
    assert result.returncode != 0
    assert "DATABASE_URL must point at PostgreSQL" in result.stderr


@pytest.mark.django_db
def test_migrations_match_the_models():
    call_command("makemigrations", check=True, dry_run=True, verbosity=0)


@pytest.mark.django_db
def test_the_tests_run_on_a_real_postgres_and_a_real_redis():
    from django.core.cache import cache

    assert connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version_num")
        assert int(cursor.fetchone()[0]) >= 150000
    cache.set("probe", {"ok": 1})
    assert cache.get("probe") == {"ok": 1}
    # The cache fails open, so a miss alone would not tell a missing Redis: ask it.
    assert cache.client.get_client().ping() is True


def test_a_malformed_rate_stops_start_up_naming_the_variable(monkeypatch):
    monkeypatch.setenv("API_RATE_ANONYMOUS", "lots")
    with pytest.raises(ImproperlyConfigured, match="API_RATE_ANONYMOUS must be a number of"):
        env_rate("API_RATE_ANONYMOUS", "120/minute")
    monkeypatch.setenv("API_RATE_ANONYMOUS", "30/hour")
    assert env_rate("API_RATE_ANONYMOUS", "120/minute") == "30/hour"


# Start-up: settings never start a server; a production process missing a URL stops.
# PORTAL_VAR_DIR points the embedded servers at an empty folder, where a server started by
# mistake would leave its files.


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("REDIS_URL", "REDIS_URL must be set (redis://host:6379/0)"),
        ("DATABASE_URL", "DATABASE_URL must be set (postgres://"),
    ],
)
def test_production_without_a_url_stops_naming_it(tmp_path, missing, message):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = _manage("check", PORTAL_VAR_DIR=str(tmp_path), **env)
    assert result.returncode != 0
    assert message in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_gunicorn_and_celery_start_no_server_even_in_development(tmp_path):
    """They load the settings without manage.py: nothing set is a message, not a server."""
    code = "import django; django.setup()"
    result = _manage(
        "-c",
        code,
        command=(),
        DEBUG="true",
        EMBEDDED_SERVERS="true",
        PORTAL_VAR_DIR=str(tmp_path),
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_management_command_with_the_urls_set_starts_no_server(tmp_path):
    code = "from portal import embedded; print(sorted(embedded.started_here))"
    result = _manage(
        "shell",
        "-c",
        code,
        **{**PRODUCTION, "DEBUG": "true", "EMBEDDED_SERVERS": "true"},
        PORTAL_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
    assert list(tmp_path.iterdir()) == []


def test_manage_py_in_development_uses_the_servers_under_var(settings):
    """DEBUG=true and nothing else: the servers under var/, as `./dev run` finds them."""
    if not settings.EMBEDDED:
        pytest.skip("the tests run on servers of their own (DATABASE_URL)")
    code = (
        "from django.conf import settings; "
        "print(settings.DATABASES['default']['HOST'], settings.EMBEDDED)"
    )
    result = _manage("shell", "-c", code, DEBUG="true")
    assert result.returncode == 0, result.stderr
    host, embedded = result.stdout.strip().splitlines()[-1].split()
    assert host == settings.DATABASES["default"]["HOST"]
    assert embedded == "True"


def test_production_without_the_development_flag_starts_nothing(tmp_path):
    result = _manage("check", DEBUG="false", PORTAL_VAR_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
    assert list(tmp_path.iterdir()) == []
