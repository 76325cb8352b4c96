"""The Content-Security-Policy in a real browser: the map, the editor, the filters and the
API's documentation work under it, and Chromium reports no violation of it anywhere."""

import pytest

from actionplans import services
from tests import factories
from tests.browser.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"  # what tests.factories.UserFactory sets


@pytest.fixture
def watched(page):
    """The page, and every violation of the policy Chromium reports while it is used."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    return page, violations


def test_the_map_loads_its_tiles_from_the_tile_server(watched, site, settings):
    page, violations = watched
    # Another origin than the page's, as a real tile server is: 127.0.0.1, not localhost.
    tiles = site.replace("localhost", "127.0.0.1")
    settings.MAP_TILE_URL = tiles + "/static/vendor/leaflet/images/layers.png?{z}/{x}/{y}"
    page.goto(site + "/en/map/")
    page.locator(".leaflet-tile-loaded").first.wait_for()
    page.locator(".leaflet-marker-icon, .leaflet-interactive").first.wait_for()
    assert violations == []


def test_the_filters_and_their_partial_answers_run(watched, site):
    page, violations = watched
    page.goto(site + "/en/events/")
    with page.expect_response(lambda r: "/en/events/?" in r.url):
        page.get_by_label("Project").select_option("s3chem")
    assert violations == []


def test_swagger_ui_and_redoc_draw_the_api(watched, site):
    page, violations = watched
    page.goto(site + "/api/v1/docs/")
    page.get_by_text("Innovation cooperation portal API").first.wait_for()
    page.locator(".opblock").first.wait_for()
    assert violations == []
    page.goto(site + "/api/v1/redoc/")
    page.get_by_text("Innovation cooperation portal API").first.wait_for()
    page.locator("[data-section-id]").first.wait_for()
    # Redoc always shows its maker's logo from their server: the policy refuses it (nothing
    # is fetched from a third party), and Redoc hides the image that did not load.
    assert [v for v in violations if "https://cdn.redoc.ly/" not in v] == []


def test_the_rich_text_editor_runs_for_a_signed_in_partner(watched, live_site):
    page, violations = watched
    partnership = factories.PartnershipFactory()
    partner = factories.grant(partnership, "partner_member")
    plan = services.plan_create(user=partner, partnership=partnership, title="Our plan")
    page.goto(live_site + "/en/login/")
    page.get_by_label("Email address").fill(partner.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("heading", name="My workspace", level=1).wait_for()
    page.goto(f"{live_site}/en/workspace/plans/{plan.pk}/actions/new/")
    page.locator("trix-editor").first.click()
    page.keyboard.type("Vouchers for labs")
    assert "Vouchers for labs" in page.locator("trix-editor").first.inner_text()
    # Trix's own style sheet is inline: it carries the page's nonce, so it applies.
    assert page.locator("trix-toolbar .trix-button-group").first.is_visible()
    assert violations == []


def test_a_locked_out_login_says_why_and_for_how_long(watched, live_site, settings):
    page, violations = watched
    user = factories.UserFactory(email="ada@example.org")
    page.goto(live_site + "/en/login/")
    for password in ["wrong"] * settings.AXES_FAILURE_LIMIT + [PASSWORD]:
        page.get_by_label("Email address").fill(user.email)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Log in").click()
        page.wait_for_load_state()
    alert = page.get_by_role("alert")
    assert "Too many failed attempts to log in" in alert.inner_text()
    assert "Wait 15 minutes" in alert.inner_text()
    assert page.get_by_label("Email address").input_value() == "ada@example.org"
    assert page.get_by_role("link", name="Forgot your password?").is_visible()
    assert axe_violations(page) == []
    assert violations == []
