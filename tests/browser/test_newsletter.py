"""The newsletter in a real browser: subscribing from the footer with the keyboard alone, and
a manager composing an issue and watching it. Its pages' axe, width and language checks are
rows of the page sweep (test_every_page.py)."""

import pytest

from news.models import Issue, Subscriber
from tests import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # what tests.factories.UserFactory sets
LANGUAGES = ["nl", "en", "de"]


@pytest.fixture
def manager(live_site):
    project = factories.ProjectFactory(acronym="S3Chem", slug="s3chem-test")
    lead = factories.PartnershipFactory(project=project, role="lead")
    factories.ArticleFactory(title="Chemistry regions meet in Halle")
    factories.EventFactory(title="Closing conference")
    factories.ThemeFactory(name="Sustainable chemistry")
    return factories.grant(lead, "communication_manager")


def _log_in(page, site, user):
    page.goto(site + "/en/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My workspace", level=1).wait_for()


def _no_overflow(page) -> bool:
    return not page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def test_subscribing_from_the_footer_with_the_keyboard(live_site, page):
    factories.ThemeFactory(name="Photonics")
    page.goto(live_site + "/en/")
    email = page.get_by_label("The newsletter by email")
    email.focus()
    page.keyboard.type("ada@example.org")
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Subscribe to the newsletter", level=1).wait_for()
    assert page.get_by_role("textbox", name="Email address").input_value() == "ada@example.org"
    # Tab through the form: the honeypot is never reached.
    page.get_by_label("Photonics").focus()
    page.keyboard.press("Space")
    page.get_by_label("I agree that").focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused == "Subscribe"
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Check your inbox").wait_for()
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.PENDING
    assert [t.name for t in subscriber.themes.all()] == ["Photonics"]


def test_a_manager_composes_previews_and_sends_an_issue(manager, live_site, page):
    factories.SubscriberFactory.create_batch(3)
    _log_in(page, live_site, manager)
    page.get_by_role("link", name="Compose, schedule and send issues").click()
    page.get_by_role("link", name="Compose a new issue").click()
    page.get_by_label("Subject (English)").fill("Spring news")
    page.get_by_label("Subject (Dutch)").fill("Lentenieuws")
    page.get_by_label("Introduction (English)").fill("Two meetings this spring.")
    first = page.get_by_role("group", name="Item 1")
    first.get_by_label("News article").select_option(index=1)
    second = page.get_by_role("group", name="Item 2")
    second.get_by_label("Event").select_option(index=1)
    page.get_by_role("button", name="Save the issue").click()
    page.get_by_text("The issue is saved.").wait_for()
    page.get_by_role("link", name="Preview in Dutch").click()
    frame = page.frame_locator("iframe.mail-preview")
    frame.get_by_text("Lentenieuws").first.wait_for()
    assert "Chemistry regions meet in Halle" in page.locator("pre.mail-text").inner_text()
    page.get_by_role("link", name="Back to the issue").click()
    page.get_by_role("button", name="Send now").click()
    page.get_by_text("Sending has started, to 3 subscribers.").wait_for()
    assert Issue.objects.get().state in (Issue.State.SENDING, Issue.State.SENT)
    # While it sends, the counts are asked for again every two seconds.
    assert page.locator("#progress").get_attribute("hx-trigger") == "every 2s"
