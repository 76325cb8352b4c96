"""The news API: published articles only, newest first."""

import pytest

from tests import factories as f
from tests.api import API, SITE, assert_constant_queries, results, slugs

pytestmark = pytest.mark.django_db


def test_news(demo, client):
    articles = results(client.get(f"{API}/news/"))
    assert articles[0]["published_at"] >= articles[-1]["published_at"]
    article = client.get(f"{API}/news/s3chem-partners-meet-in-brussels/").json()
    assert article["event"]["slug"] == "s3chem-11th-iwg-brussels-2018"
    assert article["published_at"].endswith("+01:00")
    assert article["url"] == f"{SITE}/en/news/s3chem-partners-meet-in-brussels/"


def test_unpublished_news_stays_private(demo, client):
    from tests.factories import ArticleFactory

    ArticleFactory(slug="draft", is_published=False)
    assert "draft" not in slugs(client.get(f"{API}/news/?page_size=100"))
    assert client.get(f"{API}/news/draft/").status_code == 404


def test_news_in_constant_queries(client):
    project, event, theme = f.ProjectFactory(), f.EventFactory(), f.ThemeFactory()

    def make():
        f.ArticleFactory(project=project, event=event, region=event.region).themes.add(theme)

    assert_constant_queries(client, "news", make)
