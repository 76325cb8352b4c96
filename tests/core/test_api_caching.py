"""Conditional requests and caching: consumers and the portal both skip repeated work."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tests.api import API

pytestmark = pytest.mark.django_db

EVENT = f"{API}/events/s3chem-11th-iwg-brussels-2018/"


@pytest.mark.parametrize("url", [f"{API}/events/", EVENT])
def test_a_matching_etag_gets_304(demo, client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag


def test_consumers_may_cache_a_few_minutes(demo, client):
    response = client.get(f"{API}/events/")
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Accept-Language" in response["Vary"] and "Accept" in response["Vary"]


def test_a_repeated_request_is_answered_without_the_database(demo, client):
    client.get(f"{API}/events/?project=s3chem")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{API}/events/?project=s3chem")
    assert response.status_code == 200
    assert len(queries) == 0


def test_any_change_of_content_gives_a_new_etag_and_new_content(
    demo, client, django_capture_on_commit_callbacks
):
    etag = client.get(EVENT)["ETag"]
    event = Event.objects.get(slug="s3chem-11th-iwg-brussels-2018")
    event.title_en = "Renamed"
    with django_capture_on_commit_callbacks(execute=True):  # as when the save commits
        event.save()
    response = client.get(EVENT, headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag
    assert response.json()["title"] == "Renamed"


def test_each_language_is_cached_apart(demo, client):
    assert client.get(f"{EVENT}?lang=nl").json()["title"].startswith("S3Chem: 11e")
    assert client.get(EVENT).json()["title"].startswith("S3Chem: 11th")
    assert (
        client.get(EVENT, headers={"Accept-Language": "nl"})
        .json()["title"]
        .startswith("S3Chem: 11e")
    )


def test_errors_are_not_cached(demo, client):
    response = client.get(f"{API}/events/?project=nope")
    assert response.status_code == 400
    assert "public" not in response.get("Cache-Control", "")
