"""Many people confirming at the same moment for the last places, for real: parallel HTTP
requests to the live server, each on its own database connection."""

import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from django.db import connection

from events import links
from events.models import Registration, SessionSeat
from events.services import registration as services
from tests import factories
from tests.events.conftest import sign_up

R = Registration.State
PEOPLE, PLACES = 16, 5


def _confirm_all_at_once(base: str, paths: list[str]) -> list[int]:
    """Each person opens their link, then all press the button together."""
    start = threading.Barrier(len(paths))

    def confirm(path):
        with requests.Session() as browser:
            page = browser.get(base + path, timeout=30)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
            start.wait(timeout=30)
            response = browser.post(
                base + path,
                data={"csrfmiddlewaretoken": token},
                headers={"Referer": base + path},
                allow_redirects=False,
                timeout=60,
            )
            return response.status_code

    with ThreadPoolExecutor(max_workers=len(paths)) as pool:
        return list(pool.map(confirm, paths))


@pytest.mark.django_db(transaction=True)
def test_parallel_confirmations_never_give_more_places_than_there_are(live_server):
    config = factories.RegistrationSettingsFactory(capacity=PLACES)
    event = config.event
    people = [sign_up(event, f"person{n}@example.org", confirm=False) for n in range(PEOPLE)]
    paths = [links.confirm_url(p).removeprefix("http://localhost:8000") for p in people]

    statuses = _confirm_all_at_once(live_server.url, paths)

    assert statuses == [302] * PEOPLE
    states = list(Registration.objects.filter(event=event).values_list("state", flat=True))
    assert states.count(R.CONFIRMED) == PLACES
    assert states.count(R.WAITING) == PEOPLE - PLACES
    # The waiting list has one place in line per person, none shared.
    waiting = Registration.objects.filter(event=event, state=R.WAITING)
    assert len({(r.waiting_since, r.pk) for r in waiting}) == PEOPLE - PLACES


@pytest.mark.django_db(transaction=True)
def test_parallel_sign_ups_for_a_session_never_overfill_it():
    config = factories.RegistrationSettingsFactory(capacity=None)
    visit = factories.SessionFactory(event=config.event, selectable=True, capacity=3)
    people = [
        sign_up(config.event, f"p{n}@example.org", sessions=[visit], confirm=False)
        for n in range(12)
    ]
    start = threading.Barrier(len(people))

    def confirm(registration):
        try:
            start.wait(timeout=30)
            services.registration_confirm(registration=registration)
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(people)) as pool:
        list(pool.map(confirm, people))

    seats = list(SessionSeat.objects.filter(session=visit).values_list("state", flat=True))
    assert seats.count(SessionSeat.State.CONFIRMED) == 3
    assert seats.count(SessionSeat.State.WAITING) == 9
