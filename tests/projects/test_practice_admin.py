"""In the admin, staff decide on proposals through the same services as the review page."""

import pytest

from projects.models import GoodPractice
from tests.factories import GoodPracticeFactory, UserFactory

pytestmark = pytest.mark.django_db
CHANGELIST = "/en/admin/projects/goodpractice/"


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def _act(client, action, practices, **extra):
    data = {"action": action, "_selected_action": [p.pk for p in practices], **extra}
    return client.post(CHANGELIST, data, follow=True)


def test_the_status_cannot_be_edited_by_hand(admin_client):
    practice = GoodPracticeFactory(status="proposed")
    html = admin_client.get(f"{CHANGELIST}{practice.pk}/change/").content.decode()
    assert 'name="status"' not in html
    assert 'name="reviewed_by"' not in html


def test_validating_goes_through_the_service(admin_client):
    proposed = GoodPracticeFactory(status="proposed")
    done = GoodPracticeFactory(status="validated")
    response = _act(admin_client, "validate", [proposed, done])
    html = response.content.decode()
    assert "1 good practice reviewed." in html
    assert f"{done.title}: This practice was already validated." in html
    proposed.refresh_from_db()
    assert proposed.status == "validated" and proposed.reviewed_at is not None


def test_declining_asks_for_a_reason_first(admin_client):
    practice = GoodPracticeFactory(status="proposed")
    asked = _act(admin_client, "decline", [practice]).content.decode()
    assert 'name="reason"' in asked
    assert GoodPractice.objects.get(pk=practice.pk).status == "proposed"

    _act(admin_client, "decline", [practice], apply="Decline", reason="")
    assert GoodPractice.objects.get(pk=practice.pk).status == "proposed"

    _act(admin_client, "decline", [practice], apply="Decline", reason="Not evaluated yet.")
    practice.refresh_from_db()
    assert (practice.status, practice.decline_reason) == ("declined", "Not evaluated yet.")
