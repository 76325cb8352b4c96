"""Personal data on request from the command line: `manage.py personal_data export|erase
--email ADDRESS` covers the account, its memberships and roles, the newsletter,
registrations, plans' contact persons, organisations' contacts and the mails; erasure is
all or nothing and leaves everyone else's data alone."""

import dataclasses
import io
import json

import pytest
from django.core.management import CommandError, call_command

from actionplans.models import ActionPlan, PlanVersion
from events.models import Registration
from news.models import Subscriber
from portal.accounts.models import User
from portal.core import personal_data
from portal.core.models import OutgoingMail
from projects.models import ProjectRole
from regions.models import Contact, Membership
from tests import factories
from tests.personal_data import someone

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(project):
    return factories.RegistrationSettingsFactory(event__project=project).event


@pytest.fixture
def ada(project, event):
    return someone("ada@example.org", "Ada Lovelace", project=project, event=event)


@pytest.fixture
def bob(project, event):
    return someone("bob@example.org", "Bob Bauer", project=project, event=event)


def export(email: str) -> dict:
    out = io.StringIO()
    call_command("personal_data", "export", "--email", email, stdout=out)
    return json.loads(out.getvalue())


def test_the_export_holds_what_every_app_keeps_about_the_address(ada, bob):
    data = export("Ada@Example.org")["data"]

    assert set(data) == {
        "accounts.user",
        "actionplans.contact",
        "actionplans.work",
        "core.mails",
        "events.registrations",
        "news.subscriber",
        "projects.roles",
        "regions.contacts",
        "regions.memberships",
    }
    assert data["accounts.user"][0]["full_name"] == "Ada Lovelace"
    assert data["news.subscriber"][0]["email"] == "ada@example.org"
    assert data["events.registrations"][0]["name"] == "Ada Lovelace"
    contact = data["actionplans.contact"][0]
    assert contact["contact"]["contact_name"] == "Ada Lovelace"
    assert [v["contact_email"] for v in contact["versions"]] == ["ada@example.org"]
    assert [v["version"] for v in data["actionplans.work"][0]["plan_versions"]] == [0, 1]
    assert data["projects.roles"][0]["role"] == "partner_member"
    assert data["regions.contacts"][0]["name"] == "Ada Lovelace"
    assert "bob@example.org" not in json.dumps(data)


def test_the_export_goes_to_a_file_when_asked(ada, tmp_path):
    call_command(
        "personal_data", "export", "--email", ada.email, "--output", str(tmp_path / "ada.json")
    )
    assert json.loads((tmp_path / "ada.json").read_text())["email"] == "ada@example.org"


def test_erasure_takes_the_address_out_of_everything_and_leaves_bob_alone(ada, bob):
    out = io.StringIO()
    call_command("personal_data", "erase", "--email", "ADA@example.org", "--no-input", stdout=out)

    assert "Erased what was kept about ADA@example.org" in out.getvalue()
    assert "actionplans.work" in out.getvalue()  # kept for the record, and said so
    user = User.objects.get(pk=ada.user.pk)
    assert (user.email, user.full_name) == (f"erased-{user.pk}@erased.invalid", "Erased user")
    assert not user.is_active and not user.has_usable_password()
    assert not Membership.objects.filter(user=user).exists()
    assert not ProjectRole.objects.filter(user=user).exists()
    assert not Subscriber.objects.filter(email__iexact=ada.email).exists()
    registration = Registration.objects.get(pk=ada.registration.pk)
    assert (registration.email, registration.name, registration.erased_at is not None) == (
        "",
        "",
        True,
    )
    assert not Contact.objects.filter(pk=ada.contact.pk).exists()
    assert not OutgoingMail.objects.filter(to__iexact=ada.email).exists()
    plan = ActionPlan.objects.get(pk=ada.plan.pk)
    assert (plan.contact_name, plan.contact_email, plan.contact_phone) == ("(erased)", "", "")
    versions = PlanVersion.objects.filter(plan=plan).order_by("pk")
    # The versions keep their text and their author, whose name is now the erased one's.
    title = "Action plan for better access to innovation funding"
    assert versions.last().content["title"] == title
    assert all(v.content.get("contact_email") in ("", None) for v in versions)
    assert "ada@example.org" not in json.dumps([v.content for v in versions])
    assert {str(v.author) for v in versions} == {"Erased user"}
    # Nothing left to find by the address.
    with pytest.raises(CommandError) as nothing:
        export(ada.email)
    assert nothing.value.returncode == 3

    bob_data = export(bob.email)["data"]
    assert bob_data["accounts.user"][0]["full_name"] == "Bob Bauer"
    assert bob_data["actionplans.contact"][0]["contact"]["contact_name"] == "Bob Bauer"
    assert len(bob_data["events.registrations"]) == len(bob_data["news.subscriber"]) == 1
    assert Membership.objects.filter(user=bob.user).exists()


def test_erasure_is_all_or_nothing(ada, monkeypatch):
    def fail(row, email):
        raise RuntimeError("the mail server's answers could not be deleted")

    part = personal_data._parts["news.subscriber"]
    monkeypatch.setitem(personal_data._parts, part.name, dataclasses.replace(part, erase=fail))

    with pytest.raises(RuntimeError):
        call_command("personal_data", "erase", "--email", ada.email, "--no-input")

    # accounts.user comes before news.subscriber, and was rolled back with it.
    assert User.objects.get(pk=ada.user.pk).email == "ada@example.org"
    assert Registration.objects.get(pk=ada.registration.pk).email == "ada@example.org"


def test_an_unknown_address_is_said_so_with_its_own_exit_code(bob):
    for action in ("export", "erase"):
        with pytest.raises(CommandError) as unknown:
            call_command("personal_data", action, "--email", "nobody@example.org", "--no-input")
        assert unknown.value.returncode == 3
        assert str(unknown.value) == "The portal keeps no personal data about nobody@example.org."
    assert User.objects.filter(email="bob@example.org", is_active=True).exists()


def test_something_that_is_no_address_is_refused(bob):
    with pytest.raises(CommandError) as refused:
        call_command("personal_data", "erase", "--email", "bob", "--no-input")
    assert refused.value.returncode == 2
    assert "'bob' is not an email address" in str(refused.value)


def test_erasure_asks_first_and_a_no_erases_nothing(ada, monkeypatch):
    monkeypatch.setattr("builtins.input", lambda prompt: "no")
    with pytest.raises(CommandError, match="Nothing erased"):
        call_command("personal_data", "erase", "--email", ada.email)
    assert User.objects.get(pk=ada.user.pk).full_name == "Ada Lovelace"
