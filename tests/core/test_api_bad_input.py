"""Bad input gets 400 or 404 with a JSON body naming the problem, never a 500."""

import pytest

from tests.api import API

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "parameter", "message"),
    [
        ("project=no-such-project", "project", "There is no project “no-such-project”."),
        ("region=atlantis", "region", "There is no region “atlantis”."),
        ("type=party", "type", "party is not one of the available choices"),
        ("country=XX", "country", "XX is not one of the available choices"),
        ("starts_after=yesterday", "starts_after", "Enter a valid date/time."),
        ("starts_before=2018-13-45", "starts_before", "Enter a valid date/time."),
        ("upcoming=maybe", "upcoming", "maybe is not one of the available choices"),
        (
            "ordering=title",
            "ordering",
            "Cannot order by title; use ends_at, starts_at, updated_at.",
        ),
        ("lang=fr", "lang", "Ask for one of nl, en, de, not “fr”."),
        ("search=" + "x" * 201, "search", "Search for at most 200 characters, not 201."),
        ("search=a%00b", "search", "Null characters are not allowed."),
    ],
)
def test_a_bad_query_parameter_is_refused_by_name(demo, client, query, parameter, message):
    response = client.get(f"{API}/events/?{query}")
    assert response.status_code == 400
    assert message in response.json()[parameter][0]


@pytest.mark.parametrize(
    "path",
    [
        "/events/no-such-event/",
        "/good-practices/no-such-practice/",
        "/documents/999999/",
        "/documents/99999999999999999999999/",
        "/documents/not-a-number/",
        "/events/ünïcode/",
        "/no-such-endpoint/",
    ],
)
def test_an_unknown_address_is_a_json_404(demo, client, path):
    response = client.get(f"{API}{path}")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["detail"]


def test_writing_is_not_allowed(demo, client):
    response = client.post(f"{API}/events/", {"title": "Mine"})
    assert response.status_code == 405
    assert response.json()["detail"] == 'Method "POST" not allowed.'
    assert client.delete(f"{API}/events/s3chem-11th-iwg-brussels-2018/").status_code == 405


def test_an_unknown_format_is_refused(demo, client):
    assert client.get(f"{API}/events/", HTTP_ACCEPT="text/csv").status_code == 406


def test_times_postgresql_cannot_hold_are_handled(demo, client):
    # An offset of +23:52 is ISO 8601 but beyond PostgreSQL's; it is read in UTC first.
    assert client.get(f"{API}/events/?starts_before=2018-09-13T12:53:17%2B23:52").status_code == 200
    response = client.get(f"{API}/events/?starts_after=0001-01-01T00:00:00%2B01:00")
    assert response.status_code == 400
    assert response.json() == {"starts_after": ["Give a time within the years 1 to 9999."]}
