"""An address under /api/ that no endpoint answers is the API's JSON 404, whatever its
characters and with DEBUG on too (as `./dev run` sets it)."""

import re

import pytest
from django.test import Client

from portal.api.urls import urlpatterns

pytestmark = pytest.mark.django_db

NOT_ASCII = "%C2%84"


def _detail_paths() -> list[str]:
    """Every API route that names an object, with a non-ASCII value in each name's place."""
    paths = []
    for pattern in urlpatterns:
        route = str(pattern.pattern).strip("^$")
        if "<" not in route:
            continue
        route = re.sub(r"\(\?P<\w+>[^)]*\)|<[\w:]+>", NOT_ASCII, route)
        paths.append(f"/api/v1/{route}")
    return paths


DETAIL_PATHS = _detail_paths()


def test_the_walk_finds_every_detail_route():
    assert "/api/v1/regions/%C2%84/" in DETAIL_PATHS
    assert "/api/v1/workspace/plans/%C2%84/actions/%C2%84/" in DETAIL_PATHS
    assert len(DETAIL_PATHS) >= 20


@pytest.mark.parametrize("debug", [False, True], ids=["production", "debug"])
@pytest.mark.parametrize("path", [*DETAIL_PATHS, "/api/v1/no-such-endpoint/", "/api/v2/"])
def test_a_path_no_endpoint_answers_is_a_json_404(client, settings, path, debug):
    settings.DEBUG = debug
    response = client.get(path, HTTP_ACCEPT="text/html")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "No API endpoint at this address."}


def test_a_list_without_its_slash_is_still_redirected(client):
    response = client.get("/api/v1/regions")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/regions/"


def test_a_write_to_a_wrong_address_is_told_the_address_is_wrong(partner_member):
    client = Client(enforce_csrf_checks=True)
    client.force_login(partner_member)
    response = client.put("/api/v1/workspace/plans/x/", "{}", content_type="application/json")
    assert response.status_code == 404
    assert response.json() == {"detail": "No API endpoint at this address."}
