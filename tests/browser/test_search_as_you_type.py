"""The header's search field suggests as one types, and works with the keyboard alone."""

import re

import pytest

from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def field(page):
    return page.get_by_role("combobox", name="Search the portal")


def test_suggestions_are_chosen_and_opened_with_the_keyboard_alone(site, page):
    page.goto(site + "/en/events/")
    # Tab from the top of the page to the field, as a keyboard user gets there.
    search = field(page)
    while page.evaluate("document.activeElement && document.activeElement.id") != "site-search-q":
        page.keyboard.press("Tab")
    page.keyboard.type("flandres", delay=40)
    listbox = page.get_by_role("listbox", name="Suggestions")
    listbox.get_by_role("option", name="Flanders Make Organisation").wait_for()
    assert search.get_attribute("aria-expanded") == "true"
    # Screen readers hear how many suggestions there are.
    page.locator("#site-search-status").filter(has_text="suggestions").wait_for()
    assert axe_violations(page) == []

    page.keyboard.press("ArrowDown")
    first = listbox.get_by_role("option").first
    assert first.get_attribute("aria-selected") == "true"
    assert search.get_attribute("aria-activedescendant") == first.get_attribute("id")
    # The arrows move the choice; the focus stays in the field.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    assert first.get_attribute("aria-selected") == "true"
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    chosen = first.inner_text()

    # Escape closes the list without leaving the field; typing opens it again.
    page.keyboard.press("Escape")
    assert search.get_attribute("aria-expanded") == "false"
    assert listbox.is_hidden()
    page.keyboard.press("ArrowDown")
    assert search.get_attribute("aria-expanded") == "true"
    assert first.get_attribute("aria-selected") == "true"

    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/events/" not in url)
    assert page.get_by_role("heading", level=1).inner_text() in chosen


def test_enter_without_a_chosen_suggestion_searches_every_result(site, page):
    page.goto(site + "/en/")
    search = field(page)
    search.click()
    page.keyboard.type("bologna", delay=40)
    page.get_by_role("listbox").get_by_role("option").first.wait_for()
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/?q=bologna")
    main = page.locator("main")
    assert "ASTER consortium" in main.inner_text()
    assert "INNO INFRA SHARE kick-off meeting" in main.inner_text()
    assert axe_violations(page) == []


def test_the_search_page_with_a_suggestion_and_kinds_passes_axe_on_a_phone(site, browser):
    context = browser.new_context(viewport={"width": 375, "height": 740})
    page = context.new_page()
    page.goto(site + "/nl/search/?q=Lombrady")
    assert page.get_by_role("link", name="lombardy", exact=True).is_visible()
    kinds = page.get_by_role("navigation", name="Soorten resultaten")
    kinds.get_by_role("link", name=re.compile("^Regio")).click()
    page.wait_for_url("**kind=region**")
    assert axe_violations(page) == []
    context.close()
