"""Filtered lists answer htmx with their results fragment, bad filters included."""

import json
import re

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db

LISTS = [
    "/en/events/",
    "/en/good-practices/",
    "/en/infrastructure/",
    "/en/regions/",
    "/en/projects/",
]
HTMX = {"HTTP_HX_REQUEST": "true"}


def _results(html: str) -> str:
    return html[html.index('<section id="results"') :]


@pytest.mark.parametrize("url", LISTS)
def test_htmx_gets_only_the_results(client, url):
    response = client.get(url, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="results"')
    assert "<html" not in html


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/en/events/?start=2020-01-01&end=2019-01-01", "The date range runs backwards"),
        ("/en/good-practices/?approach=astrology", "Select a valid choice"),
        ("/en/infrastructure/?kind=spaceport", "Select a valid choice"),
        ("/en/regions/?country=XX", "Select a valid choice"),
        ("/en/projects/?theme=no-such-theme", "Select a valid choice"),
    ],
)
def test_a_bad_filter_is_explained_inside_the_fragment_htmx_swaps(client, url, message):
    for headers in ({}, HTMX):
        response = client.get(url, **headers)
        assert response.status_code == 400
        assert message in _results(response.content.decode())


def _swaps(rules: list[dict], status: int) -> bool:
    """What htmx 2 does with a response: the first rule whose code matches decides."""
    for rule in rules:
        if re.search(rule["code"], str(status)):
            return rule.get("swap", False)
    return False


@pytest.mark.parametrize("url", LISTS)
def test_htmx_is_configured_to_swap_a_400(client, url):
    html = client.get(url).content.decode()
    config = json.loads(re.search(r"<meta name=\"htmx-config\" content='([^']+)'>", html)[1])
    rules = config["responseHandling"]
    assert _swaps(rules, 400) and _swaps(rules, 200)
    assert not _swaps(rules, 204) and not _swaps(rules, 404) and not _swaps(rules, 500)


def test_the_regions_list_filters_in_place(client):
    f.RegionFactory(name="Somewhere")
    html = client.get("/en/regions/").content.decode()
    assert 'hx-target="#results"' in html
    assert "vendor/htmx/htmx.min" in html
