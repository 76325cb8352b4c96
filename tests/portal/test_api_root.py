"""The API's root, which lists every endpoint, and the documents hung on pages of every app."""

import pytest

from tests import factories as f
from tests.api import API, ENDPOINTS, SITE, list_queries, results

pytestmark = pytest.mark.django_db


def test_the_root_lists_every_endpoint_and_the_documentation(demo, client):
    root = client.get(f"{API}/").json()
    for name in ENDPOINTS:
        assert root[name] == f"{SITE}{API}/{name}/"
        assert client.get(root[name].removeprefix(SITE)).status_code == 200
    assert root["schema"] == f"{SITE}{API}/schema/"
    assert root["docs"] == f"{SITE}{API}/docs/"


def test_the_root_is_browsable(demo, client):
    response = client.get(f"{API}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert "text/html" in response["Content-Type"]
    assert f"{SITE}{API}/events/" in response.content.decode()


def test_documents_name_the_page_they_are_on(demo, client):
    documents = results(client.get(f"{API}/documents/?page_size=100"))
    assert documents
    for document in documents:
        assert document["file_url"].startswith("http")
        assert document["owner"]["url"].startswith(f"{SITE}/en/")
    milestone_documents = [d for d in documents if d["owner"]["type"] == "milestone"]
    assert milestone_documents[0]["owner"]["url"] == f"{SITE}/en/cooperations/flanders-netherlands/"
    assert milestone_documents[0]["owner"]["api_url"] is None
    one = documents[0]
    assert client.get(one["api_url"].removeprefix(SITE)).json() == one


def test_documents_on_owners_of_every_kind_in_constant_queries(client):
    # One query per kind of owner, however many documents: seven kinds from the start.
    owners = [
        f.ProjectFactory,
        f.EventFactory,
        f.RegionFactory,
        f.OrganisationFactory,
        f.InfrastructureFactory,
        f.CooperationFactory,
        f.MilestoneFactory,
    ]
    url = f"{API}/documents/?page_size=100"
    for owner in owners:
        f.DocumentFactory(owner=owner())
    list_queries(client, url)  # the first request reads the content types into memory
    few = list_queries(client, url)
    for n in range(49):
        f.DocumentFactory(owner=owners[n % len(owners)]())
    assert list_queries(client, url) == few
