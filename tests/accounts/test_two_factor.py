"""Two-factor authentication: an authenticator app and recovery codes, set up by the user,
asked at every login, and required of staff and coordinators when the portal says so."""

import re
import time

import pytest
from django.conf import settings
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from portal.accounts import services
from tests import factories as f

pytestmark = pytest.mark.django_db

PASSWORD = "secret-pass-123"
SETUP = "/en/account/two-factor/"


def _code(device, offset=0) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def _signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.fixture
def ada(db):
    return f.UserFactory(email="ada@example.org")


@pytest.fixture
def ada_with_app(ada):
    device = TOTPDevice.objects.create(user=ada, name="App", confirmed=True)
    codes = services.recovery_codes_renew(user=ada)
    return ada, device, codes


def _password_step(client, user, next_url=""):
    data = {"username": user.email, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post("/en/login/", data)


def test_a_user_sets_it_up_from_their_account(client, ada):
    client.force_login(ada)
    account = client.get("/en/account/").content.decode()
    assert "Two-factor authentication" in account and f'href="{SETUP}"' in account
    page = client.get(SETUP)
    html = page.content.decode()
    assert "<svg" in html
    key = re.search(r'id="second-factor-key">([A-Z2-7 ]+)<', html).group(1)
    device = TOTPDevice.objects.get(user=ada, confirmed=False)
    assert key.replace(" ", "") in device.config_url
    assert client.get(SETUP).content.decode().count(key) == 1  # the same key on a reload

    wrong = client.post(SETUP, {"code": "000000"})
    assert "This code is not right." in wrong.content.decode()
    device.refresh_from_db()
    device.throttling_failure_count = 0  # the wrong try makes the next wait; not the point
    device.throttling_failure_timestamp = None
    device.save()

    done = client.post(SETUP, {"code": _code(device)})
    html = done.content.decode()
    assert "Your recovery codes" in html
    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(codes) == 10
    assert "On: after your password" in client.get("/en/account/").content.decode()


def test_logging_in_asks_for_the_code_after_the_password(client, ada_with_app, time_machine):
    ada, device, _codes = ada_with_app
    response = _password_step(client, ada, next_url="/en/account/")
    assert response["Location"] == "/en/login/code/"
    assert not _signed_in(client)
    assert client.get("/en/account/").status_code == 302  # not in yet

    wrong = client.post("/en/login/code/", {"code": "123456"})
    assert "This code is not right." in wrong.content.decode()
    assert not _signed_in(client)
    # A wrong code makes the app's next one wait a second (then two, four…).
    time_machine.move_to(time.time() + 2)
    response = client.post("/en/login/code/", {"code": _code(device)})
    assert response["Location"] == "/en/account/"
    assert _signed_in(client)
    assert client.get("/en/account/").status_code == 200


def test_a_recovery_code_logs_in_once(client, ada_with_app):
    ada, _device, codes = ada_with_app
    _password_step(client, ada)
    response = client.post("/en/login/code/", {"code": codes[0].upper()}, follow=True)
    assert _signed_in(client)
    assert "You used a recovery code: 9 are left." in response.content.decode()
    other = Client()
    _password_step(other, ada)
    again = other.post("/en/login/code/", {"code": codes[0]})
    assert not _signed_in(other)
    assert "This code is not right." in again.content.decode()


def test_wrong_codes_count_toward_the_lockout(client, ada_with_app):
    ada, device, _codes = ada_with_app
    _password_step(client, ada)
    for _ in range(settings.AXES_FAILURE_LIMIT):
        response = client.post("/en/login/code/", {"code": "000000"})
    assert response.status_code == 429
    assert "Too many failed attempts to log in" in response.content.decode()
    response = client.post("/en/login/code/", {"code": _code(device)})
    assert response.status_code == 429
    assert not _signed_in(client)


def test_the_code_must_follow_the_password_quickly(client, ada_with_app, time_machine):
    ada, device, _codes = ada_with_app
    _password_step(client, ada)
    time_machine.move_to(time.time() + 301)
    response = client.post("/en/login/code/", {"code": _code(device)})
    assert response["Location"] == "/en/login/"
    assert not _signed_in(client)


def test_turning_it_off_asks_for_the_password(client, ada_with_app):
    ada, _device, _codes = ada_with_app
    client.force_login(ada)
    refused = client.post("/en/account/two-factor/remove/", {"password": "nope"})
    assert refused.status_code == 400
    assert "This is not your password." in refused.content.decode()
    assert TOTPDevice.objects.filter(user=ada).exists()
    client.post("/en/account/two-factor/remove/", {"password": PASSWORD})
    assert not TOTPDevice.objects.filter(user=ada).exists()
    assert _password_step(Client(), ada).status_code == 302  # straight in again


def test_new_recovery_codes_replace_the_old(client, ada_with_app):
    ada, _device, old = ada_with_app
    client.force_login(ada)
    html = client.post("/en/account/two-factor/recovery-codes/").content.decode()
    new = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", html)
    assert len(new) == 10 and not set(new) & set(old)
    assert services.second_factor_verify(user=ada, code=new[1]) is not None
    assert services.second_factor_verify(user=ada, code=old[1]) is None


@pytest.fixture
def required(settings):
    settings.REQUIRE_2FA_FOR_STAFF = True


def test_a_coordinator_must_set_it_up_first_when_required(client, coordinator, required):
    client.force_login(coordinator)
    response = client.get("/en/workspace/")
    assert response["Location"] == SETUP
    assert client.get(SETUP).status_code == 200
    api = client.get("/api/v1/workspace/plans/")
    assert api.status_code == 403
    assert api.json() == {
        "detail": "Your role needs two-factor authentication: set it up to go on."
    }
    device = TOTPDevice.objects.get(user=coordinator, confirmed=False)
    client.post(SETUP, {"code": _code(device)})
    assert client.get("/en/workspace/").status_code == 200
    # Required, so it cannot be turned off.
    client.post("/en/account/two-factor/remove/", {"password": PASSWORD})
    assert TOTPDevice.objects.filter(user=coordinator, confirmed=True).exists()


def test_staff_must_set_it_up_when_required(client, required):
    client.force_login(f.UserFactory(is_staff=True))
    assert client.get("/en/admin/")["Location"] == SETUP


def test_partners_choose_for_themselves(client, partner_member, required):
    client.force_login(partner_member)
    assert client.get("/en/workspace/").status_code == 200


def test_nothing_is_required_while_the_setting_is_off(client, coordinator):
    client.force_login(coordinator)
    assert client.get("/en/workspace/").status_code == 200


def test_a_session_that_skipped_the_code_must_log_in_again(client, required, ada_with_app):
    ada, _device, _codes = ada_with_app
    ada.is_staff = True
    ada.save()
    client.force_login(ada)  # as another way in than the login page would
    response = client.get("/en/workspace/")
    assert response["Location"] == "/en/login/?next=/en/workspace/"
    assert not _signed_in(client)


def test_an_api_token_is_not_asked_for_a_code(coordinator, required):
    token = Token.objects.create(user=coordinator)
    response = Client().get("/api/v1/workspace/plans/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
