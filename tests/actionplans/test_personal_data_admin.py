"""The admin's personal-data actions on plans: their contact person, on the plan and in
every stored version, for the chosen plans only; the versions keep the rest."""

import json

import pytest

from actionplans.models import ActionPlan
from tests import factories
from tests.personal_data import someone

pytestmark = pytest.mark.django_db
PLANS = "/en/admin/actionplans/actionplan/"


@pytest.fixture
def plans(client, project):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    event = factories.RegistrationSettingsFactory(event__project=project).event
    ada = someone("ada@example.org", "Ada Lovelace", project=project, event=event)
    bob = someone("bob@example.org", "Bob Bauer", project=project, event=event)
    return ada.plan, bob.plan


def test_a_plans_contact_person_downloads(client, plans):
    ada_plan, _bob_plan = plans
    response = client.post(
        PLANS, {"action": "export_personal_data", "_selected_action": [ada_plan.pk]}
    )
    [record] = json.loads(response.content)["records"]
    assert record["contact"] == {
        "contact_name": "Ada Lovelace",
        "contact_email": "ada@example.org",
        "contact_phone": "+32 1",
    }
    assert [v["contact_name"] for v in record["versions"]] == ["Ada Lovelace"]


def test_erasing_a_plans_contact_person_rewrites_its_versions_not_the_others(client, plans):
    ada_plan, bob_plan = plans
    chosen = {"action": "erase_personal_data", "_selected_action": [ada_plan.pk]}
    assert "Erase personal data" in client.post(PLANS, chosen).content.decode()
    assert ActionPlan.objects.get(pk=ada_plan.pk).contact_name == "Ada Lovelace"

    client.post(PLANS, {**chosen, "post": "yes"})

    plan = ActionPlan.objects.get(pk=ada_plan.pk)
    assert (plan.contact_name, plan.contact_email, plan.contact_phone) == ("(erased)", "", "")
    newest = plan.versions.order_by("-pk").first()
    assert newest.content["contact_name"] == "(erased)"
    assert newest.content["actions"][0]["title"] == "Innovation voucher round for chemistry SMEs"
    other = ActionPlan.objects.get(pk=bob_plan.pk)
    assert other.contact_email == "bob@example.org"
    assert other.versions.order_by("-pk").first().content["contact_name"] == "Bob Bauer"
