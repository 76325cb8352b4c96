"""An event known only by month, season or year is never given an invented day."""

import datetime
import json
import re

import pytest

from tests.factories import BRUSSELS, EventFactory

pytestmark = pytest.mark.django_db


def _event(precision):
    return EventFactory(
        title="Kick-off in Bologna",
        starts_at=datetime.datetime(2017, 3, 1, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2017, 3, 1, 23, 59, tzinfo=BRUSSELS),
        date_precision=precision,
    )


def _json_ld(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html)[1])


@pytest.mark.parametrize(
    ("precision", "start"), [("month", "2017-03"), ("season", "2017"), ("year", "2017")]
)
def test_structured_data_gives_the_date_only_as_precisely_as_known(client, precision, start):
    event = _event(precision)
    data = _json_ld(client.get(f"/en/events/{event.slug}/").content.decode())
    assert (data["startDate"], data["endDate"]) == (start, start)


@pytest.mark.parametrize("precision", ["month", "season", "year"])
def test_no_calendar_file_is_offered_without_a_day(client, precision):
    event = _event(precision)
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "calendar.ics" not in html
    response = client.get(f"/en/events/{event.slug}/calendar.ics")
    assert response.status_code == 404
    assert (
        f"The date of “Kick-off in Bologna” is known only as “{event.when_display()}”"
        in response.content.decode()
    )


def test_an_event_with_a_day_keeps_its_calendar_file(client):
    event = EventFactory()
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert f'href="/en/events/{event.slug}/calendar.ics"' in html
    assert client.get(f"/en/events/{event.slug}/calendar.ics").status_code == 200
