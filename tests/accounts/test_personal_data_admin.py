"""The admin's personal-data actions on users: a superuser downloads what every app keeps
about an account, and erases it after a confirmation; no one else gets the actions."""

import json

import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.authtoken.models import Token

from portal.accounts.models import User
from regions.models import Membership
from tests import factories
from tests.personal_data import someone

pytestmark = pytest.mark.django_db
USERS = "/en/admin/accounts/user/"


@pytest.fixture
def people(project):
    event = factories.RegistrationSettingsFactory(event__project=project).event
    return (
        someone("ada@example.org", "Ada Lovelace", project=project, event=event),
        someone("bob@example.org", "Bob Bauer", project=project, event=event),
    )


@pytest.fixture
def superuser(client):
    user = factories.UserFactory(is_staff=True, is_superuser=True)
    client.force_login(user)
    return user


def test_a_superuser_downloads_an_accounts_data(client, superuser, people):
    ada, _bob = people
    response = client.post(
        USERS, {"action": "export_personal_data", "_selected_action": [ada.user.pk]}
    )

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="personal-data-user-')
    [record] = json.loads(response.content)["records"]
    assert record["data"]["accounts.user"][0]["full_name"] == "Ada Lovelace"
    assert {"regions.memberships", "projects.roles", "actionplans.work"} <= set(record["data"])
    # The account's own: the newsletter and registrations have their own admin pages.
    assert "news.subscriber" not in record["data"]
    assert "bob@example.org" not in response.content.decode()


def test_erasing_asks_first_then_anonymises_only_the_chosen_account(client, superuser, people):
    ada, bob = people
    chosen = {"action": "erase_personal_data", "_selected_action": [ada.user.pk]}

    confirm = client.post(USERS, chosen)
    assert confirm.status_code == 200
    assert "Ada Lovelace" in confirm.content.decode()
    assert User.objects.get(pk=ada.user.pk).full_name == "Ada Lovelace"

    done = client.post(USERS, {**chosen, "post": "yes"}, follow=True)
    assert "Erased the personal data of 1 user." in done.content.decode()
    erased = User.objects.get(pk=ada.user.pk)
    assert (erased.full_name, erased.is_active) == ("Erased user", False)
    assert not Membership.objects.filter(user=erased).exists()
    bob.user.refresh_from_db()
    assert (bob.user.full_name, bob.user.email, bob.user.is_active) == (
        "Bob Bauer",
        "bob@example.org",
        True,
    )
    assert Membership.objects.filter(user=bob.user).exists()


def test_a_superuser_cannot_erase_themselves_here(client, superuser):
    response = client.post(
        USERS,
        {"action": "erase_personal_data", "_selected_action": [superuser.pk], "post": "yes"},
    )
    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.is_active


def test_staff_who_are_not_superusers_get_no_personal_data_action(client, people):
    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_user", "change_user"])
    )
    client.force_login(staff)
    page = client.get(USERS)
    assert page.status_code == 200
    assert "erase_personal_data" not in page.content.decode()
    client.post(
        USERS,
        {"action": "erase_personal_data", "_selected_action": [people[0].user.pk], "post": "yes"},
    )
    assert User.objects.get(pk=people[0].user.pk).full_name == "Ada Lovelace"


def test_an_erased_account_is_logged_out_and_loses_its_token_and_devices(client, people):
    ada, _bob = people
    Token.objects.create(user=ada.user)
    TOTPDevice.objects.create(user=ada.user, name="phone", confirmed=True)
    LogEntry.objects.log_actions(
        user_id=factories.UserFactory(is_staff=True).pk,
        queryset=[ada.user],
        action_flag=CHANGE,
        change_message="Changed full name.",
    )
    client.force_login(ada.user)
    assert client.get("/en/account/").status_code == 200

    call_command("personal_data", "erase", "--email", ada.email, "--no-input")

    assert client.get("/en/account/").status_code == 302  # to the login page
    assert not Token.objects.filter(user=ada.user).exists()
    assert not TOTPDevice.objects.filter(user=ada.user).exists()
    assert LogEntry.objects.get(object_id=str(ada.user.pk)).object_repr == "Erased user"
