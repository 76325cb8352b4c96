"""The newsletter's pages run as many queries with many rows as with a few."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from news.models import Delivery, DeliveryFailure, Issue
from news.tokens import personal_token
from tests import factories

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _constant(client, url, grow, times=(2, 20)):
    counts = []
    for n in times:
        for _ in range(n):
            grow()
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], f"{url}: {counts[0]} queries, then {counts[1]}"


def _topics():
    factories.ProjectFactory()
    factories.ThemeFactory()
    factories.CooperationFactory()


def test_the_subscribe_page(client):
    _constant(client, "/en/newsletter/", _topics)


def test_the_preferences_page_and_the_download(client):
    subscriber = factories.SubscriberFactory()
    token = personal_token(subscriber)

    def grow():
        _topics()
        subscriber.themes.add(factories.ThemeFactory())
        subscriber.projects.add(factories.ProjectFactory())
        Delivery.objects.create(
            issue=factories.IssueFactory(items=[]),
            subscriber=subscriber,
            message_id=f"<{Delivery.objects.count()}@x>",
        )

    _constant(client, f"/en/newsletter/preferences/{token}/", grow)
    _constant(client, f"/en/newsletter/preferences/{token}/data.json", grow)


@pytest.fixture
def manager(client, project, communication_manager):
    client.force_login(communication_manager)
    return project


def test_the_composer(client, manager):
    issue = factories.IssueFactory(project=manager, items=[])

    def grow():
        article, event = factories.ArticleFactory(), factories.EventFactory()
        position = issue.items.count()
        issue.items.create(article=article, position=position + 1)
        issue.items.create(event=event, position=position + 2)
        _topics()

    _constant(client, "/en/newsletter/manage/new/", grow)
    _constant(client, f"/en/newsletter/manage/{issue.pk}/edit/", grow)


def test_the_issue_list_and_page(client, manager):
    issue = factories.IssueFactory(project=manager, items=[])
    issue.state = Issue.State.SENDING
    issue.save()

    def grow():
        factories.IssueFactory(project=manager)
        issue.items.create(article=factories.ArticleFactory(), position=issue.items.count() + 1)
        delivery = Delivery.objects.create(
            issue=issue,
            subscriber=factories.SubscriberFactory(),
            message_id=f"<{Delivery.objects.count()}@x>",
        )
        DeliveryFailure.objects.create(delivery=delivery, error="451 busy")

    _constant(client, "/en/newsletter/manage/", grow)
    _constant(client, f"/en/newsletter/manage/{issue.pk}/", grow)
    _constant(client, f"/en/newsletter/manage/{issue.pk}/progress/", grow)
    _constant(client, f"/en/newsletter/manage/{issue.pk}/preview/?language=de", grow)


def test_the_archive(client):
    from django.utils import timezone

    issue = factories.IssueFactory(items=[], started_at=timezone.now())

    def grow():
        factories.IssueFactory(started_at=timezone.now())
        issue.items.create(article=factories.ArticleFactory(), position=issue.items.count() + 1)
        issue.items.create(event=factories.EventFactory(), position=issue.items.count() + 1)

    _constant(client, "/en/newsletter/archive/", grow)
    _constant(client, f"/en/newsletter/archive/{issue.pk}/", grow)
