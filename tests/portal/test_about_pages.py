"""Contact, legal notice, privacy and accessibility statements: in every language, linked
from every page's footer; the icons browsers ask for."""

import json
import re

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

PAGES = {
    "contact": {"en": "Contact", "nl": "Contact", "de": "Kontakt"},
    "legal-notice": {"en": "Legal notice", "nl": "Juridische informatie", "de": "Impressum"},
    "privacy": {"en": "Privacy statement", "nl": "Privacyverklaring", "de": "Datenschutzerklärung"},
    "accessibility": {
        "en": "Accessibility statement",
        "nl": "Toegankelijkheidsverklaring",
        "de": "Erklärung zur Barrierefreiheit",
    },
}
# A phrase of each page's body as written in that language, so an English page shown
# under /de/ would fail.
BODIES = {
    "privacy": {"en": "Your rights", "nl": "Uw rechten", "de": "Ihre Rechte"},
    "accessibility": {
        "en": "Enforcement procedure",
        "nl": "Handhavingsprocedure",
        "de": "Durchsetzungsverfahren",
    },
    "legal-notice": {"en": "Funding", "nl": "Financiering", "de": "Förderung"},
    "contact": {"en": "Who to ask about what", "nl": "Wie u waarvoor vraagt", "de": "Wen Sie"},
}


@pytest.mark.parametrize("language", ["en", "nl", "de"])
@pytest.mark.parametrize("page", list(PAGES))
def test_each_page_in_each_language(client, page, language):
    response = client.get(f"/{language}/{page}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{PAGES[page][language]}</h1>" in html
    assert BODIES[page][language] in html
    # The operator is the demo's invention, and says so.
    assert 'class="badge badge--demo"' in html


def test_the_privacy_statement_gives_the_retention_the_portal_applies(client, settings):
    settings.REGISTRATION_RETENTION_DAYS = 90
    settings.NEWSLETTER_CONFIRM_DAYS = 3
    html = client.get("/en/privacy/").content.decode()
    assert "90 days after the event" in html
    assert "confirmed within 3 days" in html
    for stored in ("Accounts", "Newsletter subscribers", "Server logs", "Cookies"):
        assert f"<h3>{stored}</h3>" in html


def test_every_page_links_them_in_its_footer(client):
    html = client.get("/nl/").content.decode()
    footer = re.search(r'<footer class="site-footer">.*</footer>', html, re.S).group(0)
    for page in PAGES:
        assert f'href="/nl/{page}/"' in footer


def test_every_page_carries_the_eu_emblem_in_its_header(client):
    html = client.get("/de/regions/").content.decode()
    header = re.search(r'<header class="site-header">.*?</header>', html, re.S).group(0)
    assert "img/eu-emblem" in header
    assert "Kofinanziert von der Europäischen Union" in header


@pytest.fixture
def plain_static(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _static_file(url: str):
    return settings.BASE_DIR / "static" / url.removeprefix(settings.STATIC_URL)


def test_favicon_ico_is_the_icon(client, plain_static):
    response = client.get("/favicon.ico")
    assert response.status_code == 302
    path = _static_file(response["Location"])
    assert path.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file's signature


def test_the_web_manifest_names_the_site_in_the_page_language(client, plain_static):
    response = client.get("/de/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["name"] == "Netzwerk für Innovationskooperation"
    assert manifest["start_url"] == "/de/"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    for icon in manifest["icons"]:
        assert _static_file(icon["src"]).exists(), icon["src"]
    html = client.get("/de/").content.decode()
    assert 'rel="manifest" href="/de/manifest.webmanifest"' in html
    assert 'rel="apple-touch-icon"' in html
