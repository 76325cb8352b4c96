"""Real headless Chromium (Debian's), driven by Playwright, against pytest-django's live server."""

import functools
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = (
    os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
)

# Without these, Chromium keeps reaching for Google's services, which this network refuses.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    if CHROMIUM:
        return
    skip = pytest.mark.skip(reason="no Chromium found (install Debian's chromium, or set CHROMIUM)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API keeps an event loop running in the test thread, which makes
    # Django refuse database queries there unless told the thread is really synchronous.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.fixture
def live_site(live_server, settings, tmp_path):
    """The live server, with uploads in a temporary folder and no map tiles from outside."""
    settings.MEDIA_ROOT = tmp_path
    settings.MAP_TILE_URL = ""
    # The live server serves static files from the finders, by their plain names.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    return live_server.url


@pytest.fixture
def site(live_site, demo):
    """The live server with the demo content."""
    return live_site


@pytest.fixture
def page(browser):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@functools.cache
def _axe_source() -> str:
    return AXE.read_text()


def axe_violations(page, tags: tuple[str, ...] = ()) -> list[dict]:
    """Serious and critical accessibility violations axe-core finds on the page (only the
    rules of these tags, such as "wcag22aa", if given)."""
    # Evaluated through the browser's debugging protocol, which the page's policy does not
    # govern: a script tag added inline would be refused, as the policy means it to be.
    if not page.evaluate("typeof axe !== 'undefined'"):  # once a document
        page.evaluate(_axe_source())
    options = {"resultTypes": ["violations"]}
    if tags:
        options["runOnly"] = {"type": "tag", "values": list(tags)}
    result = page.evaluate("async (options) => await axe.run(document, options)", options)
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def save_and_continue(page) -> None:
    """Press the editor's "Save and continue" and wait for the answer to this save: the
    page may say "Saved." already, from the one before, and a click that follows at once
    would land on it while this save is still on its way."""
    with page.expect_navigation():
        page.get_by_role("button", name="Save and continue").click()
    page.get_by_text("Saved.").wait_for()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
