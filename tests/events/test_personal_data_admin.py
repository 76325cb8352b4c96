"""The admin's personal-data actions on registrations: the registrant's own download and
erasure (the same selector and service as their personal link), for the chosen rows only."""

import json

import pytest

from events import selectors
from events.models import Registration
from tests import factories
from tests.events.conftest import sign_up

pytestmark = pytest.mark.django_db
REGISTRATIONS = "/en/admin/events/registration/"


@pytest.fixture
def registrations(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    event = factories.RegistrationSettingsFactory().event
    return sign_up(event, "ada@example.org"), sign_up(event, "bob@example.org")


def test_a_registrants_data_downloads_as_their_own_link_gives_it(client, registrations):
    ada, _bob = registrations
    response = client.post(
        REGISTRATIONS, {"action": "export_personal_data", "_selected_action": [ada.pk]}
    )
    [record] = json.loads(response.content)["records"]
    assert record == json.loads(json.dumps(selectors.registration_data(ada)))
    assert "bob@example.org" not in response.content.decode()


def test_erasing_a_registration_after_the_confirmation(client, registrations):
    ada, bob = registrations
    chosen = {"action": "erase_personal_data", "_selected_action": [ada.pk]}
    assert client.post(REGISTRATIONS, chosen).status_code == 200
    assert Registration.objects.get(pk=ada.pk).erased_at is None

    client.post(REGISTRATIONS, {**chosen, "post": "yes"})

    ada.refresh_from_db()
    bob.refresh_from_db()
    assert (ada.email, ada.name, ada.state) == ("", "", Registration.State.CANCELLED)
    assert ada.erased_at is not None
    assert (bob.email, bob.state, bob.erased_at) == (
        "bob@example.org",
        Registration.State.CONFIRMED,
        None,
    )
