"""Regions matched by their Eye@RIS3 priorities: on the region page and in the API."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from regions.models import PriorityDomain, Strategy
from regions.selectors import priority_peers
from tests import factories as f
from tests.api import API

pytestmark = pytest.mark.django_db


def priorities(region, nace=(), science=(), policy=()):
    strategy = Strategy.objects.create(region=region, title=f"RIS3 {region.name}")
    PriorityDomain.objects.create(
        strategy=strategy,
        name="Priority",
        economic_domains=list(nace),
        scientific_domains=list(science),
        policy_objectives=list(policy),
    )


@pytest.fixture
def regions(db):
    home = f.RegionFactory(name="Home")
    twin = f.RegionFactory(name="Twin")
    near = f.RegionFactory(name="Near")
    far = f.RegionFactory(name="Far")
    priorities(home, ["C20", "C21"], ["1"], ["kets", "health"])
    priorities(twin, ["C20", "C21"], ["1"], ["kets", "health"])
    priorities(near, ["C20", "J62"], ["2"], ["digital"])
    priorities(far, ["A01"], ["4"], ["blue"])
    return home, twin, near, far


def test_peers_are_ranked_by_the_codes_they_share_weighted_by_axis(regions):
    home, twin, near, _far = regions
    peers = priority_peers(home)
    assert [peer.region for peer in peers] == [twin, near]  # far shares nothing
    assert peers[0].score == 1.0
    # One of three economic codes in common, weighted a half; nothing on the other axes.
    assert peers[1].score == round(0.5 * 1 / 3, 3)
    assert peers[1].shared == {"economic_domains": ["C20"]}


def test_a_region_without_coded_priorities_has_no_peers(regions):
    assert priority_peers(f.RegionFactory()) == []


def test_the_region_page_shows_its_peers_with_what_they_share_and_do_together(client, regions):
    home, twin, _near, _far = regions
    project = f.ProjectFactory(acronym="CHEMNET")
    f.PartnershipFactory(project=project, region=home)
    f.PartnershipFactory(project=project, region=twin)
    f.GoodPracticeFactory(title="Twin's voucher scheme", region=twin)
    f.GoodPracticeFactory(title="A proposal", region=twin, status="proposed")
    html = client.get(f"/en/regions/{home.slug}/").content.decode()
    assert "Regions with similar priorities" in html
    assert "economic domains weigh half" in html
    section = html[html.index("Regions with similar priorities") :]
    assert section.index(">Twin<") < section.index(">Near<")
    assert "100 % match" in section
    assert "C20 · Manufacture of chemicals and chemical products" in section
    assert ">CHEMNET</a>" in section
    assert "Twin&#x27;s voucher scheme" in section
    assert "A proposal" not in section  # only validated practices are public


def test_the_peers_section_costs_the_same_queries_however_many_peers(client, regions):
    home = regions[0]

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            client.get(f"/en/regions/{home.slug}/")
        return len(captured)

    before = count()
    for _ in range(6):
        region = f.RegionFactory()
        priorities(region, ["C20"], ["1"], ["kets"])
        f.GoodPracticeFactory(region=region)
    assert count() == before


def test_the_api_gives_the_peers_with_their_score_explained(client, regions):
    home, twin, near, _far = regions
    response = client.get(f"{API}/regions/{home.slug}/peers/")
    assert response.status_code == 200
    body = response.json()
    assert body["region"]["slug"] == home.slug
    assert "economic_domains 0.5" in body["explanation"]
    first = body["results"][0]
    assert first["region"]["slug"] == twin.slug
    assert first["score"] == 1.0
    assert first["shared"] == {
        "economic_domains": ["C20", "C21"],
        "scientific_domains": ["1"],
        "policy_objectives": ["health", "kets"],
    }
    assert [peer["region"]["slug"] for peer in body["results"]] == [twin.slug, near.slug]


def test_an_unknown_region_has_no_peers_page(client):
    response = client.get(f"{API}/regions/nowhere/peers/")
    assert response.status_code == 404
