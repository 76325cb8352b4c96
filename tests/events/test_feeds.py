"""The events as a calendar feed, and the widget other sites frame."""

import datetime

import icalendar
import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db
SOON = datetime.datetime.now(datetime.UTC).replace(microsecond=0) + datetime.timedelta(days=30)


def _calendar(client, url) -> icalendar.Calendar:
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def _events(cal) -> dict[str, icalendar.Event]:
    return {str(e["summary"]): e for e in cal.walk("VEVENT")}


def test_a_projects_past_events_with_their_dates(demo, client):
    cal = _calendar(client, "/en/events/calendar.ics?when=past&project=s3chem")
    assert str(cal["x-wr-calname"]) == "Events – S3Chem"
    events = _events(cal)
    meeting = events["S3Chem: 11th Interregional Working Group meeting"]
    assert meeting.decoded("dtstart") == datetime.date(2018, 11, 22)
    assert meeting.decoded("dtend") == datetime.date(2018, 11, 23)
    assert "Representation of the State of Saxony-Anhalt to the EU" in str(meeting["location"])
    assert str(meeting["url"]) == "http://localhost:8000/en/events/s3chem-11th-iwg-brussels-2018/"
    assert "INNO INFRA SHARE kick-off meeting" not in events


def test_events_known_only_by_season_or_year_stay_out_of_the_feed(demo, client):
    events = _events(_calendar(client, "/en/events/calendar.ics?when=past"))
    assert "S3Chem: 11th Interregional Working Group meeting" in events
    # Known as "spring 2017" and "2017": the feed would have to invent their days.
    assert not any("INNO INFRA SHARE" in title for title in events)


def test_uids_are_stable_across_languages(demo, client):
    english = _calendar(client, "/en/events/calendar.ics?when=past&project=s3chem")
    dutch = _calendar(client, "/nl/events/calendar.ics?when=past&project=s3chem")
    uids = sorted(str(e["uid"]) for e in english.walk("VEVENT"))
    assert uids == sorted(str(e["uid"]) for e in dutch.walk("VEVENT"))
    assert all(uid.startswith("event-") and uid.endswith("@localhost") for uid in uids)
    assert "S3Chem: 11e bijeenkomst van de Interregionale Werkgroep" in _events(dutch)


def test_upcoming_events_carry_their_time_zone(client):
    region = f.RegionFactory(slug="ghent")
    f.EventFactory(
        title="Study visit",
        starts_at=SOON,
        all_day=False,
        timezone="Europe/Brussels",
        venue="Het Pand",
        region=region,
    )
    f.EventFactory(title="Long ago", starts_at=SOON.replace(year=2015))
    f.EventFactory(title="Elsewhere", starts_at=SOON, region=f.RegionFactory())
    cal = _calendar(client, "/en/events/calendar.ics?region=ghent")
    assert list(_events(cal)) == ["Study visit"]
    visit = _events(cal)["Study visit"]
    assert visit["dtstart"].params["TZID"] == "Europe/Brussels"
    assert visit.decoded("dtstart") == SOON
    assert [str(tz["tzid"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Brussels"]
    assert str(visit["location"]) == "Het Pand, Brussels"
    assert str(cal["refresh-interval"].to_ical(), "ascii") == "PT1H"
    assert set(_events(_calendar(client, "/en/events/calendar.ics"))) == {
        "Study visit",
        "Elsewhere",
    }


def test_a_bad_filter_is_refused(db, client):
    response = client.get("/en/events/calendar.ics?project=no-such-project")
    assert response.status_code == 400
    assert response.content.decode().startswith("project:")


def test_the_events_pages_link_their_calendar(demo, client):
    html = client.get("/en/events/?project=s3chem&page=1").content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" title="These events as a calendar (iCal)"'
        ' href="/en/events/calendar.ics?project=s3chem">'
    ) in html


def test_other_sites_may_fetch_the_calendar(db, client):
    response = client.get("/en/events/calendar.ics", headers={"Origin": "https://example.org"})
    assert response["Access-Control-Allow-Origin"] == "*"


def test_the_widget_shows_a_projects_next_events_and_may_be_framed(client):
    project = f.ProjectFactory(slug="s3chem", acronym="S3Chem")
    for n in range(7):
        f.EventFactory(
            title=f"Meeting {n}", project=project, starts_at=SOON + datetime.timedelta(n)
        )
    f.EventFactory(title="Another project's", starts_at=SOON)
    for _ in range(2):  # the second answer comes from the page cache
        response = client.get("/en/events/widget/?project=s3chem&limit=3")
        assert response.status_code == 200
        assert "X-Frame-Options" not in response
        html = response.content.decode()
        assert "Upcoming events – S3Chem" in html
        assert html.count("<li>") == 3
        assert "Meeting 0" in html and "Meeting 3" not in html
        assert "Another project" not in html
        assert 'href="http://localhost:8000/en/events/' in html and 'target="_blank"' in html
    assert client.get("/en/events/")["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("query", ["limit=0", "limit=21", "limit=all", "region=atlantis"])
def test_the_widget_refuses_bad_input(db, client, query):
    assert client.get(f"/en/events/widget/?{query}").status_code == 400
