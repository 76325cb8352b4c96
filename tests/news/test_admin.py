"""The admin lists subscribers and issues and erases through the subscriber's own service."""

import pytest

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
    response = client.post(
        "/en/admin/news/subscriber/",
        {"action": "erase", "_selected_action": [subscriber.pk]},
    )
    assert response.status_code == 302
    assert not Subscriber.objects.exists()
    delivery.refresh_from_db()
    assert delivery.subscriber is None
