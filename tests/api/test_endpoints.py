"""Every endpoint, on the demo content: what a partner site would show."""

import pytest

from tests.api.conftest import API, ENDPOINTS, results, slugs

pytestmark = pytest.mark.django_db
SITE = "http://localhost:8000"


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


def test_projects_come_with_their_partners_and_roles(demo, client):
    s3chem = client.get(f"{API}/projects/s3chem/").json()
    assert s3chem["acronym"] == "S3Chem"
    assert s3chem["programme"]["slug"] == "interreg-europe-2014-2020"
    assert s3chem["start_date"] == "2016-04-01"
    lead = [p for p in s3chem["partnerships"] if p["role"] == "lead"]
    assert [p["organisation"]["slug"] for p in lead] == ["mw-saxony-anhalt"]
    assert lead[0]["region"]["slug"] == "saxony-anhalt"
    assert len({p["region"]["slug"] for p in s3chem["partnerships"]}) == 7
    assert {p["kind"] for p in s3chem["phases"]} == {1, 2}


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


def test_only_validated_good_practices_are_public(demo, client):
    from projects.models import GoodPractice
    from tests.factories import GoodPracticeFactory

    GoodPracticeFactory(slug="proposed-one", status=GoodPractice.Status.PROPOSED)
    GoodPracticeFactory(slug="declined-one", status=GoodPractice.Status.DECLINED)
    listed = slugs(client.get(f"{API}/good-practices/"))
    assert "lombardy-research-and-innovation-law" in listed
    assert "proposed-one" not in listed and "declined-one" not in listed
    assert client.get(f"{API}/good-practices/proposed-one/").status_code == 404
    assert client.get(f"{API}/good-practices/declined-one/").status_code == 404
    practice = client.get(f"{API}/good-practices/lombardy-research-and-innovation-law/").json()
    assert practice["region"]["slug"] == "lombardy"
    assert practice["project"]["slug"] == "s3chem"


def test_news(demo, client):
    articles = results(client.get(f"{API}/news/"))
    assert articles[0]["published_at"] >= articles[-1]["published_at"]
    article = client.get(f"{API}/news/s3chem-partners-meet-in-brussels/").json()
    assert article["event"]["slug"] == "s3chem-11th-iwg-brussels-2018"
    assert article["published_at"].endswith("+01:00")
    assert article["url"] == f"{SITE}/en/news/s3chem-partners-meet-in-brussels/"


def test_unpublished_news_stays_private(demo, client):
    from tests.factories import ArticleFactory

    ArticleFactory(slug="draft", is_published=False)
    assert "draft" not in slugs(client.get(f"{API}/news/?page_size=100"))
    assert client.get(f"{API}/news/draft/").status_code == 404


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


def test_themes(demo, client):
    assert "sustainable-chemistry" in slugs(client.get(f"{API}/themes/?page_size=100"))


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


def test_an_untranslated_text_falls_back_as_the_pages_do(demo, client):
    # The demo content has no German: English comes instead.
    event = client.get(f"{API}/events/s3chem-11th-iwg-brussels-2018/?lang=de").json()
    assert event["title"] == "S3Chem: 11th Interregional Working Group meeting"
    assert event["url"] == f"{SITE}/de/events/s3chem-11th-iwg-brussels-2018/"
