"""The programme: days and sessions in the event's time zone, a page and a calendar file
per session, the feed with sessions, and the record the page becomes afterwards."""

import datetime
import re
import zoneinfo

import icalendar
import pytest
from django.core.exceptions import ValidationError

from tests import factories

pytestmark = pytest.mark.django_db
HALLE = zoneinfo.ZoneInfo("Europe/Berlin")
LISBON = zoneinfo.ZoneInfo("Europe/Lisbon")


@pytest.fixture
def conference():
    event = factories.EventFactory(
        title="Two days in Lisbon",
        timezone="Europe/Lisbon",
        all_day=False,
        starts_at=datetime.datetime(2030, 3, 4, 9, 0, tzinfo=LISBON),
        ends_at=datetime.datetime(2030, 3, 5, 17, 0, tzinfo=LISBON),
    )
    chair = factories.PersonFactory(name="Rita Chair", bio="Chairs the network.")
    speaker = factories.PersonFactory(name="Sam Speaker", organisation_name="Lab Co")
    opening = factories.SessionFactory(
        event=event,
        kind="plenary",
        title="Opening",
        starts_at=datetime.datetime(2030, 3, 4, 9, 0, tzinfo=LISBON),
        ends_at=datetime.datetime(2030, 3, 4, 10, 0, tzinfo=LISBON),
        room="Main hall",
    )
    opening.chairs.add(chair)
    talk = factories.PresentationFactory(session=opening, title="Why clusters")
    talk.speakers.add(speaker)
    for track in ("A", "B"):
        factories.SessionFactory(
            event=event,
            kind="parallel",
            title=f"Track {track} session",
            track=f"Track {track}",
            starts_at=datetime.datetime(2030, 3, 4, 10, 30, tzinfo=LISBON),
            ends_at=datetime.datetime(2030, 3, 4, 12, 0, tzinfo=LISBON),
        )
    factories.SessionFactory(
        event=event,
        kind="study_visit",
        title="Visit to the lab",
        address="Rua do Laboratório 1",
        starts_at=datetime.datetime(2030, 3, 5, 14, 0, tzinfo=LISBON),
        ends_at=datetime.datetime(2030, 3, 5, 17, 0, tzinfo=LISBON),
    )
    return event


def _text(response) -> str:
    """The page as read: tags gone, spaces as a reader meets them."""
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))
    return re.sub(r" ([,.:;])", r"\1", text)


def test_the_event_page_shows_the_programme_day_by_day_in_the_events_time(client, conference):
    page = client.get(f"/en/events/{conference.slug}/")
    days = page.context["days"]
    assert [day.date for day in days] == [datetime.date(2030, 3, 4), datetime.date(2030, 3, 5)]
    # Two tracks at 10:30 form one slot.
    assert [len(slot.sessions) for slot in days[0].slots] == [1, 2]
    text = _text(page)
    assert "Monday 4 March 2030" in text
    assert "09:00 – 10:00 Plenary Opening Main hall Chaired by Rita Chair" in text
    assert "10:30 – 12:00 2 sessions at the same time" in text
    assert "Europe/Lisbon" in text
    assert "Speakers: Sam Speaker" in text
    # One list per day, of time slots, each a list of sessions: read in order by a screen
    # reader, side by side on a wide screen.
    html = page.content.decode()
    assert html.count('<ol class="timetable">') == 2
    assert "timetable__sessions--parallel" in html


def test_the_programme_in_german_and_dutch(client, conference):
    assert "Montag 4 März 2030" in _text(client.get(f"/de/events/{conference.slug}/")).replace(
        "4. ", "4 "
    )
    assert "maandag 4 maart 2030" in _text(client.get(f"/nl/events/{conference.slug}/"))


def test_each_session_has_a_page_and_a_calendar_file(client, conference):
    opening = conference.sessions.get(title="Opening")
    page = client.get(f"/en/events/{conference.slug}/sessions/{opening.pk}/")
    text = _text(page)
    assert "Opening" in text and "Rita Chair" in text and "Chairs the network." in text
    assert "Why clusters" in text and "Sam Speaker, Lab Co" in text
    ics = client.get(f"/en/events/{conference.slug}/sessions/{opening.pk}/calendar.ics")
    (vevent,) = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime.datetime(2030, 3, 4, 9, 0, tzinfo=LISBON)
    assert str(vevent["LOCATION"]).startswith("Main hall")
    assert str(vevent["UID"]) == f"session-{opening.pk}@localhost"


def test_a_session_of_another_event_is_404(client, conference):
    other = factories.EventFactory()
    opening = conference.sessions.get(title="Opening")
    assert client.get(f"/en/events/{other.slug}/sessions/{opening.pk}/").status_code == 404


def test_the_calendar_feed_can_include_the_sessions(client, conference):
    plain = icalendar.Calendar.from_ical(client.get("/en/events/calendar.ics").content)
    assert len(plain.walk("VEVENT")) == 1
    full = icalendar.Calendar.from_ical(client.get("/en/events/calendar.ics?sessions=1").content)
    summaries = sorted(str(v["SUMMARY"]) for v in full.walk("VEVENT"))
    assert len(summaries) == 5
    assert "Visit to the lab – Two days in Lisbon" in summaries
    bad = client.get("/en/events/calendar.ics?sessions=maybe")
    assert bad.status_code == 400
    assert b"sessions:" in bad.content


def test_after_the_event_slides_and_reports_make_the_page_a_record(client):
    event = factories.EventFactory(
        starts_at=datetime.datetime(2019, 2, 26, 9, 0, tzinfo=HALLE),
        ends_at=datetime.datetime(2019, 2, 27, 17, 0, tzinfo=HALLE),
        timezone="Europe/Berlin",
        report_en="The partners presented their action plans.",
    )
    session = factories.SessionFactory(event=event, report_en="Seven plans were presented.")
    talk = factories.PresentationFactory(session=session, title="Our plan")
    factories.DocumentFactory(owner=talk, title="Slides of our plan", kind="presentation")
    page = client.get(f"/en/events/{event.slug}/")
    text = _text(page)
    assert "What happened" in text and "The partners presented their action plans." in text
    assert "slides" in text and "report" in text
    # Registration is over and not offered.
    assert "Register" not in text
    session_page = _text(client.get(f"/en/events/{event.slug}/sessions/{session.pk}/"))
    assert "Seven plans were presented." in session_page
    assert "Slides: Slides of our plan" in session_page


def test_sessions_marked_as_demo_content_say_so(client, conference):
    conference.sessions.filter(title="Opening").update(is_demo=True)
    text = _text(client.get(f"/en/events/{conference.slug}/"))
    assert "Sessions marked “demo content” have times, rooms or details invented" in text
    assert "demo content" in text


def test_a_session_outside_the_events_days_is_refused(conference):
    session = factories.SessionFactory.build(
        event=conference,
        starts_at=datetime.datetime(2030, 3, 7, 9, 0, tzinfo=LISBON),
        ends_at=datetime.datetime(2030, 3, 7, 10, 0, tzinfo=LISBON),
    )
    with pytest.raises(ValidationError, match="outside the event's days"):
        session.full_clean()


def test_places_only_for_a_session_registrants_choose(conference):
    session = conference.sessions.get(title="Opening")
    session.capacity = 10
    with pytest.raises(ValidationError, match="Only a session that registrants choose"):
        session.full_clean()
