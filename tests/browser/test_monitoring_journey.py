"""Phase 2 in a real browser: a partner reports, pre-filled from the last period, and
submits; the coordinator finds the delayed action on the dashboard, follows its history
and accepts the report; the public then sees the progress. axe checks the dashboard, the
report editor and the public progress view in Dutch, English and German."""

import datetime

import pytest

from actionplans.monitoring import services as reporting
from actionplans.monitoring.periods import periods_generate
from actionplans.monitoring.workflow import report_transition
from projects.models import Phase
from tests import factories
from tests.actionplans.conftest import advance, fill_report
from tests.browser.conftest import axe_violations, save_and_continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"


@pytest.fixture
def setting(live_site):
    from actionplans import services

    project = factories.ProjectFactory(acronym="S3Chem", slug="s3chem-test")
    Phase.objects.create(
        project=project,
        kind=2,
        start_date=datetime.date(2019, 4, 1),
        end_date=datetime.date(2021, 3, 31),
    )
    periods = periods_generate(project=project)
    lead = factories.PartnershipFactory(project=project, role="lead")
    ours = factories.PartnershipFactory(project=project, region__name="Limburg")
    partner = factories.grant(ours, "partner_member")
    coordinator = factories.grant(lead, "coordinator")
    plan = services.plan_create(user=partner, partnership=ours, title="Our regional plan")
    advance(plan, partner, coordinator, "approved")
    first = reporting.report_start(user=partner, plan=plan, period=periods[0])
    fill_report(first, partner, status="in_progress", achieved="8")
    report_transition(user=partner, report=first, step="submit")
    report_transition(user=coordinator, report=first, step="accept")
    return {"project": project, "plan": plan, "partner": partner, "coordinator": coordinator}


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


def _axe_in_every_language(page, path):
    for language in ("nl", "en", "de"):
        page.goto(
            page.url.split("/", 3)[0] + "//" + page.url.split("/", 3)[2] + f"/{language}{path}"
        )
        assert axe_violations(page) == [], (language, path)


def test_a_report_from_the_partner_to_the_public(browser, live_server, setting):
    partner = _log_in(browser, live_server, setting["partner"])
    partner.get_by_role("link", name="Progress reports").first.click()
    partner.get_by_role("button", name="Start the report Period 2").click()
    partner.get_by_text("The report is started").wait_for()
    editor_path = partner.url.replace(live_server.url, "").removeprefix("/en")
    save_and_continue(partner)
    # Filled in from period 1's report.
    assert partner.get_by_label("Status").input_value() == "in_progress"
    assert partner.get_by_label("Achieved so far").input_value() == "8.00"
    partner.get_by_label("Status").select_option("delayed")
    partner.get_by_label("Achieved so far").fill("14")
    # The rich text last: a field filled straight after typing into it can lose its focus
    # to the editor again, and the figure would land in the text.
    partner.locator("trix-editor#id_narrative").click()
    partner.keyboard.press("Control+A")
    partner.keyboard.type("The desk's staff arrive late.")
    save_and_continue(partner)
    partner.get_by_role("button", name="Submit the report").click()
    partner.get_by_text("Done: the report's state is now “Submitted”.").wait_for()
    _axe_in_every_language(partner, editor_path.replace("/edit/", "/"))

    coordinator = _log_in(browser, live_server, setting["coordinator"])
    coordinator.get_by_role("link", name="Phase-2 monitoring of S3Chem").click()
    coordinator.get_by_label("Period", exact=True).select_option(
        label="Period 2 (October 2019 – March 2020)"
    )
    coordinator.get_by_label("Action status").select_option("delayed")
    coordinator.get_by_role("button", name="Show").click()
    coordinator.get_by_role("heading", name="Actions “Delayed” in Period 2").wait_for()
    dashboard_path = coordinator.url.replace(live_server.url, "").removeprefix("/en")
    coordinator.get_by_role("link", name="Across periods").click()
    history = coordinator.locator("main").inner_text()
    assert "In progress" in history and "Delayed" in history
    assert "The desk's staff arrive late." in history
    coordinator.get_by_role("link", name="Submitted").last.click()
    coordinator.get_by_role("button", name="Accept the report").click()
    coordinator.get_by_text("Done: the report's state is now “Accepted”.").wait_for()
    _axe_in_every_language(coordinator, dashboard_path)

    visitor = browser.new_page()
    visitor.goto(live_server.url + f"/en/action-plans/{setting['plan'].slug}/")
    results = visitor.locator("section.results").inner_text()
    assert "Period 2" in results and "Delayed" in results
    assert "14" in results
    _axe_in_every_language(visitor, f"/action-plans/{setting['plan'].slug}/")

    # The report editor, in the three languages, on a draft of the next period.
    partner.goto(live_server.url + "/en/workspace/")
    partner.get_by_role("link", name="Progress reports").first.click()
    partner.get_by_role("button", name="Start the report Period 3").click()
    partner.get_by_text("The report is started").wait_for()
    _axe_in_every_language(partner, partner.url.replace(live_server.url, "").removeprefix("/en"))
