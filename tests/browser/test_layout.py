"""The phone layout's disclosures work with the keyboard and without JavaScript, and the
rich-text editor's toolbar is in the Tab order."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from actionplans.models import ActionPlan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 375, "height": 740}


def test_the_phone_menu_opens_without_javascript_and_shows_everything_on_a_desktop(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/en/events/")
    nav = page.get_by_role("navigation", name="Main")
    assert not nav.is_visible()
    page.get_by_text("Menu", exact=True).click()
    link = nav.get_by_role("link", name="Events")
    assert link.get_attribute("aria-current") == "page"
    assert link.bounding_box()["height"] >= 44
    assert page.get_by_role("combobox", name="Search the portal").is_visible()
    # The header takes little of a phone's first screen while the menu is closed.
    page.get_by_text("Menu", exact=True).click()
    assert page.locator(".site-header").bounding_box()["height"] < 0.2 * PHONE["height"]

    page.set_viewport_size({"width": 1280, "height": 800})
    assert nav.is_visible()
    assert not page.get_by_text("Menu", exact=True).is_visible()
    context.close()


def test_escape_closes_the_menu_and_returns_to_its_button(site, browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(site + "/en/")
    menu = page.locator("summary", has_text="Menu")
    menu.focus()
    page.keyboard.press("Enter")
    nav = page.get_by_role("navigation", name="Main")
    nav.get_by_role("link", name="Projects").wait_for()
    page.keyboard.press("Tab")
    page.keyboard.press("Escape")
    assert not nav.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    context.close()


def test_filters_fold_away_on_a_phone_and_work_without_javascript(site, browser):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/en/events/?when=past")
    project = page.get_by_label("Project")
    assert not project.is_visible()
    page.locator("summary", has_text="Filters").click()
    project.select_option("inno-infra-share")
    page.get_by_role("button", name="Filter", exact=True).click()
    assert "project=inno-infra-share" in page.url
    assert page.locator("summary", has_text="Filters (1 set)").is_visible()
    assert "study visit" in page.locator("#results").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()


def test_tab_reaches_the_rich_text_toolbar(site, browser, live_server):
    user = get_user_model().objects.get(email="partner.limburg@example.org")
    plan = ActionPlan.objects.get(partnership__region__slug="limburg-nl")
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": site}]
    )
    page = context.new_page()
    page.goto(f"{site}/en/workspace/plans/{plan.pk}/actions/{plan.actions.first().pk}/")
    page.locator("trix-editor").first.wait_for()
    page.get_by_label("Title of the action").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "[document.activeElement.tagName, document.activeElement.closest('trix-toolbar') !== null]"
    )
    assert focused == ["BUTTON", True]
    context.close()
