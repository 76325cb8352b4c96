"""Two-factor authentication in a real browser: set up from the account page, then asked
at the next login; keyboard only, accessible, and within the Content-Security-Policy."""

import base64
import time

import pytest
from django_otp.oath import TOTP

from tests import factories
from tests.browser.conftest import axe_violations, screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "secret-pass-123"


def _code(key: str, offset: float = 0) -> str:
    totp = TOTP(base64.b32decode(key.replace(" ", "")))
    totp.time = time.time() + offset
    return f"{totp.token():06d}"


def test_set_up_then_log_in_with_a_code(page, live_site):
    violations = []
    page.on(
        "console",
        lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None,
    )
    user = factories.UserFactory(email="ada@example.org")
    page.goto(live_site + "/en/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="My workspace", level=1).wait_for()

    page.get_by_role("link", name="Your account").click()
    page.get_by_role("link", name="Set up two-factor authentication").click()
    qr = page.get_by_role("img", name="QR code with the key for your authenticator app")
    assert qr.locator("svg").bounding_box()["width"] > 100
    screenshot(page, "two-factor-setup")
    assert axe_violations(page) == []
    key = page.locator("#second-factor-key").inner_text()
    page.get_by_role("textbox", name="Code").fill(_code(key))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="Your recovery codes").wait_for()
    assert page.locator(".recovery-codes li").count() == 10
    screenshot(page, "two-factor-recovery-codes")
    assert axe_violations(page) == []

    page.get_by_role("button", name="Log out").click()
    page.goto(live_site + "/en/login/")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.keyboard.press("Enter")
    page.get_by_role("textbox", name="Code").wait_for()
    assert axe_violations(page) == []
    # The code of the next 30 seconds: the one used to set up is spent.
    page.get_by_role("textbox", name="Code").fill(_code(key, offset=30))
    page.keyboard.press("Enter")
    page.get_by_role("heading", name="My workspace", level=1).wait_for()
    assert violations == []
