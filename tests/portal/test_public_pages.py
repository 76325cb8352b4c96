import re

import icalendar
import pytest
from django.core.cache import cache

from tests import factories as f

pytestmark = pytest.mark.django_db


# Each public page with the title it must carry; og:title repeats it.
PAGES = [
    ("/en/", "Regions working together on innovation"),
    ("/nl/", "Regio’s die samenwerken aan innovatie"),
    ("/de/", "Regionen, die bei der Innovation zusammenarbeiten"),
    ("/en/projects/", "Projects"),
    ("/en/projects/s3chem/", "S3Chem – Smart Chemistry Specialisation Strategy"),
    ("/en/projects/inno-infra-share/", "INNO INFRA SHARE – Sharing Strategies for European"),
    ("/en/regions/", "Regions"),
    ("/en/regions/saxony-anhalt/", "Saxony-Anhalt"),
    ("/en/regions/metropole-ruhr/", "Metropole Ruhr"),
    ("/en/organisations/flanders-make/", "Flanders Make"),
    ("/en/cooperations/flanders-netherlands/", "Flanders–Netherlands cooperation on economy"),
    ("/en/events/?when=past", "Past events"),
    ("/en/events/s3chem-11th-iwg-brussels-2018/", "S3Chem: 11th Interregional Working Group"),
    ("/en/good-practices/", "Good practices"),
    ("/en/good-practices/lombardy-research-and-innovation-law/", "“Lombardy is Research"),
    ("/en/infrastructure/", "R&I infrastructure catalogue"),
    ("/en/infrastructure/imec-laboratories-heverlee/", "imec laboratories, Heverlee"),
    ("/en/news/", "News"),
    ("/en/news/s3chem-partners-meet-in-brussels/", "S3Chem partners shape their action plans"),
    ("/en/map/", "Map of the network"),
    ("/en/search/?q=chemistry", "Search"),
]
GENERIC_DESCRIPTION = "Regions and their partners working together on innovation across Europe"


def _meta(html: str, attribute: str, name: str) -> str:
    return re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)"', html)[1]


@pytest.mark.parametrize(("url", "title"), PAGES)
def test_every_public_page_has_its_own_title_description_and_open_graph(demo, client, url, title):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    site_name = _meta(html, "property", "og:site_name")
    page_title = re.search(r"<title>(.*?)</title>", html)[1]
    assert page_title.startswith(title) and page_title.endswith(f" · {site_name}")
    assert _meta(html, "property", "og:title").startswith(title)
    if "working together" not in title:  # the home page is described by the site's own words
        assert not _meta(html, "name", "description").startswith(GENERIC_DESCRIPTION)
        assert not _meta(html, "property", "og:description").startswith(GENERIC_DESCRIPTION)
    assert _meta(html, "property", "og:description").strip()
    assert 'hreflang="de" href="http://localhost:8000/de/' in html


@pytest.mark.parametrize(
    ("url", "canonical"),
    [
        ("/en/events/", "/en/events/"),
        ("/en/events/?when=past", "/en/events/?when=past"),
        ("/en/events/?when=past&project=s3chem", "/en/events/?when=past"),
        ("/en/events/?when=past&page=abc", "/en/events/?when=past"),
        ("/en/search/?q=chemistry", "/en/search/"),
        ("/en/regions/saxony-anhalt/", "/en/regions/saxony-anhalt/"),
    ],
)
def test_the_canonical_address_keeps_what_decides_the_page(demo, client, url, canonical):
    html = client.get(url).content.decode()
    expected = "http://localhost:8000" + canonical.replace("&", "&amp;")
    assert f'<link rel="canonical" href="{expected}">' in html
    assert f'<meta property="og:url" content="{expected}">' in html


def test_the_second_page_of_a_list_is_canonical_to_itself(client):
    for n in range(25):
        f.EventFactory(slug=f"event-page-{n}")
    html = client.get("/en/events/?page=2").content.decode()
    assert '<link rel="canonical" href="http://localhost:8000/en/events/?page=2">' in html


