"""Subscribing, confirming, preferences, unsubscribing and erasing, through the pages."""

import json
import re
from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from news import consent, tokens
from news.models import Delivery, DeliveryFailure, Subscriber
from news.services import subscription
from portal.core.models import OutgoingMail
from tests import factories

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/en/newsletter/"


def _sign_up(client, email="ada@example.org", address="192.0.2.1", **extra):
    data = {"email": email, "language": "en", "consent": "on", **extra}
    return client.post(SUBSCRIBE, data, REMOTE_ADDR=address)


def _link(mail: OutgoingMail, name: str) -> str:
    return re.search(rf"http://localhost:8000(/\w\w/newsletter/{name}/[^/\s]+/)", mail.body_text)[1]


def test_the_footer_of_every_page_leads_to_the_subscribe_page(client):
    html = client.get("/nl/").content.decode()
    assert 'action="/nl/newsletter/"' in html
    page = client.get("/nl/newsletter/", {"email": "ada@example.org"})
    assert page.status_code == 200
    assert 'value="ada@example.org"' in page.content.decode()
    # The page's language is the newsletter's unless chosen otherwise.
    assert page.context["form"].initial["language"] == "nl"


def test_a_sign_up_waits_for_its_confirmation_and_records_the_consent(client):
    theme = factories.ThemeFactory()
    response = client.post(
        "/de/newsletter/",
        {"email": " Ada@Example.org ", "language": "de", "themes": [theme.pk], "consent": "on"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/de/newsletter/thanks/"
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "ada@example.org"
    assert subscriber.state == Subscriber.State.PENDING
    assert list(subscriber.themes.all()) == [theme]
    assert subscriber.consent_version == consent.CURRENT
    assert subscriber.consent_text.startswith("Ich bin einverstanden")
    assert timezone.now() - subscriber.consented_at < timedelta(minutes=1)
    (mail,) = OutgoingMail.objects.all()
    assert mail.to == "ada@example.org"
    assert "/de/newsletter/confirm/" in mail.body_text


def test_confirming_takes_a_button_not_just_the_link(client):
    _sign_up(client)
    link = _link(OutgoingMail.objects.get(), "confirm")
    page = client.get(link)
    assert page.status_code == 200
    assert Subscriber.objects.get().state == Subscriber.State.PENDING
    confirmed = client.post(link)
    assert confirmed.status_code == 200
    subscriber = Subscriber.objects.get()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert "/en/newsletter/preferences/" in confirmed.content.decode()


def test_the_honeypot_answers_like_a_sign_up_and_keeps_nothing(client):
    response = _sign_up(client, website="http://spam.example")
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    assert not OutgoingMail.objects.exists()


def test_sign_ups_are_limited_per_address_and_per_client(client, settings):
    settings.NEWSLETTER_SIGN_UP_RATE_ADDRESS = "2/hour"
    settings.NEWSLETTER_SIGN_UP_RATE_CLIENT = "4/hour"
    for _ in range(2):
        assert _sign_up(client, "ada@example.org").status_code == 302
    refused = _sign_up(client, "ada@example.org")
    assert refused.status_code == 429
    assert "Too many sign-ups from here or for this address" in refused.content.decode()
    assert OutgoingMail.objects.count() == 2
    # The same client, other addresses: two more, then the client's limit.
    assert _sign_up(client, "bob@example.org").status_code == 302
    assert _sign_up(client, "eve@example.org").status_code == 429
    # Another client may still sign up other addresses.
    other = client.post(
        SUBSCRIBE,
        {"email": "cy@example.org", "language": "en", "consent": "on"},
        REMOTE_ADDR="198.51.100.7",
    )
    assert other.status_code == 302


def test_signing_up_a_subscribed_address_changes_nothing_and_tells_its_owner(client):
    theme = factories.ThemeFactory()
    subscriber = factories.SubscriberFactory(email="ada@example.org", language="nl")
    response = _sign_up(client, "ADA@example.org", themes=[theme.pk], language="de")
    # The same answer as for a new address: the form tells nobody who is subscribed.
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.state, subscriber.language) == (Subscriber.State.CONFIRMED, "nl")
    assert not subscriber.themes.exists()
    (mail,) = OutgoingMail.objects.all()
    assert "/nl/newsletter/preferences/" in mail.body_text
    assert "confirm" not in mail.body_text


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"email": "not an address"}, "email", "Enter a valid email address."),
        ({"email": ""}, "email", "This field is required."),
        ({"language": "fr"}, "language", "Select a valid choice. fr is not one"),
        ({"themes": ["999999"]}, "themes", "Select a valid choice. 999999 is not one"),
        ({"themes": ["abc"]}, "themes", "“abc” is not a valid value."),
        ({"consent": ""}, "consent", "Tick the box to agree"),
        ({"email": "a" * 250 + "@example.org"}, "email", "at most 254 characters"),
    ],
)
def test_bad_sign_ups_are_refused_with_the_reason(client, data, field, message):
    response = client.post(
        SUBSCRIBE, {"email": "ada@example.org", "language": "en", "consent": "on", **data}
    )
    assert response.status_code == 400
    errors = " ".join(response.context["form"].errors[field])
    assert message in errors
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_a_made_up_or_damaged_link_is_explained(client, method):
    subscriber = factories.SubscriberFactory()
    good = tokens.personal_token(subscriber)
    for url in (
        "/en/newsletter/unsubscribe/abc/",
        f"/en/newsletter/preferences/{good[:-2]}xx/",
        "/en/newsletter/confirm/abc:def:ghi/",
        f"/en/newsletter/confirm/{good}/",  # a personal token is no confirmation
    ):
        response = getattr(client, method)(url)
        assert response.status_code == 400, url
        assert "The link is incomplete or was changed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED


