"""Filters, search and ordering narrow and sort what the lists return."""

import datetime

import pytest

from tests import factories as f
from tests.api.conftest import API, results, slugs

pytestmark = pytest.mark.django_db


def test_events_by_project_region_country_and_type(demo, client):
    every = slugs(client.get(f"{API}/events/"))
    s3chem = slugs(client.get(f"{API}/events/?project=s3chem"))
    assert "s3chem-11th-iwg-brussels-2018" in s3chem
    assert "inno-infra-share-kick-off-bologna" not in s3chem
    assert set(s3chem) < set(every)
    in_brussels = slugs(client.get(f"{API}/events/?region=brussels"))
    in_belgium = slugs(client.get(f"{API}/events/?country=BE"))
    assert "s3chem-11th-iwg-brussels-2018" in in_brussels
    # The study visit went to Ghent and Heverlee: in Belgium, not in Brussels.
    assert set(in_belgium) - set(in_brussels) == {"inno-infra-share-study-visit-be-nl-2017"}
    assert "s3chem-11th-iwg-brussels-2018" not in slugs(client.get(f"{API}/events/?country=IT"))
    working_groups = results(client.get(f"{API}/events/?type=working_group"))
    assert working_groups and {e["type"] for e in working_groups} == {"working_group"}


def test_a_region_filter_takes_in_the_regions_within_it(db, client):
    country = f.RegionFactory(type="nuts0", nuts_code="BE", slug="belgium")
    province = f.RegionFactory(type="nuts1", nuts_code="BE2", slug="flemish", parent=country)
    f.EventFactory(slug="in-the-country", region=country)
    f.EventFactory(slug="in-the-province", region=province)
    f.EventFactory(slug="elsewhere", region=f.RegionFactory())
    assert slugs(client.get(f"{API}/events/?region=belgium")) == [
        "in-the-country",
        "in-the-province",
    ]
    assert slugs(client.get(f"{API}/events/?region=flemish")) == ["in-the-province"]


def test_events_by_start_dates(demo, client):
    in_2018 = slugs(client.get(f"{API}/events/?starts_after=2018-01-01&starts_before=2019-01-01"))
    assert "s3chem-11th-iwg-brussels-2018" in in_2018
    assert "inno-infra-share-kick-off-bologna" not in in_2018
    after = slugs(client.get(f"{API}/events/?starts_after=2018-11-22T00:00:00%2B01:00"))
    assert after[0] == "s3chem-11th-iwg-brussels-2018"


def test_upcoming_events(db, client):
    now = datetime.datetime.now(datetime.UTC)
    f.EventFactory(slug="last-year", starts_at=now - datetime.timedelta(days=365))
    f.EventFactory(slug="next-month", starts_at=now + datetime.timedelta(days=30))
    assert slugs(client.get(f"{API}/events/?upcoming=true")) == ["next-month"]
    assert slugs(client.get(f"{API}/events/?upcoming=false")) == ["last-year"]


def test_good_practices_by_theme_region_and_project(demo, client):
    lombardy = "lombardy-research-and-innovation-law"
    practice = client.get(f"{API}/good-practices/{lombardy}/").json()
    theme = practice["themes"][0]["slug"]
    assert slugs(client.get(f"{API}/good-practices/?theme={theme}")) == [lombardy]
    assert slugs(client.get(f"{API}/good-practices/?region=lombardy")) == [lombardy]
    assert slugs(client.get(f"{API}/good-practices/?region=catalonia")) == []
    assert slugs(client.get(f"{API}/good-practices/?project=s3chem")) == [lombardy]
    assert slugs(client.get(f"{API}/good-practices/?project=inno-infra-share")) == []


def test_organisations_by_type_region_and_project(demo, client):
    s3chem = slugs(client.get(f"{API}/organisations/?project=s3chem&page_size=100"))
    assert "mw-saxony-anhalt" in s3chem and "imec" not in s3chem
    in_flanders = slugs(client.get(f"{API}/organisations/?region=flanders&page_size=100"))
    assert "flanders-make" in in_flanders and "mw-saxony-anhalt" not in in_flanders
    rtos = results(client.get(f"{API}/organisations/?type=rto&page_size=100"))
    assert rtos and {o["type"] for o in rtos} == {"rto"}


def test_search_uses_the_site_search(demo, client):
    found = slugs(client.get(f"{API}/good-practices/?search=lombardy"))
    assert found == ["lombardy-research-and-innovation-law"]
    # Words are stemmed in the reader's language, as in the site search.
    assert "lombardy-research-and-innovation-law" in slugs(
        client.get(f"{API}/good-practices/?search=laws")
    )
    assert slugs(client.get(f"{API}/events/?search=zzzzqqq")) == []


def test_ordering(demo, client):
    oldest_first = slugs(client.get(f"{API}/events/"))
    assert slugs(client.get(f"{API}/events/?ordering=-starts_at")) == oldest_first[::-1]
    names = [r["name"] for r in results(client.get(f"{API}/regions/?ordering=-name&page_size=100"))]
    assert names == sorted(names, reverse=True)