def test_the_event_page_gives_date_place_programme_and_structured_data(demo, client):
    html = client.get("/en/events/s3chem-11th-iwg-brussels-2018/").content.decode()
    assert "22 November 2018" in html
    assert "Representation of the State of Saxony-Anhalt to the EU" in html
    assert "Laurent de Mercey" in html
    assert '<script type="application/ld+json">' in html
    assert '"@type": "Event"' in html and '"startDate": "2018-11-22"' in html
    assert 'type="text/calendar"' in html


def test_dates_are_formatted_for_the_reader_language(demo, client):
    assert (
        "22 november 2018"
        in client.get("/nl/events/s3chem-11th-iwg-brussels-2018/").content.decode()
    )
    assert (
        "22. November 2018"
        in client.get("/de/events/s3chem-11th-iwg-brussels-2018/").content.decode()
    )


def test_an_event_known_only_by_season_says_so(demo, client):
    html = client.get("/en/events/inno-infra-share-kick-off-bologna/").content.decode()
    assert "Spring 2017" in html


def test_the_ics_download_is_a_valid_calendar(demo, client):
    response = client.get("/en/events/s3chem-closing-conference-halle-2019/calendar.ics")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == "S3Chem phase 1 closing conference"
    assert event.decoded("DTSTART").isoformat() == "2019-02-26"
    assert event.decoded("DTEND").isoformat() == "2019-02-28"  # exclusive end
    assert "Halle (Saale)" in str(event["LOCATION"])
    assert str(event["UID"]).startswith("event-")


def test_german_readers_see_english_text_marked_as_such(client):
    # The demo is in all three languages; content entered later may not be.
    f.ProjectFactory(
        slug="later", title_en="Written later", title_nl="Later geschreven", title_de=""
    )
    html = client.get("/de/projects/later/").content.decode()
    assert '<span lang="en">Written later</span>' in html
    assert 'class="fallback-note"' in html
    dutch = client.get("/nl/projects/later/").content.decode()
    assert "Later geschreven" in dutch
    assert 'class="fallback-note"' not in dutch.split("<main")[1].split("Partners")[0]


def test_german_readers_of_the_demo_read_german(demo, client):
    html = client.get("/de/projects/s3chem/").content.decode()
    assert "Strategie zur intelligenten Spezialisierung in der Chemie" in html
    assert 'class="fallback-note"' not in html.split("<main")[1].split("<footer")[0]


def test_the_language_switcher_stays_on_the_same_page(demo, client):
    html = client.get("/en/regions/saxony-anhalt/").content.decode()
    assert 'href="/de/regions/saxony-anhalt/" lang="de"' in html
    assert 'href="/nl/regions/saxony-anhalt/" lang="nl"' in html


def test_private_contacts_stay_private(client):
    organisation = f.OrganisationFactory()
    organisation.contacts.create(name="Hidden Person", email="hidden@example.org")
    organisation.contacts.create(name="Public Person", email="public@example.org", is_public=True)
    html = client.get(f"/en/organisations/{organisation.slug}/").content.decode()
    assert "Public Person" in html and "public@example.org" in html
    assert "Hidden Person" not in html and "hidden@example.org" not in html


def test_proposed_and_declined_practices_are_not_public(client):
    proposed = f.GoodPracticeFactory(status="proposed", title="Secret draft")
    f.GoodPracticeFactory(status="declined", decline_reason="Out of scope", title="Declined one")
    assert "Secret draft" not in client.get("/en/good-practices/").content.decode()
    assert client.get(f"/en/good-practices/{proposed.slug}/").status_code == 404


def test_filters_narrow_the_list_and_stay_in_the_url(demo, client):
    html = client.get("/en/events/?when=past&project=inno-infra-share").content.decode()
    assert "INNO INFRA SHARE study visit" in html
    assert "11th Interregional Working Group" not in html
    assert 'value="inno-infra-share" selected' in html
    practices = client.get("/en/good-practices/?q=quadruple+helix").content.decode()
    assert "Lombardy is Research and Innovation" in practices
    assert "1 good practice" in practices
    empty = client.get("/en/good-practices/?q=zeppelin").content.decode()
    assert "No good practices match these filters." in empty


