"""Registration in a real browser on a phone: a visitor signs up for the demo's upcoming
event, confirms by the link in the mail a real worker sent, receives the calendar file;
the organiser finds them and checks them in on the day."""

import re

import icalendar
import pytest

from portal.demo.loader import DEMO_PASSWORD
from tests.browser.conftest import screenshot
from tests.events.conftest import link_in, read_mail

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EVENT = "/en/events/demo-chemistry-regions-innovation-days/"
PHONE = {"width": 375, "height": 812}


def _phone(browser):
    context = browser.new_context(viewport=PHONE, accept_downloads=True)
    page = context.new_page()
    # The journey waits on a worker and two browsers at once: generous under a full run.
    page.set_default_timeout(30_000)
    return page


def _fits(page) -> bool:
    return not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def _log_in(page, site, email):
    page.goto(site + "/en/login/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/workspace/**")


def test_a_visitor_registers_on_a_phone_and_the_organiser_checks_them_in(
    site, browser, celery_worker
):
    visitor = _phone(browser)
    visitor.goto(site + EVENT)
    assert "2 of 12 places left" in visitor.locator(".registration-box").inner_text()
    assert _fits(visitor)
    visitor.get_by_role("link", name="Register", exact=True).click()

    visitor.get_by_label("Full name").fill("Zoë Visitor")
    visitor.get_by_label("Email address").fill("zoe@example.org")
    visitor.get_by_role("textbox", name="Organisation", exact=True).fill("Zoë's Lab")
    visitor.get_by_label("Type of organisation").select_option("sme")
    visitor.get_by_label("Country").select_option("BE")
    visitor.get_by_label("Workshop: funding innovation in chemistry SMEs").check()
    visitor.get_by_label("Site visit: a chemical park").check()
    assert _fits(visitor)
    screenshot(visitor, "registration-form-phone")
    visitor.get_by_role("button", name="Send my registration").click()
    # The consent was not given: the form says so and keeps the answers.
    visitor.get_by_text("This field is required.").wait_for()
    assert visitor.get_by_label("Full name").input_value() == "Zoë Visitor"
    visitor.get_by_label("I agree to the text above").check()
    visitor.get_by_role("button", name="Send my registration").click()
    visitor.get_by_role("heading", name="Check your mail").wait_for()

    celery_worker.wait_for(lambda: len(celery_worker.sent()) == 1, timeout=60)
    _subject, text, _files = read_mail(celery_worker.sent()[0])
    visitor.goto(site + link_in(text, "confirm"))
    visitor.get_by_role("button", name="Confirm my registration").click()
    visitor.get_by_role("heading", name="Your registration").wait_for()
    state = visitor.locator(".registration-state").inner_text()
    assert "You have a place" in state
    # The site visit's four places are taken: the visitor waits for one.
    sessions = visitor.locator("#sessions + ul").inner_text()
    assert "Site visit: a chemical park" in sessions and "On the waiting list" in sessions
    assert _fits(visitor)
    screenshot(visitor, "registration-personal-page-phone")

    celery_worker.wait_for(lambda: len(celery_worker.sent()) == 2, timeout=60)
    # The worker's files sort by the second they were written in, not within it.
    [(subject, _text, files)] = [
        mail for mail in map(read_mail, celery_worker.sent()) if "Confirm" not in mail[0]
    ]
    assert subject.startswith("You have a place")
    (ics,) = files.values()
    calendar = icalendar.Calendar.from_ical(ics)
    summaries = [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")]
    assert summaries[0] == "Innovation days of the chemistry regions (demo)"
    assert any(s.startswith("Workshop: funding innovation") for s in summaries)

    organiser = _phone(browser)
    _log_in(organiser, site, "communication@example.org")
    organiser.goto(site + EVENT)
    organiser.get_by_role("navigation", name="For organisers").get_by_role(
        "link", name="Participants"
    ).click()
    organiser.get_by_role("heading", name="Participants", level=1).wait_for()
    assert "Zoë Visitor" in organiser.locator("#results").inner_text()
    organiser.get_by_role("link", name="Check-in").first.click()
    organiser.get_by_label("Find by name or organisation").fill("zoë")
    organiser.get_by_role("button", name="Find").click()
    organiser.get_by_role("button", name=re.compile(r"^Present\W+Zoë Visitor$")).click()
    # htmx swaps the row and the count in place; the status is spoken.
    organiser.get_by_text("1 of 11 confirmed participants checked in").wait_for()
    organiser.get_by_role(
        "button", name=re.compile(r"^Undo\W+Zoë Visitor is not present")
    ).wait_for()
    assert "Zoë Visitor is checked in." in organiser.locator("#check-in-status").inner_text()
    assert _fits(organiser)
    screenshot(organiser, "check-in-phone")
    organiser.reload()
    assert "1 of 11 confirmed participants checked in" in organiser.locator("main").inner_text()


def test_the_check_in_works_without_javascript(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    _log_in(page, site, "communication@example.org")
    page.goto(site + EVENT + "check-in/?q=Anna")
    page.get_by_role("button", name=re.compile(r"^Present\W+Anna Example$")).click()
    page.get_by_text("Anna Example is checked in.").wait_for()
    assert "1 of 10 confirmed participants checked in" in page.locator("main").inner_text()
    context.close()
