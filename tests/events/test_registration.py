"""Signing up without an account: the form, the confirmation by mail, the personal page."""

import datetime

import icalendar
import pytest
import time_machine
from django.core import signing
from django.utils import timezone

from events import links
from events.models import Registration, SessionSeat
from events.services import registration as services
from portal.core.models import OutgoingMail
from tests import factories
from tests.events.conftest import link_in, read_mail, sign_up

R = Registration.State


def _form(**changes):
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.org",
        "organisation_name": "Analytical Engines",
        "organisation_type": "sme",
        "country": "BE",
        "dietary": ["vegetarian"],
        "consent": "on",
    }
    return {**data, **changes}


def _outbox(registration):
    return OutgoingMail.objects.filter(key__startswith=f"registration:{registration.pk}:")


def test_a_visitor_registers_confirms_by_mail_and_gets_the_calendar_file(
    celery_worker, config, client
):
    event = config.event
    response = client.post(f"/nl/events/{event.slug}/register/", _form())
    assert response.status_code == 302
    assert response.url == f"/nl/events/{event.slug}/register/sent/"
    registration = Registration.objects.get()
    # Not yet counted: the address is not confirmed.
    assert registration.state == R.UNCONFIRMED
    assert (registration.language, registration.consent.version) == ("nl", 1)
    celery_worker.wait_for(lambda: len(celery_worker.sent()) == 1)
    subject, text, _files = read_mail(celery_worker.sent()[0])
    assert subject.startswith("Bevestig uw inschrijving")
    confirm = link_in(text, "confirm")

    # Opening the link changes nothing (mail scanners open links too); the button does.
    page = client.get(confirm)
    assert page.status_code == 200
    assert Registration.objects.get().state == R.UNCONFIRMED
    response = client.post(confirm)
    registration.refresh_from_db()
    assert registration.state == R.CONFIRMED
    assert response.url == links.personal_path(registration).replace("/en/", "/nl/")

    celery_worker.wait_for(lambda: len(celery_worker.sent()) == 2)
    # The worker's files sort by the second they were written in, not within it.
    [(subject, text, files)] = [
        mail for mail in map(read_mail, celery_worker.sent()) if "Bevestig" not in mail[0]
    ]
    assert subject.startswith("U hebt een plaats")
    personal = link_in(text, "personal")
    (ics,) = files.values()
    (vevent,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert vevent.decoded("DTSTART") == event.local_start.date()
    page = client.get(personal)
    assert page.status_code == 200
    assert "Ada Lovelace" in page.content.decode()
    assert page["X-Robots-Tag"] == "noindex, nofollow"


@pytest.mark.django_db
def test_the_confirmation_mail_is_in_the_registrants_language(config):
    registration = sign_up(config.event, "de@example.org", confirm=False, language="de")
    mail = _outbox(registration).get()
    assert mail.subject.startswith("Bestätigen Sie Ihre Anmeldung")
    assert "/de/events/" in mail.body_text


@pytest.mark.django_db
def test_a_second_click_on_the_link_changes_nothing(config, client):
    registration = sign_up(config.event, "ada@example.org", confirm=False)
    confirm = links.confirm_url(registration).removeprefix("http://localhost:8000")
    client.post(confirm)
    response = client.post(confirm)
    assert response.status_code == 302
    assert Registration.objects.get().state == R.CONFIRMED
    assert _outbox(registration).filter(key__endswith=":confirmed").count() == 1


@pytest.mark.django_db
def test_a_duplicate_address_gets_its_link_again_not_a_second_registration(config, client):
    first = sign_up(config.event, "ada@example.org")
    response = client.post(
        f"/en/events/{config.event.slug}/register/", _form(email="ADA@example.org", name="Ada II")
    )
    assert response.url == f"/en/events/{config.event.slug}/register/known/"
    page = client.get(response.url)
    assert "registered for the event already" in page.content.decode()
    assert Registration.objects.count() == 1
    first.refresh_from_db()
    assert first.name == "Ada"
    assert _outbox(first).filter(key__contains=":link:").count() == 1


@pytest.mark.django_db
def test_registering_again_before_confirming_sends_the_confirmation_link_again(config, client):
    sign_up(config.event, "ada@example.org", confirm=False)
    client.post(f"/en/events/{config.event.slug}/register/", _form())
    registration = Registration.objects.get()
    assert _outbox(registration).filter(key__contains=":confirm:").count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"organisation_type": "spaceship"}, "organisation_type", "Select a valid choice"),
        ({"country": "XX"}, "country", "Select a valid choice"),
        ({"dietary": ["meat only"]}, "dietary", "Select a valid choice"),
        ({"email": "not an address"}, "email", "Enter a valid email address"),
        ({"consent": ""}, "consent", "This field is required"),
        ({"name": ""}, "name", "This field is required"),
    ],
)
def test_answers_outside_the_choices_are_refused_by_name(config, client, changes, field, message):
    response = client.post(f"/en/events/{config.event.slug}/register/", _form(**changes))
    assert response.status_code == 400
    assert message in " ".join(response.context["form"].errors[field])
    # What was typed is still in the form.
    assert 'value="Analytical Engines"' in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_a_region_must_lie_in_the_country_given(config, client):
    region = factories.RegionFactory(country="DE", name="Saxony-Anhalt")
    response = client.post(
        f"/en/events/{config.event.slug}/register/", _form(country="BE", region=region.pk)
    )
    assert response.status_code == 400
    assert response.context["form"].errors["region"] == ["Saxony-Anhalt is not in Belgium."]


