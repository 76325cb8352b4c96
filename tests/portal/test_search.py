"""Site search: what the visitor types is validated before it reaches PostgreSQL."""

import re

import pytest

from tests import factories as f

pytestmark = [pytest.mark.django_db, pytest.mark.search]


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


def test_results_are_counted_by_kind_and_filtered_by_one(client):
    f.EventFactory(title="Hydrogen summit")
    f.EventFactory(title="Hydrogen day")
    f.ArticleFactory(title="Hydrogen news")
    html = client.get("/en/search/?q=hydrogen").content.decode()
    assert "3 results" in html
    assert re.search(r'aria-current="page">Everything <span class="count">3</span>', html)
    assert 'href="?q=hydrogen&amp;kind=event">Events <span class="count">2</span>' in html
    assert 'href="?q=hydrogen&amp;kind=article">News <span class="count">1</span>' in html
    events = client.get("/en/search/?q=hydrogen&kind=event").content.decode()
    assert "2 results" in events and "Hydrogen news" not in events
    assert 'aria-current="page">Events <span class="count">2</span>' in events
    # The counts of the other kinds stay, to switch to them.
    assert 'News <span class="count">1</span>' in events


def test_an_unknown_kind_is_refused_by_name(client):
    response = client.get("/en/search/?q=hydrogen&kind=spaceships")
    assert response.status_code == 400
    assert "There is no kind of result “spaceships”" in response.content.decode()


def test_the_passage_shows_why_a_result_matched_escaped(client):
    f.EventFactory(title="Matchmaking", summary="Costs < 5 € & <b>hydrogen</b> for all.")
    html = client.get("/en/search/?q=hydrogen").content.decode()
    assert "Costs &lt; 5 € &amp;  <mark>hydrogen</mark>" in html
    assert "<b>" not in html


def test_the_header_field_suggests_titles_as_options_of_a_listbox(client):
    f.EventFactory(title="Hydrogen summit")
    f.ArticleFactory(title="Hydrogen news")
    html = client.get("/en/search/suggestions/?q=hydro").content.decode()
    assert html.count('role="option"') == 3  # two titles and "all results"
    assert 'data-href="/en/events/' in html and "Hydrogen summit" in html
    assert 'data-href="/en/search/?q=hydro"' in html
    assert "All results for “hydro”" in html


@pytest.mark.parametrize("typed", ["", "%00", "a" * 300, "!!!"])
def test_the_suggestions_never_refuse_what_is_being_typed(client, typed):
    response = client.get(f"/en/search/suggestions/?q={typed}")
    assert response.status_code == 200
    assert 'role="option"' not in response.content.decode()


def test_the_header_field_is_a_combobox_on_every_page(client):
    html = client.get("/en/").content.decode()
    assert 'role="combobox" aria-autocomplete="list" aria-expanded="false"' in html
    assert 'aria-controls="site-search-listbox"' in html
    assert 'hx-get="/en/search/suggestions/"' in html
    assert 'hx-trigger="input changed delay:250ms"' in html
