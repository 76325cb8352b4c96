"""Who organises an event, as pages and the admin ask it; the programme in the admin."""

import pytest
from django.urls import reverse

from events.rules import can
from tests import factories
from tests.events.conftest import sign_up

pytestmark = pytest.mark.django_db


def test_organisers_are_the_projects_coordinators_and_communication_managers_and_staff(
    event, coordinator, communication_manager, partner_member, outsider
):
    for user in (coordinator, communication_manager, factories.UserFactory(is_staff=True)):
        assert can(user, "events.view_participants", event)
        assert can(user, "events.manage_registration", event)
    for user in (partner_member, outsider, factories.UserFactory()):
        assert not can(user, "events.view_participants", event)


def test_nobody_but_staff_organises_an_event_of_no_project(coordinator):
    event = factories.EventFactory(project=None)
    assert not can(coordinator, "events.view_participants", event)
    assert can(factories.UserFactory(is_staff=True), "events.view_participants", event)


def test_the_event_page_offers_organisers_their_tools_and_nobody_else(
    client, event, communication_manager, partner_member
):
    client.force_login(partner_member)
    assert "For organisers" not in client.get(f"/en/events/{event.slug}/").content.decode()
    client.force_login(communication_manager)
    page = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "For organisers" in page
    assert f"/en/events/{event.slug}/participants/" in page


@pytest.fixture
def staff(client):
    user = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_the_programme_is_edited_in_the_admin(client, staff, event):
    session = factories.SessionFactory(event=event, title="Opening")
    talk = factories.PresentationFactory(session=session, title="A talk")
    pages = [
        reverse("admin:events_event_change", args=[event.pk]),
        reverse("admin:events_session_change", args=[session.pk]),
        reverse("admin:events_presentation_change", args=[talk.pk]),
        reverse("admin:events_person_add"),
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    assert "Edit the session" in client.get(pages[0]).content.decode()


def test_the_admin_shows_registrations_and_changes_none(client, staff, event):
    registration = sign_up(event, "ada@example.org", name="Ada Lovelace")
    listing = client.get(reverse("admin:events_registration_changelist"))
    assert "Ada Lovelace" in listing.content.decode()
    change = reverse("admin:events_registration_change", args=[registration.pk])
    page = client.get(change).content.decode()
    assert 'name="name"' not in page
    # The secret behind the links is never shown.
    assert registration.secret not in page
    assert client.get(reverse("admin:events_registration_add")).status_code == 403
