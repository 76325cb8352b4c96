import datetime

import pytest
import time_machine
from rest_framework.authtoken.models import Token

from tests import factories as f
from tests.api import API

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _mid_minute():
    """The counts live in fixed windows of a minute; a test that crossed into the next
    window would find its allowance renewed. The clock stands still half-way through one.
    """
    with time_machine.travel(
        datetime.datetime(2026, 5, 4, 12, 0, 30, tzinfo=datetime.UTC), tick=False
    ):
        yield


def test_anonymous_clients_are_throttled_with_retry_after(db, client, rates):
    rates(anon="3/minute")
    for _ in range(3):
        assert client.get(f"{API}/events/").status_code == 200
    response = client.get(f"{API}/events/")
    assert response.status_code == 429
    assert response["Retry-After"] == "30"
    assert "throttled" in response.json()["detail"]


def test_each_address_has_its_own_allowance(db, client, rates):
    rates(anon="1/minute")
    assert client.get(f"{API}/events/").status_code == 200
    assert client.get(f"{API}/events/").status_code == 429
    assert client.get(f"{API}/events/", REMOTE_ADDR="192.0.2.7").status_code == 200


def test_a_forged_forwarded_for_header_does_not_buy_more_requests(db, client, rates):
    rates(anon="1/minute")
    assert client.get(f"{API}/events/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 200
    assert client.get(f"{API}/events/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 429


def test_a_token_gets_a_higher_limit(db, client, rates):
    rates(anon="2/minute", user="5/minute")
    token = Token.objects.create(user=f.UserFactory())
    headers = {"Authorization": f"Token {token.key}"}
    for _ in range(5):
        assert client.get(f"{API}/events/", headers=headers).status_code == 200
    assert client.get(f"{API}/events/", headers=headers).status_code == 429
    # The token's requests were not counted against the anonymous allowance.
    assert client.get(f"{API}/events/").status_code == 200


def test_a_wrong_token_is_refused_not_ignored(db, client):
    response = client.get(f"{API}/events/", headers={"Authorization": "Token wrong"})
    assert response.status_code == 401
    assert response.json()["detail"] == "Invalid token."
    assert response["WWW-Authenticate"] == "Token"
