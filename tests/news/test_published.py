import datetime

import pytest
from django.utils import timezone

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


@pytest.mark.search
def test_only_published_articles_reach_the_public(client):
    ArticleFactory(title="Out now", summary="Published results.")
    draft = ArticleFactory(title="A draft", is_published=False)
    future = ArticleFactory(
        title="Embargoed", published_at=timezone.now() + datetime.timedelta(days=2)
    )
    for url in ("/en/news/", "/en/"):
        html = client.get(url).content.decode()
        assert "Out now" in html, url
        assert "A draft" not in html and "Embargoed" not in html, url
    # "out" and "now" are stop words, which search leaves out: the summary finds it.
    assert "Out now" in client.get("/en/search/?q=published+results").content.decode()
    for words in ("draft", "embargoed"):
        html = client.get(f"/en/search/?q={words}").content.decode()
        assert "A draft" not in html and "Embargoed" not in html, words
    for article in (draft, future):
        assert client.get(f"/en/news/{article.slug}/").status_code == 404
