"""The regions API: regions, organisations, themes, cooperations and infrastructures."""

import pytest

from tests import factories as f
from tests.api import API, SITE, assert_constant_queries, results, slugs

pytestmark = pytest.mark.django_db


def test_regions(demo, client):
    regions = {row["slug"]: row for row in results(client.get(f"{API}/regions/?page_size=100"))}
    saxony = regions["saxony-anhalt"]
    assert saxony["name"] == "Saxony-Anhalt"
    assert saxony["nuts_code"] == "DEE0"
    assert saxony["country"] == "DE"
    assert saxony["url"] == f"{SITE}/en/regions/saxony-anhalt/"
    assert saxony["api_url"] == f"{SITE}{API}/regions/saxony-anhalt/"
    assert client.get(f"{API}/regions/saxony-anhalt/").json() == saxony


def test_organisations(demo, client):
    flanders_make = client.get(f"{API}/organisations/flanders-make/").json()
    assert flanders_make["name"] == "Flanders Make"
    assert flanders_make["region"]["api_url"] == f"{SITE}{API}/regions/flanders/"
    assert flanders_make["url"] == f"{SITE}/en/organisations/flanders-make/"


def test_cooperations_come_with_their_milestones_in_date_order(demo, client):
    cooperation = client.get(f"{API}/cooperations/flanders-netherlands/").json()
    dates = [m["date"] for m in cooperation["milestones"]]
    assert dates == sorted(dates) and dates[0].startswith("2004")
    assert {r["slug"] for r in cooperation["regions"]} >= {"flanders", "netherlands"}


def test_infrastructures(demo, client):
    imec = client.get(f"{API}/infrastructures/imec-laboratories-heverlee/").json()
    assert imec["owner"]["slug"] == "imec"
    assert imec["kind"] == "laboratory"
    assert isinstance(imec["latitude"], float)


def test_themes(demo, client):
    assert "sustainable-chemistry" in slugs(client.get(f"{API}/themes/?page_size=100"))


def test_organisations_by_type_region_and_project(demo, client):
    s3chem = slugs(client.get(f"{API}/organisations/?project=s3chem&page_size=100"))
    assert "mw-saxony-anhalt" in s3chem and "imec" not in s3chem
    in_flanders = slugs(client.get(f"{API}/organisations/?region=flanders&page_size=100"))
    assert "flanders-make" in in_flanders and "mw-saxony-anhalt" not in in_flanders
    rtos = results(client.get(f"{API}/organisations/?type=rto&page_size=100"))
    assert rtos and {o["type"] for o in rtos} == {"rto"}


def test_regions_in_constant_queries(client):
    parent = f.RegionFactory(type="nuts2", nuts_code="BEZ", slug="parent")
    assert_constant_queries(client, "regions", lambda: f.RegionFactory(parent=parent))


def test_organisations_in_constant_queries(client):
    assert_constant_queries(client, "organisations", f.OrganisationFactory)


def test_themes_in_constant_queries(client):
    assert_constant_queries(client, "themes", f.ThemeFactory)


def test_cooperations_with_milestones_in_constant_queries(client):
    region, theme = f.RegionFactory(), f.ThemeFactory()

    def make():
        cooperation = f.CooperationFactory()
        cooperation.regions.add(region)
        cooperation.themes.add(theme)
        f.MilestoneFactory(cooperation=cooperation).themes.add(theme)

    assert_constant_queries(client, "cooperations", make)


def test_infrastructures_in_constant_queries(client):
    theme = f.ThemeFactory()
    assert_constant_queries(
        client, "infrastructures", lambda: f.InfrastructureFactory().themes.add(theme)
    )
