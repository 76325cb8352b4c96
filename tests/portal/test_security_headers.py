"""The Content-Security-Policy, frame protection and private caching, page by page."""

import re
from pathlib import Path

import pytest
from rest_framework.authtoken.models import Token

from actionplans import services
from portal.core.middleware import csp_source
from tests import factories as f
from tests.actionplans.conftest import fill

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
PUBLIC_PAGES = [
    "/en/",
    "/en/map/",
    "/en/events/",
    "/en/projects/",
    "/en/data/",
    "/en/search/?q=lab",
    "/en/login/",
    "/en/account/password-reset/",
    "/en/no-such-page/",
    "/api/v1/",
    "/api/v1/docs/",
    "/api/v1/redoc/",
]


def _policy(response) -> dict[str, list[str]]:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_every_page_forbids_inline_scripts_and_framing(demo, client, url):
    response = client.get(url, HTTP_ACCEPT="text/html")
    policy = _policy(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"


@pytest.mark.parametrize("visit", ["first", "cached"])
def test_the_map_may_load_its_tiles_and_no_other_page_may(client, settings, visit):
    settings.MAP_TILE_URL = "https://{s}.tiles.example.org/{z}/{x}/{y}.png"
    client.get("/en/map/")
    policy = _policy(client.get("/en/map/"))
    assert policy["img-src"] == ["'self'", "data:", "https://*.tiles.example.org"]
    assert _policy(client.get("/en/events/"))["img-src"] == ["'self'", "data:"]


@pytest.mark.parametrize(
    ("url", "source"),
    [
        ("https://tile.openstreetmap.org/{z}/{x}/{y}.png", ["https://tile.openstreetmap.org"]),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", ["https://*.tile.example.org"]),
        ("http://tiles.local:8080/{z}/{x}/{y}.png", ["http://tiles.local:8080"]),
        ("", []),
    ],
)
def test_a_tile_server_becomes_a_source_for_images(url, source):
    assert csp_source(url) == source


@pytest.mark.parametrize("visit", ["first", "cached"])
def test_the_events_widget_may_be_framed_by_any_site(client, visit):
    f.EventFactory()
    client.get("/en/events/widget/")
    response = client.get("/en/events/widget/")
    assert "X-Frame-Options" not in response
    assert _policy(response)["frame-ancestors"] == ["*"]
    assert _policy(response)["script-src"] == ["'self'"]


def test_the_api_documentation_allows_inline_styles_only(client):
    for url in ("/api/v1/docs/", "/api/v1/redoc/"):
        policy = _policy(client.get(url))
        assert policy["script-src"] == ["'self'"]
        assert policy["style-src"] == ["'self'", "'unsafe-inline'"]


def test_no_template_has_an_inline_script_or_event_handler():
    """Every script is a file: the policy refuses the rest, so none may be written."""
    offenders = []
    for template in (ROOT / "templates").rglob("*.html"):
        html = template.read_text()
        for tag in re.findall(r"<script\b[^>]*>", html):
            if "src=" not in tag and 'type="application/json"' not in tag:
                offenders.append(f"{template.relative_to(ROOT)}: {tag}")
        offenders += [
            f"{template.relative_to(ROOT)}: {handler}"
            for handler in re.findall(r"<[^>]*\s(on[a-z]+=)", html)
        ]
    assert offenders == []


def test_signed_in_pages_are_not_kept_by_any_cache(client, partner_member, partnership):
    plan = services.plan_create(user=partner_member, partnership=partnership, title="Plan")
    fill(plan, partner_member)
    client.force_login(partner_member)
    for url in (
        "/en/",
        "/en/events/",
        "/en/workspace/",
        f"/en/workspace/plans/{plan.pk}/",
        f"/en/workspace/plans/{plan.pk}/endorsement.pdf",
        "/en/account/api-token/",
        "/api/v1/workspace/plans/",
        "/api/v1/events/?format=api",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        cache_control = response["Cache-Control"]
        assert "private" in cache_control and "no-store" in cache_control, url
        assert "public" not in cache_control, url


def test_the_admin_is_not_kept_by_any_cache(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    response = client.get("/en/admin/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_a_token_is_not_kept_by_any_cache(client):
    user = f.UserFactory()
    token = Token.objects.create(user=user)
    response = client.get("/api/v1/workspace/plans/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert "no-store" in response["Cache-Control"]
    # The public data a token holder reads is everyone's: it keeps the shared caching.
    public = client.get("/api/v1/events/", HTTP_AUTHORIZATION=f"Token {token.key}")
    assert "public" in public["Cache-Control"] and "ETag" in public


def test_anonymous_pages_keep_the_page_cache_and_its_etags(client):
    f.EventFactory()
    first = client.get("/en/events/")
    assert "public" in first["Cache-Control"] and "no-store" not in first["Cache-Control"]
    assert client.get("/en/events/", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