def test_search_finds_through_typos_and_compounds(demo, client):
    assert (
        "Smart Chemistry Specialisation Strategy"
        in client.get("/en/search/?q=chemstry").content.decode()
    )
    dutch = client.get("/nl/search/?q=innovatie").content.decode()
    assert "Lombardije is Onderzoek en Innovatie" in dutch
    highlighted = client.get("/en/search/?q=quadruple").content.decode()
    assert "<mark>quadruple</mark>" in highlighted.lower()


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/en/events/?project=no-such-project", 400, "Select a valid choice"),
        ("/en/events/?type=banquet", 400, "Select a valid choice"),
        ("/en/events/?start=2020-01-01&end=2019-01-01", 400, "The date range runs backwards"),
        ("/en/events/?start=yesterday", 400, "Enter a valid date"),
        ("/en/good-practices/?region=atlantis", 400, "Select a valid choice"),
        ("/en/infrastructure/?kind=spaceport", 400, "Select a valid choice"),
        ("/en/regions/?country=XX", 400, "Select a valid choice"),
        ("/en/search/?q=" + "a" * 2000, 400, "2000 characters long"),
        ("/en/good-practices/?q=" + "a" * 2000, 400, "at most 200 characters"),
        ("/en/events/?when=past&page=9999", 200, "GROW your REGIOn"),
        ("/en/events/?when=past&page=abc", 200, "S3Chem phase 1 closing conference"),
        ("/en/events/no-such-event/", 404, "Page not found"),
        ("/en/projects/no-such-project/", 404, "Page not found"),
        ("/en/regions/no-such-region/", 404, "Page not found"),
        ("/en/events/no-such-event/calendar.ics", 404, "Page not found"),
    ],
)
def test_bad_input_gets_a_clear_answer_never_a_500(demo, client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert message in response.content.decode()


def test_sitemap_and_robots(demo, client):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert "/en/projects/s3chem/" in sitemap and "/nl/projects/s3chem/" in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots


def test_anonymous_pages_are_cached_and_answer_conditional_requests(
    client, django_capture_on_commit_callbacks
):
    event = f.EventFactory(title="Cached event")
    first = client.get("/en/events/")
    assert first.status_code == 200 and "ETag" in first
    assert "public" in first["Cache-Control"]
    again = client.get("/en/events/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    event.title = "Renamed event"
    with django_capture_on_commit_callbacks(execute=True):
        event.save()
    changed = client.get("/en/events/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert "Renamed event" in changed.content.decode()


def test_the_cache_serves_without_touching_the_database(client, django_assert_num_queries):
    f.EventFactory()
    client.get("/en/events/")
    with django_assert_num_queries(0):
        assert client.get("/en/events/").status_code == 200
    cache.clear()


def test_a_flushed_cache_never_brings_back_an_old_page(client):
    event = f.EventFactory(title="First title")
    assert "First title" in client.get("/en/events/").content.decode()
    cache.clear()  # Redis restarted or flushed: the version starts afresh
    event.title = "Second title"
    event.save()  # in the test's transaction: the version is bumped on commit, never here
    cache.clear()
    assert "Second title" in client.get("/en/events/").content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/en/events/?project=%00",
        "/en/events/?region=%00",
        "/en/events/?type=%00",
        "/en/events/?start=%00",
        "/en/good-practices/?q=%00",
        "/en/good-practices/?theme=%00",
        "/en/good-practices/?project=%00",
        "/en/infrastructure/?q=%00",
        "/en/infrastructure/?domain=%00",
        "/en/infrastructure/?access=%00",
        "/en/regions/?country=%00",
        "/en/regions/?project=%00",
        "/en/projects/?theme=%00",
    ],
)
def test_a_nul_byte_in_a_filter_is_a_clear_400(client, url):
    # PostgreSQL cannot compare text with a NUL character: each filter must refuse it
    # before the query is built.
    response = client.get(url)
    assert response.status_code == 400
    assert "field--error" in response.content.decode()


@pytest.mark.parametrize("url", ["/en/news/?page=%00", "/en/events/?when=%00&page=%00"])
def test_a_nul_byte_where_nothing_is_filtered_changes_nothing(client, url):
    assert client.get(url).status_code == 200
