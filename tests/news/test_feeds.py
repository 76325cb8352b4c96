import feedparser
import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_the_news_feeds_parse_with_the_demo_articles(demo, client, kind):
    response = client.get(f"/en/news/feed/{kind}/")
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == ("rss20" if kind == "rss" else "atom10")
    entries = {entry.title: entry for entry in feed.entries}
    entry = entries["S3Chem partners shape their action plans in Brussels"]
    assert entry.link == "http://localhost:8000/en/news/s3chem-partners-meet-in-brussels/"
    assert entry.published_parsed[:4] == (2018, 11, 22, 8)  # 09:00 in Brussels
    published = [e.published_parsed for e in feed.entries]
    assert published == sorted(published, reverse=True)


def test_each_language_has_its_feed(demo, client):
    feed = feedparser.parse(client.get("/nl/news/feed/rss/").content)
    assert feed.feed.language == "nl"
    assert all(entry.link.startswith("http://localhost:8000/nl/news/") for entry in feed.entries)


def test_drafts_stay_out_of_the_feed(db, client):
    f.ArticleFactory(title="Out", is_published=True)
    f.ArticleFactory(title="Draft", is_published=False)
    titles = [e.title for e in feedparser.parse(client.get("/en/news/feed/atom/").content).entries]
    assert titles == ["Out"]


def test_every_page_links_the_news_feeds(db, client):
    html = client.get("/en/").content.decode()
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert 'href="/en/news/feed/atom/"' in html