@pytest.mark.django_db
def test_a_closed_registration_says_so_and_keeps_what_was_typed(config, client):
    config.closes_at = timezone.now() - datetime.timedelta(minutes=1)
    config.opens_at = config.closes_at - datetime.timedelta(days=3)
    config.save()
    page = client.get(f"/en/events/{config.event.slug}/register/")
    assert "Registration for this event is closed." in page.content.decode()
    response = client.post(f"/en/events/{config.event.slug}/register/", _form())
    assert response.status_code == 409
    assert "Registration for this event is closed." in response.content.decode()
    assert 'value="Ada Lovelace"' in response.content.decode()
    assert not Registration.objects.exists()


@pytest.mark.django_db
def test_registration_not_yet_open_gives_the_opening_date(config, client):
    config.opens_at = timezone.now() + datetime.timedelta(days=2)
    config.save()
    page = client.get(f"/en/events/{config.event.slug}/register/")
    assert "Registration opens on" in page.content.decode()


@pytest.mark.django_db
def test_an_event_without_registration_has_no_form(client):
    event = factories.EventFactory()
    assert client.get(f"/en/events/{event.slug}/register/").status_code == 404


@pytest.mark.django_db
def test_a_forged_link_is_refused_with_a_reason(config, client):
    registration = sign_up(config.event, "ada@example.org", confirm=False)
    forged = signing.dumps([registration.pk, "guessed-secret"], salt=links.CONFIRM)
    response = client.get(f"/en/events/{config.event.slug}/register/confirm/{forged}/")
    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()
    tampered = links.personal_path(registration)[:-3] + "xx/"
    response = client.get(tampered)
    assert response.status_code == 404
    # A personal link is not a confirmation link, and the other way round.
    personal_token = links.personal_path(registration).rstrip("/").rsplit("/", 1)[1]
    response = client.post(f"/en/events/{config.event.slug}/register/confirm/{personal_token}/")
    assert response.status_code == 404
    assert Registration.objects.get().state == R.UNCONFIRMED


@pytest.mark.django_db
def test_an_expired_confirmation_link_says_how_to_get_a_new_one(config, client, settings):
    registration = sign_up(config.event, "ada@example.org", confirm=False)
    confirm = links.confirm_url(registration).removeprefix("http://localhost:8000")
    later = timezone.now() + datetime.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS + 1)
    with time_machine.travel(later):
        response = client.post(confirm)
    assert response.status_code == 410
    assert "Register again with the same address" in response.content.decode()
    assert Registration.objects.get().state == R.UNCONFIRMED


@pytest.mark.django_db
def test_a_link_to_another_event_leads_nowhere(config, client):
    registration = sign_up(config.event, "ada@example.org")
    other = factories.RegistrationSettingsFactory().event
    path = links.personal_path(registration).replace(config.event.slug, other.slug)
    assert client.get(path).status_code == 404


