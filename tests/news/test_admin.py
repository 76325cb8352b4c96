"""The admin lists subscribers and issues and erases through the subscriber's own service."""

import json

import pytest

from news import selectors
from news.models import Delivery, Subscriber
from tests import factories

pytestmark = pytest.mark.django_db


def test_staff_erase_a_subscriber_as_the_subscriber_would(client):
    admin = factories.UserFactory(is_staff=True, is_superuser=True)
    subscriber = factories.SubscriberFactory(email="ada@example.org")
    delivery = Delivery.objects.create(
        issue=factories.IssueFactory(), subscriber=subscriber, message_id="<m@x>"
    )
    client.force_login(admin)
    assert client.get("/en/admin/news/subscriber/?q=ada").status_code == 200
    assert client.get("/en/admin/news/issue/").status_code == 200
    other = factories.SubscriberFactory(email="bob@example.org")
    chosen = {"action": "erase_personal_data", "_selected_action": [subscriber.pk]}
    confirm = client.post("/en/admin/news/subscriber/", chosen)
    assert confirm.status_code == 200
    assert "ada@example.org" in confirm.content.decode()
    assert Subscriber.objects.filter(pk=subscriber.pk).exists()  # not before the "yes"
    response = client.post("/en/admin/news/subscriber/", {**chosen, "post": "yes"})
    assert response.status_code == 302
    assert list(Subscriber.objects.all()) == [other]
    delivery.refresh_from_db()
    assert delivery.subscriber is None


def test_staff_download_a_subscribers_data_as_the_subscriber_would(client):
    client.force_login(factories.UserFactory(is_staff=True, is_superuser=True))
    subscriber = factories.SubscriberFactory(email="ada@example.org", language="nl")
    factories.SubscriberFactory(email="bob@example.org")

    response = client.post(
        "/en/admin/news/subscriber/",
        {"action": "export_personal_data", "_selected_action": [subscriber.pk]},
    )

    assert response["Content-Type"] == "application/json; charset=utf-8"
    [record] = json.loads(response.content)["records"]
    assert record == json.loads(json.dumps(selectors.subscriber_data(subscriber)))
    assert record["language"] == "nl"
