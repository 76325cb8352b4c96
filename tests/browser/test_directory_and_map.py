"""The organisations directory and the map, at a phone's and a desktop's width."""

import pytest

from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = [375, 1280]


def _no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_directory_filters_with_counts_by_keyboard(site, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site + "/de/organisations/")
    assert axe_violations(page) == []
    filters = page.locator("summary.filters-disclosure__button")
    if width < 768:
        # On a phone the filters are folded behind their button, opened by the keyboard.
        filters.focus()
        page.keyboard.press("Enter")
    project = page.get_by_label("Projekt")
    project.focus()
    # The keyboard chooses the option; htmx swaps the results and the counts in place.
    project.select_option("s3chem")
    page.locator("#results").filter(has_text="8 Organisationen").wait_for()
    assert page.evaluate("document.activeElement.id") == "id_project"
    types = page.locator("#id_type option").all_inner_texts()
    # S3Chem's partners: five public authorities, two agencies, one research institute.
    assert "Behörde (5)" in types, types
    assert _no_sideways_scroll(page)
    screenshot(page, f"organisations-{width}")


@pytest.mark.parametrize("width", WIDTHS)
def test_the_map_places_every_organisation_with_a_legend(site, page, width):
    page.set_viewport_size({"width": width, "height": 800})
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site + "/en/map/")
    page.wait_for_load_state("load")
    assert errors == []
    page.locator(".leaflet-marker-icon").first.wait_for()
    assert page.get_by_role("list", name="Legend").is_visible()
    assert page.locator(".map-list li[data-kind]:not([data-lat])").count() == 0
    assert axe_violations(page) == []
    assert _no_sideways_scroll(page)
    page.get_by_label("Project").select_option("inno-infra-share")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**project=inno-infra-share")
    assert page.locator(".map-list").first.locator("li").count() == 8
    screenshot(page, f"map-{width}")
