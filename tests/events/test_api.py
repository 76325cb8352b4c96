"""The events API, its filters and ordering, in the language asked for."""

import datetime

import pytest

from tests import factories as f
from tests.api import API, SITE, assert_constant_queries, results, slugs

pytestmark = pytest.mark.django_db


def test_events_give_times_with_their_zone_and_links(demo, client):
    event = client.get(f"{API}/events/s3chem-11th-iwg-brussels-2018/").json()
    assert event["title"] == "S3Chem: 11th Interregional Working Group meeting"
    assert event["starts_at"] == "2018-11-22T00:00:00+01:00"
    assert event["ends_at"] == "2018-11-22T23:59:00+01:00"
    assert event["all_day"] is True
    assert event["venue"] == "Representation of the State of Saxony-Anhalt to the EU"
    assert event["project"] == {
        "slug": "s3chem",
        "acronym": "S3Chem",
        "api_url": f"{SITE}{API}/projects/s3chem/",
    }
    assert event["region"]["slug"] == "brussels"
    assert [o["slug"] for o in event["organisers"]] == ["mw-saxony-anhalt"]
    assert event["url"] == f"{SITE}/en/events/s3chem-11th-iwg-brussels-2018/"
    assert event["calendar_url"] == f"{SITE}/en/events/s3chem-11th-iwg-brussels-2018/calendar.ics"


def test_an_event_known_only_by_season_says_so(demo, client):
    event = client.get(f"{API}/events/inno-infra-share-kick-off-bologna/").json()
    assert event["date_precision"] == "season"


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


def test_ordering(demo, client):
    oldest_first = slugs(client.get(f"{API}/events/"))
    assert slugs(client.get(f"{API}/events/?ordering=-starts_at")) == oldest_first[::-1]
    names = [r["name"] for r in results(client.get(f"{API}/regions/?ordering=-name&page_size=100"))]
    assert names == sorted(names, reverse=True)


DUTCH = "S3Chem: 11e bijeenkomst van de Interregionale Werkgroep"


ENGLISH = "S3Chem: 11th Interregional Working Group meeting"


@pytest.mark.parametrize(
    ("query", "accept_language", "title"),
    [("", "nl", DUTCH), ("?lang=nl", "", DUTCH), ("?lang=en", "nl", ENGLISH), ("", "", ENGLISH)],
)
def test_texts_come_in_the_language_asked_for(demo, client, query, accept_language, title):
    response = client.get(
        f"{API}/events/s3chem-11th-iwg-brussels-2018/{query}",
        headers={"Accept-Language": accept_language} if accept_language else {},
    )
    assert response.json()["title"] == title
    assert response["Content-Language"] == ("nl" if title == DUTCH else "en")


def test_an_untranslated_text_falls_back_as_the_pages_do(client):
    # Written in English and Dutch only: German readers get English.
    f.EventFactory(slug="meeting", title_en="A meeting", title_nl="Een bijeenkomst", title_de="")
    event = client.get(f"{API}/events/meeting/?lang=de").json()
    assert event["title"] == "A meeting"
    assert event["url"] == f"{SITE}/de/events/meeting/"


def test_events_with_project_region_and_organisers_in_constant_queries(client):
    project, region, organiser = f.ProjectFactory(), f.RegionFactory(), f.OrganisationFactory()

    def make():
        f.EventFactory(project=project, region=region).organisers.add(organiser)

    assert_constant_queries(client, "events", make)