def test_an_expired_sign_up_is_forgotten_and_its_link_says_so(client):
    with time_machine.travel(timezone.now() - timedelta(days=8)):
        _sign_up(client)
        link = _link(OutgoingMail.objects.get(), "confirm")
    factories.SubscriberFactory(email="kept@example.org")
    response = client.get(link)
    assert response.status_code == 410
    assert "The confirmation link has expired" in response.content.decode()
    assert subscription.subscribers_expire() == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["kept@example.org"]
    # Its confirmation mail went with it.
    assert not OutgoingMail.objects.exists()


def test_a_sign_up_within_its_days_is_kept(client):
    with time_machine.travel(timezone.now() - timedelta(days=6)):
        _sign_up(client)
    assert subscription.subscribers_expire() == 0
    assert Subscriber.objects.count() == 1


def test_opening_the_unsubscribe_link_only_asks(client):
    subscriber = factories.SubscriberFactory()
    url = f"/en/newsletter/unsubscribe/{tokens.personal_token(subscriber)}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "Yes, unsubscribe me" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    # The page's own button posts without a CSRF token, as a mail program would.
    response = Client(enforce_csrf_checks=True).post(url)
    assert response.status_code == 200
    assert "You are unsubscribed" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED


def test_other_newsletter_pages_still_check_csrf():
    subscriber = factories.SubscriberFactory()
    token = tokens.personal_token(subscriber)
    strict = Client(enforce_csrf_checks=True)
    for url in (
        SUBSCRIBE,
        f"/en/newsletter/preferences/{token}/",
        f"/en/newsletter/preferences/{token}/erase/",
    ):
        assert strict.post(url, {"confirm": "on"}).status_code == 403, url
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_preferences_change_language_and_topics(client):
    project = factories.ProjectFactory()
    cooperation = factories.CooperationFactory()
    subscriber = factories.SubscriberFactory(language="en")
    url = f"/en/newsletter/preferences/{tokens.personal_token(subscriber)}/"
    assert client.get(url).status_code == 200
    response = client.post(
        url, {"language": "nl", "projects": [project.pk], "cooperations": [cooperation.pk]}
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "nl"
    assert list(subscriber.projects.all()) == [project]
    assert list(subscriber.cooperations.all()) == [cooperation]
    bad = client.post(url, {"language": "xx", "projects": ["nope"]})
    assert bad.status_code == 400
    assert set(bad.context["form"].errors) == {"language", "projects"}
    subscriber.refresh_from_db()
    assert subscriber.language == "nl"


def test_the_download_holds_what_is_stored(client):
    subscriber = factories.SubscriberFactory(email="ada@example.org", language="de")
    subscriber.themes.add(factories.ThemeFactory(name="Photonics"))
    issue = factories.IssueFactory(title="Spring news")
    Delivery.objects.create(
        issue=issue, subscriber=subscriber, message_id="<m1@x>", state=Delivery.State.SENT
    )
    response = client.get(
        f"/en/newsletter/preferences/{tokens.personal_token(subscriber)}/data.json"
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="newsletter-subscription.json"'
    data = json.loads(response.content)
    assert data["email"] == "ada@example.org"
    assert data["language"] == "de"
    assert data["topics"]["themes"] == ["Photonics"]
    assert data["consent"]["version"] == "test"
    assert data["newsletters"] == [
        {"issue": "Spring news", "message_id": "<m1@x>", "state": "sent", "sent_at": None}
    ]


def test_erasing_removes_everything_about_the_subscriber(client):
    subscriber = factories.SubscriberFactory(email="ada@example.org")
    other = factories.SubscriberFactory()
    issue = factories.IssueFactory()
    delivery = Delivery.objects.create(
        issue=issue, subscriber=subscriber, message_id="<m1@x>", last_error="ada@example.org: 451"
    )
    DeliveryFailure.objects.create(delivery=delivery, error="451 ada@example.org busy")
    OutgoingMail.objects.create(
        key="newsletter-confirm:1:x", to="ada@example.org", subject="s", body_text="t"
    )
    url = f"/en/newsletter/preferences/{tokens.personal_token(subscriber)}/erase/"
    assert client.get(url).status_code == 200
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Tick the box to confirm" in refused.content.decode()
    assert client.post(url, {"confirm": "on"}).status_code == 200
    assert list(Subscriber.objects.all()) == [other]
    delivery.refresh_from_db()
    # The issue still counts its mail, with no one behind it.
    assert (delivery.subscriber, delivery.last_error) == (None, "")
    assert not DeliveryFailure.objects.exists()
    assert not OutgoingMail.objects.exists()
    assert client.get(url).status_code == 404


def test_an_unsubscribed_reader_can_subscribe_again_from_their_link(client):
    subscriber = factories.SubscriberFactory(state=Subscriber.State.UNSUBSCRIBED)
    token = tokens.personal_token(subscriber)
    refused = client.post(f"/nl/newsletter/preferences/{token}/again/", {})
    assert refused.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.UNSUBSCRIBED
    client.post(f"/nl/newsletter/preferences/{token}/again/", {"consent": "on"})
    subscriber.refresh_from_db()
    assert subscriber.state == Subscriber.State.CONFIRMED
    assert subscriber.consent_text.startswith("Ik ga ermee akkoord")


def test_links_from_a_test_mail_touch_nobody(client):
    factories.SubscriberFactory()
    for url in ("/en/newsletter/unsubscribe/test/", "/en/newsletter/preferences/test/"):
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 200
            assert "A link from a test mail" in response.content.decode()
    assert Subscriber.objects.get().state == Subscriber.State.CONFIRMED
