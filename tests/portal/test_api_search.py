"""`/api/v1/search/` and the lists' `search` parameter: the site search's engine for others."""

import pytest

from tests import factories as f
from tests.api import API, SITE, list_queries, results

pytestmark = [pytest.mark.django_db, pytest.mark.search]


def test_mixed_results_come_with_their_kind_page_and_api_address(client, demo):
    response = client.get(f"{API}/search/?q=Bologna")
    body = response.json()
    assert body["counts"] == {"organisation": 1, "event": 1, "article": 1}
    assert body["count"] == 3 and body["suggestion"] is None
    by_kind = {row["kind"]: row for row in body["results"]}
    event = by_kind["event"]
    assert event["title"] == "INNO INFRA SHARE kick-off meeting"
    assert event["url"] == f"{SITE}/en/events/inno-infra-share-kick-off-bologna/"
    assert event["api_url"] == f"{SITE}/api/v1/events/inno-infra-share-kick-off-bologna/"
    assert by_kind["organisation"]["place"] == "Bologna"
    assert "<mark>Bologna</mark>" in by_kind["organisation"]["snippet"]


def test_a_kind_narrows_the_results_and_a_typo_gets_a_suggestion(client, demo):
    body = client.get(f"{API}/search/?q=Lombrady&kind=region").json()
    assert [row["title"] for row in body["results"]] == ["Lombardy"]
    assert body["suggestion"] == "lombardy"
    assert body["counts"]["region"] == 1 and len(body["counts"]) > 1


def test_results_are_in_the_language_asked_for(client, demo):
    body = client.get(f"{API}/search/?q=Lombardije&kind=region&lang=nl").json()
    row = body["results"][0]
    assert row["title"] == "Lombardije"
    assert row["url"] == f"{SITE}/nl/regions/lombardy/"


def test_a_milestone_leads_to_its_place_on_the_cooperation_page(client, demo):
    row = results(client.get(f"{API}/search/?q=Hingene"))[0]
    assert row["kind"] == "milestone" and row["api_url"] is None
    assert "#milestone-" in row["url"]


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("", "q", "Give the words to search for."),
        ("q=" + "a" * 201, "q", "Search for at most 200 characters, not 201."),
        ("q=chemistry&kind=spaceship", "kind", "There is no kind “spaceship”"),
    ],
)
def test_bad_input_is_refused_naming_the_parameter(client, query, field, message):
    response = client.get(f"{API}/search/?{query}")
    assert response.status_code == 400
    assert message in response.json()[field][0]


def test_the_lists_search_parameter_uses_the_same_engine(client, demo):
    # A typo, a place and a language the list's own fields never held before.
    assert [row["slug"] for row in results(client.get(f"{API}/regions/?search=Lombrady"))] == [
        "lombardy"
    ]
    events = results(client.get(f"{API}/events/?search=Bologna"))
    assert [row["slug"] for row in events] == ["inno-infra-share-kick-off-bologna"]
    # An ordering asked for replaces the ranking.
    ordered = results(client.get(f"{API}/organisations/?search=region&ordering=name"))
    names = [row["name"] for row in ordered]
    assert names == sorted(names) and len(names) > 1


def test_the_search_costs_the_same_queries_however_many_results(client):
    for n in range(5):
        f.EventFactory(title=f"Hydrogen day {n}")
    few = list_queries(client, f"{API}/search/?q=hydrogen")
    for n in range(60):
        f.EventFactory(title=f"Hydrogen week {n}")
    assert list_queries(client, f"{API}/search/?q=hydrogen") == few
