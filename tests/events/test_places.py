"""Places: the waiting list in order, promotion with a deadline, approval, sessions."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from events import links, tasks
from events.models import Registration, SessionSeat
from events.services import organising
from events.services import registration as services
from portal.core.models import OutgoingMail
from tests import factories
from tests.events.conftest import link_in, read_mail, sign_up

R = Registration.State
S = SessionSeat.State


def _states(event):
    return dict(Registration.objects.filter(event=event).values_list("email", "state"))


def _mails(registration, suffix):
    return OutgoingMail.objects.filter(
        key__startswith=f"registration:{registration.pk}:", key__contains=suffix
    )


@pytest.fixture
def small(config):
    config.capacity = 2
    config.offer_hours = 24
    config.save()
    return config.event


@pytest.mark.django_db
def test_when_the_places_are_taken_people_wait_in_the_order_they_confirmed(small):
    for name in ("a", "b", "c", "d"):
        sign_up(small, f"{name}@example.org")
    assert _states(small) == {
        "a@example.org": R.CONFIRMED,
        "b@example.org": R.CONFIRMED,
        "c@example.org": R.WAITING,
        "d@example.org": R.WAITING,
    }
    d = Registration.objects.get(email="d@example.org")
    assert "as number 2" in _mails(d, ":waiting").get().body_text


@pytest.mark.django_db
def test_a_cancellation_offers_the_place_to_the_first_in_line_with_a_deadline(small, client):
    a = sign_up(small, "a@example.org")
    sign_up(small, "b@example.org")
    c = sign_up(small, "c@example.org")
    sign_up(small, "d@example.org")
    before = timezone.now()
    services.registration_cancel(registration=a)
    c.refresh_from_db()
    assert c.state == R.OFFERED
    assert before + datetime.timedelta(hours=23) < c.offer_expires_at
    assert _states(small)["d@example.org"] == R.WAITING
    offer = _mails(c, ":offer:").get()
    assert "take it up before" in offer.body_text
    # The offered place counts as taken: a newcomer waits behind d.
    e = sign_up(small, "e@example.org")
    assert e.state == R.WAITING

    client.post(links.personal_path(c) + "accept/")
    c.refresh_from_db()
    assert c.state == R.CONFIRMED
    assert _mails(c, ":confirmed").exists()


@pytest.mark.django_db
def test_an_offer_never_runs_past_the_start_of_the_event(small):
    a = sign_up(small, "a@example.org")
    sign_up(small, "b@example.org")
    c = sign_up(small, "c@example.org")
    with time_machine.travel(small.starts_at - datetime.timedelta(hours=3)):
        services.registration_cancel(registration=a)
    c.refresh_from_db()
    assert c.offer_expires_at == small.starts_at


def test_an_expired_offer_passes_the_place_on_when_beat_runs_the_task(celery_worker, config):
    config.capacity, config.offer_hours = 1, 1
    config.save()
    event = config.event
    a = sign_up(event, "a@example.org")
    b = sign_up(event, "b@example.org")
    c = sign_up(event, "c@example.org")
    services.registration_cancel(registration=a)
    b.refresh_from_db()
    assert b.state == R.OFFERED
    # Nothing lapses before the deadline.
    assert tasks.expire_offers.delay().get(timeout=20) == 0
    Registration.objects.filter(pk=b.pk).update(
        offer_expires_at=timezone.now() - datetime.timedelta(minutes=1)
    )
    assert tasks.expire_offers.delay().get(timeout=20) == 1
    # Twice is the same as once.
    assert tasks.expire_offers.delay().get(timeout=20) == 0
    b.refresh_from_db()
    c.refresh_from_db()
    assert (b.state, c.state) == (R.EXPIRED, R.OFFERED)

    def mails(about):
        return [mail for mail in map(read_mail, celery_worker.sent()) if about in mail[0]]

    celery_worker.wait_for(lambda: len(mails("passed on")) == 1)
    celery_worker.wait_for(lambda: len(mails("come free")) == 2)
    assert {link_in(text, "personal") for _s, text, _f in mails("come free")} == {
        links.personal_path(b),
        links.personal_path(c),
    }


@pytest.mark.django_db
def test_taking_up_an_offer_too_late_is_refused_and_passes_it_on(small, client):
    a = sign_up(small, "a@example.org")
    sign_up(small, "b@example.org")
    c = sign_up(small, "c@example.org")
    d = sign_up(small, "d@example.org")
    services.registration_cancel(registration=a)
    c.refresh_from_db()
    with time_machine.travel(c.offer_expires_at + datetime.timedelta(minutes=1)):
        response = client.post(links.personal_path(c) + "accept/", follow=True)
    assert "The offer ran out and the place has passed on." in response.content.decode()
    assert _states(small)["c@example.org"] == R.EXPIRED
    d.refresh_from_db()
    assert d.state == R.OFFERED


@pytest.mark.django_db
def test_more_places_offer_them_to_the_waiting_list_at_once(small):
    sign_up(small, "a@example.org")
    sign_up(small, "b@example.org")
    c = sign_up(small, "c@example.org")
    config = small.registration_settings
    organising.registration_settings_save(
        event=small,
        values={"capacity": 3},
        consent_text={"en": config.consent.text_en, "nl": config.consent.text_nl},
    )
    c.refresh_from_db()
    assert c.state == R.OFFERED


@pytest.mark.django_db
def test_a_changed_consent_text_is_a_new_version_and_each_registration_keeps_its_own(small):
    a = sign_up(small, "a@example.org")
    organising.registration_settings_save(
        event=small, values={}, consent_text={"en": "A new text.", "nl": "Een nieuwe tekst."}
    )
    b = sign_up(small, "b@example.org")
    a.refresh_from_db()
    assert (a.consent.version, b.consent.version) == (1, 2)
    assert b.consent.text_en == "A new text."


@pytest.mark.django_db
def test_approval_flow(config, communication_manager):
    config.needs_approval, config.capacity = True, 1
    config.save()
    event = config.event
    a = sign_up(event, "a@example.org")
    b = sign_up(event, "b@example.org")
    c = sign_up(event, "c@example.org")
    assert {a.state, b.state, c.state} == {R.PENDING}
    assert _mails(a, ":pending").exists()
    a = services.registration_approve(registration=a, by=communication_manager)
    assert a.state == R.CONFIRMED and a.decided_by == communication_manager
    assert _mails(a, ":confirmed").exists()
    # Approved when full: on the waiting list, not over capacity.
    b = services.registration_approve(registration=b, by=communication_manager)
    assert b.state == R.WAITING
    c = services.registration_decline(registration=c, by=communication_manager)
    assert c.state == R.DECLINED
    assert _mails(c, ":declined").exists()
    with pytest.raises(ValidationError, match="Only a registration awaiting approval"):
        services.registration_approve(registration=c, by=communication_manager)


@pytest.mark.django_db
def test_approving_and_declining_from_the_participants_page(config, communication_manager, client):
    config.needs_approval = True
    config.save()
    a = sign_up(config.event, "a@example.org")
    b = sign_up(config.event, "b@example.org")
    client.force_login(communication_manager)
    url = f"/en/events/{config.event.slug}/participants/"
    page = client.get(url + "?state=pending")
    assert page.content.decode().count('value="approve"') == 2
    client.post(url + f"{a.pk}/decide/", {"decision": "approve"})
    client.post(url + f"{b.pk}/decide/", {"decision": "decline"})
    response = client.post(url + f"{b.pk}/decide/", {"decision": "approve"}, follow=True)
    assert "Only a registration awaiting approval can be approved" in response.content.decode()
    assert _states(config.event) == {"a@example.org": R.CONFIRMED, "b@example.org": R.DECLINED}


@pytest.mark.django_db
def test_session_places_follow_the_same_rules(config):
    event = config.event
    visit = factories.SessionFactory(
        event=event, selectable=True, capacity=1, kind="study_visit", title="Lab visit"
    )
    a = sign_up(event, "a@example.org", sessions=[visit])
    b = sign_up(event, "b@example.org", sessions=[visit])
    c = sign_up(event, "c@example.org", sessions=[visit])
    seats = dict(SessionSeat.objects.values_list("registration__email", "state"))
    assert seats == {
        "a@example.org": S.CONFIRMED,
        "b@example.org": S.WAITING,
        "c@example.org": S.WAITING,
    }
    # A registration that leaves frees its seat for the first in the session's line.
    services.registration_cancel(registration=a)
    seat = b.seats.get()
    assert seat.state == S.OFFERED and seat.offer_expires_at
    assert _mails(b, ":seat:").get().subject == "A place has come free for you: Lab visit"
    services.registration_accept_offer(registration=b, seat_id=seat.pk)
    assert b.seats.get().state == S.CONFIRMED
    assert c.seats.get().state == S.WAITING


@pytest.mark.django_db
def test_an_expired_session_offer_passes_on(config):
    event = config.event
    visit = factories.SessionFactory(event=event, selectable=True, capacity=1)
    a = sign_up(event, "a@example.org", sessions=[visit])
    b = sign_up(event, "b@example.org", sessions=[visit])
    c = sign_up(event, "c@example.org", sessions=[visit])
    services.registration_change(registration=a, data={}, sessions=[])
    seat = b.seats.get()
    assert seat.state == S.OFFERED
    services.offers_expire(now=seat.offer_expires_at + datetime.timedelta(seconds=1))
    assert b.seats.get().state == S.EXPIRED
    assert c.seats.get().state == S.OFFERED
    # b still has a place at the event itself.
    b.refresh_from_db()
    assert b.state == R.CONFIRMED


@pytest.mark.django_db
def test_someone_waiting_for_the_event_gets_their_sessions_when_they_get_a_place(config):
    config.capacity = 1
    config.save()
    event = config.event
    workshop = factories.SessionFactory(event=event, selectable=True, capacity=5)
    a = sign_up(event, "a@example.org")
    b = sign_up(event, "b@example.org", sessions=[workshop])
    assert b.seats.get().state == S.REQUESTED
    services.registration_cancel(registration=a)
    b.refresh_from_db()
    services.registration_accept_offer(registration=b)
    assert b.seats.get().state == S.CONFIRMED


@pytest.mark.django_db
def test_no_place_is_offered_once_the_event_has_begun(small):
    a = sign_up(small, "a@example.org")
    sign_up(small, "b@example.org")
    c = sign_up(small, "c@example.org")
    with time_machine.travel(small.starts_at + datetime.timedelta(minutes=1)):
        services.registration_cancel(registration=a)
    c.refresh_from_db()
    assert c.state == R.WAITING
