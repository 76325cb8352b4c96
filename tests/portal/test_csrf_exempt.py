"""Which views skip Django's CSRF check, found by walking every route.

Django's own views are listed exactly: a new exemption fails here until it is added with
its reason. The REST framework marks every API view exempt and checks CSRF itself: its
SessionAuthentication refuses an unsafe request of a signed-in browser without the token,
and a token (TokenAuthentication) is no cookie a page on another site could borrow. So an
API view is allowed only these two ways of authenticating, and the test below shows the
refusal through the real API.
"""

import pytest
from django.test import Client
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.views import APIView

from tests import factories
from tests.urlwalk import routes

# Each with the reason it may skip the check.
EXEMPT = {
    # RFC 8058 one-click unsubscribe: mail programs POST the link without a page or token.
    "newsletter:unsubscribe",
    # The API's JSON 404 for any unknown address: it changes nothing.
    "api-not-found",
}
AUTHENTICATION = {TokenAuthentication, SessionAuthentication}


def _is_api(route) -> bool:
    view_class = route.view_class
    return isinstance(view_class, type) and issubclass(view_class, APIView)


def test_the_csrf_exempt_views_are_exactly_these():
    exempt = {
        route.name
        for route in routes()
        if getattr(route.callback, "csrf_exempt", False) and not _is_api(route)
    }
    assert exempt == EXEMPT


def test_every_api_view_checks_csrf_for_sessions_itself():
    api = [route for route in routes() if _is_api(route)]
    assert len(api) > 40
    # These classes themselves, not subclasses, which could turn the check off.
    wrong = {
        route.name: classes
        for route in api
        if not set(classes := route.view_class.authentication_classes) <= AUTHENTICATION
    }
    assert wrong == {}


@pytest.mark.django_db
def test_a_signed_in_browser_without_the_token_cannot_write_through_the_api():
    partner = factories.grant(factories.PartnershipFactory(), "partner_member")
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(partner)
    answer = browser.post(
        "/api/v1/workspace/plans/", {"title": "Ours"}, content_type="application/json"
    )
    assert answer.status_code == 403
    assert "CSRF" in answer.json()["detail"]
