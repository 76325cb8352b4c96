"""The public archive: sent issues only, each in the page's language."""

import pytest
from django.utils import timezone

from tests import factories

pytestmark = pytest.mark.django_db


def test_only_issues_whose_sending_started_are_public(client):
    sent = factories.IssueFactory(title_en="Spring news", started_at=timezone.now())
    draft = factories.IssueFactory(title_en="Secret plans")
    page = client.get("/en/newsletter/archive/").content.decode()
    assert "Spring news" in page and "Secret plans" not in page
    assert client.get(f"/en/newsletter/archive/{sent.pk}/").status_code == 200
    assert client.get(f"/en/newsletter/archive/{draft.pk}/").status_code == 404
    assert client.get("/en/newsletter/archive/99999999/").status_code == 404
    assert client.get("/en/newsletter/archive/abc/").status_code == 404


def test_the_web_version_in_each_language_with_the_fallback_marked(client):
    article = factories.ArticleFactory(
        title_en="Chemistry regions meet", title_nl="Chemieregios komen samen"
    )
    event = factories.EventFactory(title_en="Closing conference", title_de="Abschlusskonferenz")
    issue = factories.IssueFactory(
        title_en="Spring news",
        title_nl="Lentenieuws",
        intro_en="Two meetings.",
        items=[article, event],
        started_at=timezone.now(),
    )
    dutch = client.get(f"/nl/newsletter/archive/{issue.pk}/").content.decode()
    assert "Lentenieuws" in dutch and "Chemieregios komen samen" in dutch
    # English where Dutch is missing, marked as English for screen readers.
    assert '<span lang="en">Closing conference</span>' in dutch
    german = client.get(f"/de/newsletter/archive/{issue.pk}/").content.decode()
    assert "Abschlusskonferenz" in german
    assert '<span lang="en">Spring news</span>' in german
    assert german.index("Chemistry regions meet") < german.index("Abschlusskonferenz")
    assert 'href="/de/events/' in german


def test_every_page_offers_the_newsletter_in_its_footer(client):
    for url in ("/en/", "/de/events/", "/nl/news/"):
        html = client.get(url).content.decode()
        language = url[1:3]
        assert f'<form class="footer-newsletter" action="/{language}/newsletter/"' in html
        assert f'href="/{language}/newsletter/archive/"' in html
