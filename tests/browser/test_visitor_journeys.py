import icalendar
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_to_a_filtered_event_and_its_calendar_file(site, page):
    page.goto(site + "/en/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Events").click()
    page.get_by_role("link", name="Past", exact=True).click()
    page.get_by_label("Project").select_option("s3chem")
    # htmx swaps the results in place and keeps the filter in the address bar.
    page.wait_for_url("**project=s3chem**")
    results = page.locator("#results")
    results.get_by_text("S3Chem: 11th Interregional Working Group meeting").wait_for()
    assert "INNO INFRA SHARE" not in results.inner_text()
    results.get_by_role("link", name="S3Chem: 11th Interregional Working Group meeting").click()
    page.get_by_role("heading", level=1).wait_for()
    main = page.locator("main").inner_text()
    assert "This event has taken place (22 November 2018)." in main
    # A past event is offered for no calendar; the coming one is.
    assert page.get_by_role("link", name="Add to calendar (.ics)").count() == 0
    page.goto(site + "/en/events/")
    page.locator("#results").get_by_role("link").first.click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    calendar = icalendar.Calendar.from_ical(download_info.value.path().read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert "demo" in str(event.get("SUMMARY"))


def test_filters_work_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "/en/events/?when=past")
    page.get_by_label("Project").select_option("inno-infra-share")
    page.get_by_role("button", name="Filter").click()
    assert "project=inno-infra-share" in page.url
    assert "study visit" in page.locator("#results").inner_text()
    context.close()


def test_a_bad_filter_is_explained_with_javascript_on(site, page):
    page.goto(site + "/en/events/?when=past")
    page.get_by_label("From").fill("2020-01-01")
    page.wait_for_url("**start=2020-01-01**")
    page.get_by_label("Until").fill("2019-01-01")
    # The server answers 400; htmx swaps it in so the visitor learns why nothing changed.
    page.locator("#results").get_by_text("The date range runs backwards").wait_for()
    assert page.locator("#results [role=alert]").is_visible()


def test_searching_the_good_practices(site, page):
    page.goto(site + "/en/good-practices/")
    page.get_by_label("Search", exact=True).fill("quadruple helix")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_url("**q=quadruple**")
    page.locator("#results").get_by_text("1 good practice").wait_for()
    page.get_by_role("link", name="Lombardy is Research and Innovation").click()
    assert "Regional Forum for Research and Innovation" in page.locator("main").inner_text()


def test_switching_to_german_keeps_the_page(site, page):
    page.goto(site + "/en/events/s3chem-closing-conference-halle-2019/")
    page.get_by_role("link", name="Deutsch").click()
    assert page.url.endswith("/de/events/s3chem-closing-conference-halle-2019/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert "26. Februar 2019" in page.locator("main").inner_text()


def test_map_popups_show_names_as_text(site, page):
    from tests.factories import PartnershipFactory

    name = "Lab <b>&</b> Co"
    PartnershipFactory(
        organisation__name=name, organisation__latitude=50.85, organisation__longitude=4.35
    )
    page.goto(
        site
        + "/en/map/?project="
        + PartnershipFactory._meta.model.objects.get(organisation__name=name).project.slug
    )
    page.get_by_title(name).click()
    popup = page.locator(".leaflet-popup-content")
    assert popup.get_by_role("link").inner_text() == name
    assert popup.locator("b").count() == 0
