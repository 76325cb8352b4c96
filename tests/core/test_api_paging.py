import pytest

from tests import factories as f
from tests.api import API

pytestmark = pytest.mark.django_db


@pytest.fixture
def events_25(db):
    for n in range(25):
        f.EventFactory(slug=f"event-{n:02d}", starts_at=f.EventFactory.starts_at.replace(day=1 + n))


def test_lists_come_in_pages_of_20_with_links(events_25, client):
    first = client.get(f"{API}/events/").json()
    assert first["count"] == 25
    assert len(first["results"]) == 20
    assert first["previous"] is None
    assert first["next"] == f"http://localhost:8000{API}/events/?page=2"
    second = client.get(first["next"].removeprefix("http://localhost:8000")).json()
    assert [e["slug"] for e in second["results"]] == [f"event-{n}" for n in range(20, 25)]
    assert second["next"] is None
    assert second["previous"] == f"http://localhost:8000{API}/events/"


def test_a_client_chooses_the_page_size_and_filters_stay_in_the_links(events_25, client):
    page = client.get(f"{API}/events/?type=conference&page_size=10&page=2").json()
    assert len(page["results"]) == 10
    assert page["next"] == f"http://localhost:8000{API}/events/?type=conference&page_size=10&page=3"


@pytest.mark.parametrize("size", ["101", "0", "-1", "ten"])
def test_a_page_size_outside_1_to_100_is_refused_not_cut(db, client, size):
    response = client.get(f"{API}/events/?page_size={size}")
    assert response.status_code == 400
    assert response.json() == {"page_size": [f"Give a whole number from 1 to 100, not “{size}”."]}


def test_a_page_past_the_end_is_not_found(events_25, client):
    response = client.get(f"{API}/events/?page=3")
    assert response.status_code == 404
    assert "There is no page 3" in response.json()["detail"]
    assert client.get(f"{API}/events/?page=two").status_code == 400
