"""A plan's whole life in a real browser: drafted, submitted, sent back, fixed, approved,
published; and never visible to another region's partner before that."""

import pytest

from tests import factories
from tests.actionplans.conftest import PDF
from tests.browser.conftest import axe_violations, save_and_continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # what tests.factories.UserFactory sets


@pytest.fixture
def people(live_site):
    project = factories.ProjectFactory(acronym="S3Chem", slug="s3chem-test")
    lead = factories.PartnershipFactory(project=project, role="lead")
    ours = factories.PartnershipFactory(project=project, region__name="Limburg")
    theirs = factories.PartnershipFactory(project=project, region__name="Lombardy")
    return {
        "project": project,
        "partner": factories.grant(ours, "partner_member"),
        "other": factories.grant(theirs, "partner_member"),
        "coordinator": factories.grant(lead, "coordinator"),
    }


def _log_in(browser, live_server, user):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_server.url + "/en/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My workspace", level=1).wait_for()
    return page


def _add_action(page, title, description):
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("Title of the action").fill(title)
    page.get_by_label("Starts").fill("2019-04-01")
    page.get_by_label("Ends").fill("2021-03-31")
    page.get_by_label("Indicator").fill("Companies advised")
    page.get_by_label("Baseline").fill("0")
    page.get_by_label("Target").fill("60")
    # The rich-text editor replaces the text area when JavaScript runs. It is typed into
    # last: a field filled straight after it can lose its focus to the editor again.
    page.locator("trix-editor#id_description").click()
    page.keyboard.type(description)
    save_and_continue(page)


def _other_partner_sees_nothing(other_page, live_server, plan_path):
    other_page.goto(live_server.url + "/en/workspace/")
    assert "Our regional plan" not in other_page.locator("main").inner_text()
    response = other_page.goto(live_server.url + plan_path)
    assert response.status == 404
    # The API, asked with the same signed-in session, keeps the secret as well.
    plan_id = plan_path.rstrip("/").rsplit("/", 1)[1]
    api = other_page.request.get(f"{live_server.url}/api/v1/workspace/plans/{plan_id}/")
    assert api.status == 404
    listed = other_page.request.get(f"{live_server.url}/api/v1/workspace/plans/").json()
    assert listed == []


def test_a_plan_from_first_draft_to_public_page(browser, live_server, people):
    partner = _log_in(browser, live_server, people["partner"])
    other = _log_in(browser, live_server, people["other"])

    partner.get_by_role("link", name="Start the action plan").click()
    partner.get_by_label("Title of the plan").fill("Our regional plan")
    partner.get_by_role("button", name="Start the plan").click()
    plan_path = partner.url.split("/edit/")[0].replace(live_server.url, "") + "/"

    partner.get_by_label("Contact person").fill("Ada Example")
    partner.get_by_label("Contact email").fill("ada@example.org")
    assert axe_violations(partner) == []
    # Leaving with unsaved changes asks first; staying keeps what was typed.
    warnings = []
    partner.once("dialog", lambda dialog: (warnings.append(dialog.type), dialog.dismiss()))
    partner.get_by_role("link", name="Back to the plan").click()
    assert warnings == ["beforeunload"]
    assert partner.get_by_label("Contact person").input_value() == "Ada Example"
    save_and_continue(partner)

    partner.get_by_label("Name of the policy instrument").fill("Regional Innovation Strategy")
    partner.get_by_label("Type").select_option("other")
    partner.get_by_label("A change in the management of the instrument").check()
    save_and_continue(partner)

    partner.get_by_role("link", name="Add an action").click()
    partner.locator("trix-editor#id_description").wait_for()
    assert axe_violations(partner) == []  # the rich-text editor included
    partner.go_back()
    _add_action(partner, "Funding desk", "One desk for every funding source.")
    _add_action(partner, "Stakeholder panel", "A panel that steers the priority.")
    partner.get_by_role("link", name="Continue to Part IV: endorsement").click()
    partner.get_by_label("Endorsed by").fill("Minister of Economy")
    partner.get_by_label("Endorsed on").fill("2019-03-15")
    partner.get_by_label("Signed endorsement letter").set_input_files(
        {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    save_and_continue(partner)
    assert "All four parts are complete" in partner.locator("main").inner_text()
    _other_partner_sees_nothing(other, live_server, plan_path)

    partner.get_by_role("button", name="Submit for review").click()
    partner.get_by_text("Done: the plan's state is now “Submitted”.").wait_for()
    _other_partner_sees_nothing(other, live_server, plan_path)

    coordinator = _log_in(browser, live_server, people["coordinator"])
    coordinator.get_by_role("link", name="Submitted").click()
    assert axe_violations(coordinator) == []
    coordinator.get_by_label("Remark on").select_option(label="Funding desk")
    coordinator.get_by_label("Your remark").fill("Who runs the desk, and with which staff?")
    coordinator.get_by_role("button", name="Add remark").click()
    coordinator.get_by_label("What needs to change").fill("See the remark on the funding desk.")
    coordinator.get_by_role("button", name="Request changes").click()
    coordinator.get_by_text("Done: the plan's state is now “Changes requested”.").wait_for()
    _other_partner_sees_nothing(other, live_server, plan_path)

    partner.goto(live_server.url + "/en/workspace/")
    assert "See the remark on the funding desk." in partner.locator("main").inner_text()
    partner.get_by_role("link", name="Our regional plan").click()
    assert "Who runs the desk, and with which staff?" in partner.locator("main").inner_text()
    partner.get_by_role("link", name="Edit the plan").click()
    partner.get_by_role("link", name="Actions").first.click()
    partner.get_by_role("link", name="Edit Funding desk").click()
    partner.locator("trix-editor#id_players").click()
    partner.keyboard.type("The regional development agency runs it with two advisers.")
    save_and_continue(partner)
    partner.goto(live_server.url + plan_path)
    partner.get_by_role("button", name="Submit for review").click()
    partner.get_by_text("Done: the plan's state is now “Submitted”.").wait_for()

    coordinator.goto(live_server.url + plan_path)
    assert "two advisers" in coordinator.locator("main").inner_text()
    coordinator.get_by_role("button", name="Approve").click()
    coordinator.get_by_text("Done: the plan's state is now “Approved”.").wait_for()

    partner.goto(live_server.url + plan_path + "history/")
    assert axe_violations(partner) == []
    partner.get_by_role("button", name="Compare the chosen versions").click()
    partner.get_by_role("heading", name="Compare versions").wait_for()
    assert "two advisers" in partner.locator("main").inner_text()
    assert axe_violations(partner) == []

    visitor = browser.new_page()
    visitor.goto(live_server.url + f"/en/projects/{people['project'].slug}/")
    visitor.get_by_role("link", name="Our regional plan").click()
    text = visitor.locator("main").inner_text()
    assert "Funding desk" in text and "Stakeholder panel" in text
    assert "two advisers" in text
    assert "ada@example.org" not in text
    assert axe_violations(visitor) == []
