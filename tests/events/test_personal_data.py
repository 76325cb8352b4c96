"""Registrations are personal data: the registrant downloads or erases theirs; everything
is erased a set time after the event; the API never tells who registered."""

import datetime
import json

import pytest

from events import links, tasks
from events.models import Registration
from events.services import registration as services
from portal.core.models import OutgoingMail
from tests import factories
from tests.api import API
from tests.events.conftest import sign_up

R = Registration.State


@pytest.mark.django_db
def test_the_registrant_downloads_everything_held_about_them(config, client):
    region = factories.RegionFactory(country="BE")
    visit = factories.SessionFactory(event=config.event, selectable=True, title="Lab visit")
    registration = sign_up(
        config.event,
        "ada@example.org",
        name="Ada Lovelace",
        country="BE",
        region=region,
        dietary=["vegan"],
        dietary_note="No nuts",
        sessions=[visit],
    )
    response = client.get(links.personal_path(registration) + "data.json")
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)
    assert (data["name"], data["email"], data["state"]) == (
        "Ada Lovelace",
        "ada@example.org",
        "confirmed",
    )
    assert data["dietary_needs"] == ["vegan"]
    assert data["allergies_or_other_needs"] == "No nuts"
    assert data["region"] == region.slug
    assert data["consent"]["version"] == 1
    assert data["consent"]["text"]["en"].startswith("I agree")
    assert data["sessions"] == [{"session": "Lab visit", "state": "confirmed"}]
    assert data["mails"][0]["subject"].startswith("Confirm your registration")


@pytest.mark.django_db
def test_erasing_cancels_empties_the_record_and_kills_the_links(config, client):
    config.capacity = 1
    config.save()
    registration = sign_up(config.event, "ada@example.org", name="Ada Lovelace", country="BE")
    waiting = sign_up(config.event, "bob@example.org")
    path = links.personal_path(registration)
    page = client.get(path + "erase/")
    assert "Erase my data" in page.content.decode()
    response = client.post(path + "erase/")
    assert "Your data is erased" in response.content.decode()
    registration.refresh_from_db()
    assert registration.state == R.CANCELLED and registration.erased_at
    assert (registration.name, registration.email, registration.organisation_name) == ("", "", "")
    assert registration.dietary == [] and registration.secret == ""
    # What counts stays, without a name.
    assert registration.country == "BE"
    # The stored mails held the name and the links: gone too.
    assert not OutgoingMail.objects.filter(key__startswith=f"registration:{registration.pk}:")
    response = client.get(path)
    assert response.status_code == 404
    assert "personal data has been erased" in response.content.decode()
    # The place went to the next in line.
    waiting.refresh_from_db()
    assert waiting.state == R.OFFERED


def test_registrations_are_erased_when_their_retention_period_is_over(celery_worker, config):
    config.retention_days = 30
    config.save()
    event = config.event
    kept = sign_up(event, "ada@example.org", country="DE", organisation_type="rto")
    services.registration_check_in(registration=kept, by=None)
    cancelled = sign_up(event, "bob@example.org")
    services.registration_cancel(registration=cancelled)
    other = factories.RegistrationSettingsFactory(retention_days=365).event
    sign_up(other, "carl@example.org")

    almost = event.ends_at + datetime.timedelta(days=29)
    assert services.registrations_erase_expired(now=almost) == 0
    # The worker runs in a process of its own, on a clock the test cannot move: the event
    # moves back instead.
    event.ends_at = event.starts_at = event.starts_at - datetime.timedelta(days=400)
    event.ends_at += datetime.timedelta(hours=8)
    event.save()
    assert tasks.erase_old_registrations.delay().get(timeout=20) == 2
    assert tasks.erase_old_registrations.delay().get(timeout=20) == 0

    erased = Registration.objects.filter(event=event)
    assert set(erased.values_list("name", "email")) == {("", "")}
    assert all(r.erased_at for r in erased)
    kept.refresh_from_db()
    # Attendance and the counts by country and type survive.
    assert (kept.state, kept.country, kept.organisation_type) == (R.CONFIRMED, "DE", "rto")
    assert kept.checked_in_at is not None
    assert not OutgoingMail.objects.filter(key__startswith=f"registration:{kept.pk}:")
    assert Registration.objects.get(event=other).email == "carl@example.org"


@pytest.mark.django_db
def test_the_api_tells_whether_one_can_register_and_the_places_left_never_who(config, client):
    config.capacity = 3
    config.save()
    sign_up(config.event, "ada@example.org", name="Ada Lovelace")
    sign_up(config.event, "bob@example.org", confirm=False)
    response = client.get(f"{API}/events/{config.event.slug}/")
    registration = response.json()["registration"]
    assert registration["status"] == "open"
    assert (registration["capacity"], registration["places_left"]) == (3, 2)
    assert registration["register_url"].endswith(f"/en/events/{config.event.slug}/register/")
    body = response.content.decode()
    for secret in ("ada@example.org", "Ada Lovelace", "bob@example.org"):
        assert secret not in body
    listed = client.get(f"{API}/events/?upcoming=true").json()["results"]
    assert [e["registration"]["places_left"] for e in listed] == [2]


@pytest.mark.django_db
def test_an_event_without_registration_says_null_in_the_api(client):
    event = factories.EventFactory()
    assert client.get(f"{API}/events/{event.slug}/").json()["registration"] is None


@pytest.mark.django_db
def test_the_api_does_not_write(config, client):
    response = client.post(f"{API}/events/{config.event.slug}/", {"email": "x@example.org"})
    assert response.status_code in (401, 403, 405)
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_the_event_page_shows_places_left_after_a_sign_up_despite_the_cache(
    config, client, django_capture_on_commit_callbacks
):
    config.capacity = 3
    config.save()
    url = f"/en/events/{config.event.slug}/"
    assert "3 of 3 places left" in client.get(url).content.decode()
    unconfirmed = sign_up(config.event, "ada@example.org", confirm=False)
    assert "3 of 3 places left" in client.get(url).content.decode()
    # The services retire the cached pages when the places change, once committed.
    with django_capture_on_commit_callbacks(execute=True):
        services.registration_confirm(registration=unconfirmed)
    assert "2 of 3 places left" in client.get(url).content.decode()
