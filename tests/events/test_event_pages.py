"""The events page with nothing upcoming, past event pages, venues, news both ways."""

import datetime

import pytest
import time_machine

from tests import factories as f

pytestmark = pytest.mark.django_db

BRUSSELS = datetime.timezone(datetime.timedelta(hours=1))


def _past(**kwargs):
    start = datetime.datetime(2019, 2, 26, 9, 0, tzinfo=BRUSSELS)
    return f.EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=8), **kwargs)


@time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), tick=False)
def test_with_nothing_upcoming_the_page_says_so_and_shows_the_latest_past_events(client):
    older = _past(title="Older meeting")
    newer = f.EventFactory(
        title="Newer meeting",
        starts_at=datetime.datetime(2025, 6, 1, 9, 0, tzinfo=BRUSSELS),
        ends_at=datetime.datetime(2025, 6, 1, 17, 0, tzinfo=BRUSSELS),
    )
    html = client.get("/en/events/").content.decode()
    assert "No events are planned at the moment." in html
    assert "match these filters" not in html
    assert html.index(newer.title) < html.index(older.title)


@time_machine.travel(datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC), tick=False)
def test_with_a_filter_set_an_empty_list_blames_the_filters(client):
    event = _past()
    html = client.get(f"/en/events/?type={event.type}").content.decode()
    assert "No upcoming events match these filters." in html
    assert "No events are planned at the moment." not in html


def test_a_past_event_says_it_took_place_and_offers_no_calendar_entry(client):
    event = _past()
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "This event has taken place" in html
    assert "Add to calendar" not in html


def test_an_upcoming_event_offers_its_calendar_entry(client):
    event = f.EventFactory()  # in 2030
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "Add to calendar" in html
    assert "This event has taken place" not in html


def test_the_venue_has_its_address_and_a_map(client):
    event = f.EventFactory(
        venue="Representation", address="Boulevard Saint-Michel 80", latitude=50.8, longitude=4.4
    )
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "Representation, Boulevard Saint-Michel 80, Brussels" in html
    assert 'class="locator-map" data-points="[{&quot;lat&quot;: 50.8' in html
    assert 'aria-label="Map: Representation"' in html


def test_news_and_events_link_both_ways(client):
    event = f.EventFactory()
    article = f.ArticleFactory(event=event)
    hidden = f.ArticleFactory(event=event, is_published=False)
    event_page = client.get(f"/en/events/{event.slug}/").content.decode()
    assert f'href="/en/news/{article.slug}/"' in event_page
    assert hidden.slug not in event_page
    assert (
        f'href="/en/events/{event.slug}/"'
        in client.get(f"/en/news/{article.slug}/").content.decode()
    )


def test_the_demos_past_events_say_so_in_german(demo, client):
    html = client.get("/de/events/s3chem-11th-iwg-brussels-2018/").content.decode()
    assert "Vertretung des Landes Sachsen-Anhalt bei der EU" in html
    assert "Boulevard Saint-Michel 80, 1040 Etterbeek, Brüssel" in html
    assert 'href="/de/news/' in html  # the article about the meeting
