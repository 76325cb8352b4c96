"""Site search: what the visitor types is validated before it reaches PostgreSQL."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_nul_byte_is_refused_with_a_clear_message(client):
    response = client.get("/en/search/?q=chem%00istry")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your search contains a null character" in html
    assert 'aria-invalid="true" aria-describedby="search-q-error"' in html
    assert 'id="search-q-error"' in html
    assert "\x00" not in html


def test_a_search_too_long_is_refused_naming_both_lengths(client):
    response = client.get("/en/search/?q=" + "a" * 201)
    assert response.status_code == 400
    assert "Your search is 201 characters long; please use at most 200." in (
        response.content.decode()
    )


def test_surrounding_spaces_do_not_count(client):
    f.EventFactory(title="Chemistry summit")
    response = client.get("/en/search/?q=" + "+" * 300 + "chemistry")
    assert response.status_code == 200
    assert "Chemistry summit" in response.content.decode()


def test_results_are_paginated_and_the_query_stays_in_the_links(client):
    for n in range(60):
        f.EventFactory(title=f"Chemistry day {n}", summary="A day about chemistry.")
    first = client.get("/en/search/?q=chemistry").content.decode()
    assert "60 results" in first
    assert first.count('<span class="badge">Event</span>') == 20
    assert 'href="?q=chemistry&amp;page=2"' in first
    last = client.get("/en/search/?q=chemistry&page=3").content.decode()
    assert '<ol class="search-results" start="41">' in last
    assert last.count('<span class="badge">Event</span>') == 20
    assert "<mark>chemistry</mark>" in last.lower()