@pytest.mark.django_db
def test_the_registrant_changes_answers_and_sessions_by_the_personal_link(config, client):
    event = config.event
    early = factories.SessionFactory(event=event, selectable=True, title="Early workshop")
    late = factories.SessionFactory(
        event=event,
        selectable=True,
        title="Late workshop",
        starts_at=early.ends_at,
        ends_at=early.ends_at + datetime.timedelta(hours=1),
    )
    registration = sign_up(event, "ada@example.org", sessions=[early])
    path = links.personal_path(registration)
    response = client.post(
        path + "change/",
        {
            "name": "Ada King",
            "organisation_name": "Engines",
            "organisation_type": "university",
            "country": "GB",
            "sessions": [late.pk],
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    registration.refresh_from_db()
    assert (registration.name, registration.organisation_type) == ("Ada King", "university")
    seats = dict(registration.seats.values_list("session__title", "state"))
    assert seats == {"Early workshop": "released", "Late workshop": "confirmed"}
    # The address cannot be changed: it is who registered.
    assert registration.email == "ada@example.org"


@pytest.mark.django_db
def test_two_sessions_at_the_same_time_cannot_both_be_chosen(config, client):
    first = factories.SessionFactory(event=config.event, selectable=True, title="Visit A")
    second = factories.SessionFactory(
        event=config.event, selectable=True, title="Visit B", starts_at=first.starts_at
    )
    response = client.post(
        f"/en/events/{config.event.slug}/register/", _form(sessions=[first.pk, second.pk])
    )
    assert response.status_code == 400
    assert response.context["form"].errors["sessions"] == [
        "“Visit A” and “Visit B” take place at the same time: choose one."
    ]


@pytest.mark.django_db
def test_the_registrant_cancels_by_the_personal_link(config, client):
    registration = sign_up(config.event, "ada@example.org")
    path = links.personal_path(registration)
    page = client.get(path + "cancel/")
    assert "Cancel my registration" in page.content.decode()
    assert Registration.objects.get().state == R.CONFIRMED
    client.post(path + "cancel/")
    registration.refresh_from_db()
    assert registration.state == R.CANCELLED
    assert _outbox(registration).filter(key__endswith=":cancelled").exists()
    # The page still opens, and says so; there is nothing left to change.
    page = client.get(path)
    assert "This registration is cancelled." in page.content.decode()
    response = client.get(path + "change/")
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_cancelled_registrant_may_register_again(config):
    first = sign_up(config.event, "ada@example.org")
    services.registration_cancel(registration=first)
    second = sign_up(config.event, "ada@example.org")
    assert second.pk != first.pk and second.state == R.CONFIRMED


@pytest.mark.django_db
def test_confirming_after_the_event_began_is_refused(config, client):
    registration = sign_up(config.event, "ada@example.org", confirm=False)
    began = config.event.starts_at + datetime.timedelta(minutes=5)
    with time_machine.travel(began), pytest.raises(services.RegistrationClosed):
        services.registration_confirm(registration=registration)
    assert Registration.objects.get().state == R.UNCONFIRMED


@pytest.mark.django_db
def test_unconfirmed_sign_ups_lapse_when_their_link_has_run_out(config, settings):
    registration = sign_up(config.event, "ada@example.org", confirm=False)
    later = timezone.now() + datetime.timedelta(hours=settings.REGISTRATION_CONFIRM_HOURS + 1)
    assert services.unconfirmed_expire(now=later) == 1
    registration.refresh_from_db()
    assert registration.state == R.EXPIRED
    # The address is free again.
    assert sign_up(config.event, "ada@example.org").state == R.CONFIRMED


@pytest.mark.django_db
def test_a_required_session_question_needs_a_session(config, client):
    config.ask_sessions = "required"
    config.save()
    factories.SessionFactory(event=config.event, selectable=True)
    response = client.post(f"/en/events/{config.event.slug}/register/", _form())
    assert response.status_code == 400
    assert "sessions" in response.context["form"].errors
    assert SessionSeat.objects.count() == 0
