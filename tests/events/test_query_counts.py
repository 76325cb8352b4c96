"""No page of the programme or the registration runs more queries because it shows more."""

import datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events import links
from tests import factories
from tests.api import API
from tests.events.conftest import sign_up

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _assert_constant(client, url, make, few=3, many=25):
    for _ in range(few):
        make()
    # The first request fills process-wide caches (the content types of generic relations).
    _queries(client, url)
    before = _queries(client, url)
    for _ in range(many - few):
        make()
    after = _queries(client, url)
    assert before == after, f"{url}: {before} queries with {few} rows, {after} with {many}"


def _session(event, n=[0], **kwargs):  # noqa: B006 - a counter across calls
    n[0] += 1
    start = event.starts_at + datetime.timedelta(minutes=n[0] % 400)
    session = factories.SessionFactory(
        event=event, starts_at=start, ends_at=start + datetime.timedelta(minutes=30), **kwargs
    )
    session.chairs.add(factories.PersonFactory())
    talk = factories.PresentationFactory(session=session)
    talk.speakers.add(factories.PersonFactory(), factories.PersonFactory())
    factories.DocumentFactory(owner=talk, kind="presentation")
    return session


def test_event_page_with_a_growing_programme(client, event):
    _assert_constant(client, f"/en/events/{event.slug}/", lambda: _session(event))


def test_session_page_with_growing_presentations(client, event):
    session = _session(event)

    def grow():
        talk = factories.PresentationFactory(session=session)
        talk.speakers.add(factories.PersonFactory())
        factories.DocumentFactory(owner=talk)
        session.chairs.add(factories.PersonFactory())

    _assert_constant(client, f"/en/events/{event.slug}/sessions/{session.pk}/", grow)


def test_registration_form_with_growing_sessions(client, event):
    _assert_constant(
        client, f"/en/events/{event.slug}/register/", lambda: _session(event, selectable=True)
    )


def test_personal_page_with_growing_sessions(client, event):
    registration = sign_up(event, "ada@example.org")
    sessions = []

    def grow():
        sessions.append(_session(event, selectable=True))
        from events.services import registration as services

        services.registration_change(registration=registration, data={}, sessions=sessions)

    _assert_constant(client, links.personal_path(registration), grow)


@pytest.fixture
def organiser(client, communication_manager):
    client.force_login(communication_manager)
    return communication_manager


def _registrant(event, sessions, n=[0]):  # noqa: B006 - a counter across calls
    n[0] += 1
    region = factories.RegionFactory(country="BE")
    sign_up(event, f"p{n[0]}@example.org", sessions=sessions, country="BE", region=region)


@pytest.mark.parametrize(
    "page",
    [
        "participants/",
        "participants/export.csv",
        "participants/export.xlsx",
        "check-in/",
        "participants/message/",
    ],
)
def test_organisers_pages_with_growing_registrations(client, organiser, config, page):
    config.capacity = 10
    config.save()
    event = config.event
    sessions = [_session(event, selectable=True, capacity=4) for _ in range(2)]
    _assert_constant(
        client, f"/en/events/{event.slug}/{page}", lambda: _registrant(event, sessions)
    )


def test_events_i_organise(client, organiser, project):
    _assert_constant(
        client,
        "/en/events/organise/",
        lambda: factories.RegistrationSettingsFactory(event__project=project),
    )


def test_events_api_with_registration(client, project):
    def make():
        config = factories.RegistrationSettingsFactory(event__project=project)
        sign_up(config.event, "someone@example.org")

    _assert_constant(client, f"{API}/events/?page_size=100", make)


def test_calendar_feed_with_sessions(client, event):
    _assert_constant(client, "/en/events/calendar.ics?sessions=1", lambda: _session(event))
