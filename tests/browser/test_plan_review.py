"""The review flow in a real browser, at a phone's width and a desktop's: remarks beside
their action, a long unbroken text that wraps, the history, by keyboard, with axe."""

import pytest

from actionplans import services, workflow
from actionplans.content import content_of, plan_with_content
from tests import factories
from tests.actionplans.conftest import fill
from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # what tests.factories.UserFactory sets


@pytest.fixture
def sent_back(live_site):
    project = factories.ProjectFactory(acronym="S3Chem", slug="s3chem-review")
    lead = factories.PartnershipFactory(project=project, role="lead")
    ours = factories.PartnershipFactory(project=project, region__name="Limburg")
    partner = factories.grant(ours, "partner_member")
    coordinator = factories.grant(lead, "coordinator")
    plan = services.plan_create(user=partner, partnership=ours, title="Limburg's plan")
    fill(plan, partner)
    content = content_of(plan_with_content(plan.pk))
    # One unbroken word as long as the field allows.
    content["other_organisations"] = "x" * 2000
    services.plan_write(user=partner, plan=plan, expected_version=1, content=content)
    workflow.plan_transition(user=partner, plan=plan, step="submit")
    action = plan.actions.get()
    services.comment_add(
        user=coordinator,
        plan=plan,
        section="actions",
        action_id=action.pk,
        body="Say how large a voucher is.",
    )
    workflow.plan_transition(user=coordinator, plan=plan, step="request_changes", comment="See.")
    return {"plan": plan, "action": action, "partner": partner}


@pytest.mark.parametrize("width", [375, 1280])
def test_the_partner_reads_the_remark_beside_its_action(browser, live_site, sent_back, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(live_site + "/en/login/")
    page.get_by_label("Email address").fill(sent_back["partner"].email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My workspace", level=1).wait_for()
    plan, action = sent_back["plan"], sent_back["action"]

    page.goto(f"{live_site}/en/workspace/plans/{plan.pk}/")
    overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    assert page.evaluate(overflow) <= 0
    beside = page.locator(f"#action-{action.pk} .remarks-beside")
    assert "Say how large a voucher is." in beside.inner_text()
    # By keyboard: from the review's list to the action the remark is on.
    link = page.locator("#review .remarks a", has_text=action.title)
    link.focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**#action-{action.pk}")
    # The step comes after the remarks it answers.
    remark_y = page.locator("#review .remark").first.bounding_box()["y"]
    submit_y = page.get_by_role("button", name="Submit for review").bounding_box()["y"]
    assert remark_y < submit_y
    assert axe_violations(page) == []

    page.goto(f"{live_site}/en/workspace/plans/{plan.pk}/actions/{action.pk}/")
    assert "Say how large a voucher is." in page.locator(".remarks-beside").inner_text()
    assert page.evaluate(overflow) <= 0
    assert axe_violations(page) == []

    page.goto(f"{live_site}/en/workspace/plans/{plan.pk}/history/")
    assert page.get_by_text("Submitted → Changes requested").count() == 1
    assert page.get_by_text("Changed: Part I").count() >= 1
    assert page.evaluate(overflow) <= 0
    assert axe_violations(page) == []
    context.close()
