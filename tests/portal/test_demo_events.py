"""The demo's programmes and its event to register for."""

import datetime
import zoneinfo

import pytest
import time_machine
from django.apps import apps
from django.utils import timezone

from events.models import Event, Registration, Session, SessionSeat
from portal.demo.loader import load_demo

pytestmark = pytest.mark.django_db
DEMO_EVENT = "demo-chemistry-regions-innovation-days"


def test_grow_your_regio_has_its_two_days_on_clusters_and_the_vanguard_initiative(demo):
    grow = Event.objects.get(slug="grow-your-regio-2015")
    days = {s.local_start.date() for s in grow.sessions.all()}
    assert days == {datetime.date(2015, 4, 27), datetime.date(2015, 4, 28)}
    titles = list(grow.sessions.order_by("starts_at").values_list("title_en", flat=True))
    assert "Cluster stories from the regions" in titles
    assert "Implementing smart specialisation strategies" in titles
    stories = grow.sessions.get(title_en="Cluster stories from the regions")
    assert (
        "Vanguard Initiative" in stories.description_en and "28 regions" in stories.description_en
    )
    dna = grow.sessions.get(title_en="Clusters are the DNA of smart specialisation")
    (talk,) = dna.presentations.all()
    assert talk.speakers.get().name == "Mikel Landabaso"
    (slides,) = talk.documents.all()
    assert slides.is_placeholder
    # The seed gives what was said, not when: every session says its timetable is the demo's.
    assert all(grow.sessions.values_list("is_demo", flat=True))
    assert "new cluster policy" in grow.report_en


def test_the_s3chem_closing_conference_in_halle_over_two_days(demo):
    halle = Event.objects.get(slug="s3chem-closing-conference-halle-2019")
    assert halle.timezone == "Europe/Berlin"
    sessions = {s.title_en: s.local_start.date() for s in halle.sessions.all()}
    assert set(sessions.values()) == {datetime.date(2019, 2, 26), datetime.date(2019, 2, 27)}
    assert "Last meeting of the Interregional Working Group" in sessions
    assert "Company visit" in sessions


def test_the_programmes_pages_say_what_is_demo_content(demo, client):
    page = client.get("/en/events/grow-your-regio-2015/").content.decode()
    assert "have times, rooms or details invented for the portal" in page
    assert "Walter Deffaa" in page
    dna = Session.objects.get(title_en="Clusters are the DNA of smart specialisation")
    session = client.get(f"/en/events/grow-your-regio-2015/sessions/{dna.pk}/").content.decode()
    assert "Demo content: the time, place or details of this session were invented" in session
    assert "demo placeholder" in session


def test_the_upcoming_demo_event_opens_for_registration_from_the_day_of_loading(demo, client):
    event = Event.objects.get(slug=DEMO_EVENT)
    assert event.is_demo
    # The day the demo was loaded (this process loads it once, maybe before midnight).
    today = timezone.localdate(event.created_at)
    berlin = zoneinfo.ZoneInfo("Europe/Berlin")
    assert event.local_start == datetime.datetime.combine(
        today + datetime.timedelta(days=30), datetime.time(0, 0), berlin
    )
    assert event.local_end.date() == today + datetime.timedelta(days=31)
    config = event.registration_settings
    assert config.is_open() and config.capacity == 12
    states = list(event.registrations.values_list("state", flat=True))
    assert states.count(Registration.State.CONFIRMED) == 10
    park = event.sessions.get(title_en="Site visit: a chemical park")
    seats = sorted(park.seats.values_list("state", flat=True))
    assert seats == ["confirmed"] * 4 + ["waiting"] * 2
    page = client.get(f"/en/events/{DEMO_EVENT}/").content.decode()
    assert "Demo content: this event was invented" in page
    assert "2 of 12 places left" in page
    form = client.get(f"/en/events/{DEMO_EVENT}/register/").content.decode()
    assert "full: you join its waiting list" in form


def test_a_second_load_on_the_same_day_changes_nothing_a_later_day_moves_the_dates(demo):
    def snapshot():
        return {
            model.__name__: list(model.objects.order_by("pk").values_list("pk", "updated_at"))
            for model in apps.get_app_config("events").get_models()
            if hasattr(model, "updated_at")
        }

    event = Event.objects.get(slug=DEMO_EVENT)
    loaded_on = event.created_at
    before = snapshot()
    with time_machine.travel(loaded_on, tick=False):
        load_demo()
    assert snapshot() == before
    start = event.starts_at
    with time_machine.travel(loaded_on + datetime.timedelta(days=3), tick=False):
        load_demo()
    event.refresh_from_db()
    assert event.starts_at == start + datetime.timedelta(days=3)
    # The registrants stay as they are, with no second copy of anyone.
    assert event.registrations.count() == 10
    assert SessionSeat.objects.filter(registration__event=event).count() == 21
