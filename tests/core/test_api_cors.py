import pytest

from tests.api import API

pytestmark = pytest.mark.django_db
ORIGIN = {"Origin": "https://partner.example.org"}


def test_any_site_may_read_the_api(db, client):
    response = client.get(f"{API}/events/", headers=ORIGIN)
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_allows_reading_only(db, client):
    response = client.options(
        f"{API}/events/",
        headers={**ORIGIN, "Access-Control-Request-Method": "POST"},
    )
    assert response.status_code == 200
    allowed = {method.strip() for method in response["Access-Control-Allow-Methods"].split(",")}
    assert allowed == {"GET", "HEAD", "OPTIONS"}


def test_the_pages_are_not_shared_across_origins(db, client):
    assert "Access-Control-Allow-Origin" not in client.get("/en/events/", headers=ORIGIN)
