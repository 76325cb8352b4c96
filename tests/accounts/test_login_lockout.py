"""Repeated failed logins lock the account and the address for a while (django-axes)."""

import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token

from tests import factories as f

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/en/login/"
PASSWORD = "secret-pass-123"
LOCKED = (
    "Too many failed attempts to log in to this account or from this address. Wait 15 "
    "minutes and try again, or reset your password."
)


@pytest.fixture
def ada(db):
    return f.UserFactory(email="ada@example.org")


def _login(client, email, password, address="192.0.2.1"):
    return client.post(LOGIN, {"username": email, "password": password}, REMOTE_ADDR=address)


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_thirty_wrong_passwords_then_the_right_one_does_not_log_in(client, ada, caplog):
    for _ in range(30):
        _login(client, ada.email, "wrong")
    response = _login(client, ada.email, PASSWORD)
    assert response.status_code == 429
    assert not _signed_in(client)
    html = response.content.decode()
    assert LOCKED in html
    assert 'value="ada@example.org"' in html
    assert response["Retry-After"] == "900"
    assert any("Locking out" in record.getMessage() for record in caplog.records)


def test_a_few_mistakes_do_not_lock_anyone_out(client, ada):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert _login(client, ada.email, "wrong").status_code == 200
    assert _login(client, ada.email, PASSWORD).status_code == 302
    assert _signed_in(client)


def test_the_account_stays_locked_from_another_address_and_in_any_case(client, ada):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ada.email, "wrong", address=f"192.0.2.{n + 1}")
    response = _login(Client(), "ADA@example.org", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429


def test_an_address_trying_many_accounts_is_locked_for_all_of_them(client, ada):
    for n in range(settings.AXES_FAILURE_LIMIT):
        _login(client, f"someone{n}@example.org", "guess", address="203.0.113.9")
    assert _login(client, ada.email, PASSWORD, address="203.0.113.9").status_code == 429
    # The account itself is not locked: from elsewhere its owner logs in.
    other = Client()
    assert _login(other, ada.email, PASSWORD, address="198.51.100.7").status_code == 302


def test_the_lockout_lifts_after_the_wait(client, ada, settings):
    settings.AXES_COOLOFF_TIME = timedelta(seconds=2)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ada.email, "wrong")
    assert _login(client, ada.email, PASSWORD).status_code == 429
    # The counts are Redis keys that expire with the wait.
    time.sleep(2.5)
    assert _login(client, ada.email, PASSWORD).status_code == 302


def test_failures_counted_by_another_process_lock_the_account_here(ada):
    """The counts live in Redis: a second web process sees the first one's failures."""
    code = (
        "from django.test import Client\n"
        "for _ in range(5):\n"
        "    Client().post('/en/login/', {'username': 'ada@example.org', 'password': 'x'},"
        " REMOTE_ADDR='192.0.2.50')\n"
    )
    environment = {k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE",)}
    location = settings.CACHES["default"]["LOCATION"]
    from django.db import connection

    environment.update(
        REDIS_URL=location,
        DEBUG="true",
        ALLOWED_HOSTS="testserver",
        DATABASE_POOL="false",
        PORTAL_DATABASE_NAME=connection.settings_dict["NAME"],
    )
    if os.environ.get("DATABASE_URL"):
        base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        environment["DATABASE_URL"] = f"{base}/{connection.settings_dict['NAME']}"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert _login(Client(), ada.email, PASSWORD, address="198.51.100.7").status_code == 429


def test_an_api_token_is_not_a_login_and_is_never_locked(client, ada):
    token = Token.objects.create(user=ada)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ada.email, "wrong")
    response = Client().get("/api/v1/workspace/plans/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200


def test_the_admin_logs_in_through_the_portal_login(client):
    response = client.get("/en/admin/")
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 302
    assert login["Location"] == "/en/login/?next=/en/admin/"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("nl", "Te veel mislukte pogingen om in te loggen op dit account of vanaf dit adres."),
        (
            "de",
            "Zu viele fehlgeschlagene Anmeldeversuche bei diesem Konto oder von dieser Adresse.",
        ),
    ],
)
def test_the_lockout_speaks_the_reader_language(client, ada, language, message):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(f"/{language}/login/", {"username": ada.email, "password": "wrong"})
    response = client.post(f"/{language}/login/", {"username": ada.email, "password": PASSWORD})
    assert response.status_code == 429
    assert message in response.content.decode()


def test_an_admin_lifts_a_lockout_with_the_command_the_readme_names(client, ada):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, ada.email, "wrong", address="192.0.2.1")
    assert _login(client, ada.email, PASSWORD, address="198.51.100.7").status_code == 429
    call_command("axes_reset_username", "ada@example.org")
    assert _login(client, ada.email, PASSWORD, address="198.51.100.7").status_code == 302
    assert _login(Client(), ada.email, PASSWORD, address="192.0.2.1").status_code == 429
    call_command("axes_reset_ip", "192.0.2.1")
    assert _login(Client(), ada.email, PASSWORD, address="192.0.2.1").status_code == 302


def test_the_browsable_api_logs_in_through_the_portal_login(client):
    page = client.get("/api/v1/workspace/plans/", HTTP_ACCEPT="text/html")
    assert "href='/api/v1/auth/login/?next=/api/v1/workspace/plans/'" in page.content.decode()
    response = client.get("/api/v1/auth/login/?next=/api/v1/workspace/plans/")
    assert response["Location"] == "/en/login/?next=/api/v1/workspace/plans/"
