import pytest
from rest_framework.authtoken.models import Token

from tests import factories as f

pytestmark = pytest.mark.django_db
PAGE = "/en/account/api-token/"


@pytest.fixture
def user(client):
    user = f.UserFactory()
    client.force_login(user)
    return user


def test_the_page_asks_to_log_in_first(db, client):
    response = client.get(PAGE)
    assert response.status_code == 302
    assert response["Location"].startswith("/en/login/")


def test_a_user_makes_a_token_sees_it_once_and_uses_it(user, client):
    assert "You have no token." in client.get(PAGE).content.decode()
    response = client.post(PAGE, {"action": "create"})
    key = Token.objects.get(user=user).key
    assert key in response.content.decode()
    assert key not in client.get(PAGE).content.decode()
    client.logout()
    assert (
        client.get("/api/v1/events/", headers={"Authorization": f"Token {key}"}).status_code == 200
    )


def test_a_new_token_replaces_the_old_one(user, client):
    client.post(PAGE, {"action": "create"})
    old = Token.objects.get(user=user).key
    client.post(PAGE, {"action": "create"})
    assert Token.objects.get(user=user).key != old
    client.logout()
    assert (
        client.get("/api/v1/events/", headers={"Authorization": f"Token {old}"}).status_code == 401
    )


def test_a_revoked_token_stops_working(user, client):
    client.post(PAGE, {"action": "create"})
    key = Token.objects.get(user=user).key
    response = client.post(PAGE, {"action": "revoke"}, follow=True)
    assert "Your API token is revoked." in response.content.decode()
    assert not Token.objects.filter(user=user).exists()
    client.logout()
    assert (
        client.get("/api/v1/events/", headers={"Authorization": f"Token {key}"}).status_code == 401
    )


def test_tokens_are_made_with_a_post_and_csrf(user):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(user)
    assert strict.post(PAGE, {"action": "create"}).status_code == 403
    assert not Token.objects.filter(user=user).exists()
