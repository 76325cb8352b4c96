"""What the API tests of every app share: the address, the endpoints, reading a list."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

API = "/api/v1"
SITE = "http://localhost:8000"
# Every public list the API root names.
ENDPOINTS = [
    "regions",
    "organisations",
    "themes",
    "projects",
    "good-practices",
    "events",
    "news",
    "cooperations",
    "infrastructures",
    "documents",
    "action-plans",
]


def results(response) -> list[dict]:
    assert response.status_code == 200, response.content
    return response.json()["results"]


def slugs(response) -> list[str]:
    return [row["slug"] for row in results(response)]


def list_queries(client, url) -> int:
    """How many queries one page of a list costs, read from the database, not the cache."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) >= 5
    return len(captured)


def assert_constant_queries(client, endpoint, make):
    """A list of 25 rows costs as many queries as one of 5; `make()` adds a row.

    Twenty more rows show a query per row as plainly as two hundred would, at a tenth of
    the cost: every row a factory makes is also written to the search index.
    """
    url = f"{API}/{endpoint}/?page_size=100"
    for _ in range(5):
        make()
    few = list_queries(client, url)
    for _ in range(20):
        make()
    many = list_queries(client, url)
    assert few == many, f"{url}: {few} queries for 5 rows, {many} for 25"
