import pytest

from portal.search import results

pytestmark = pytest.mark.django_db


@pytest.fixture
def failing_search(monkeypatch, client):
    def broken(*args, **kwargs):
        raise RuntimeError("the search index is gone")

    monkeypatch.setattr(results, "search", broken)
    client.raise_request_exception = False
    return client


@pytest.mark.parametrize("language", ["en", "nl", "de"])
def test_the_server_error_page_is_in_the_readers_language(failing_search, language):
    response = failing_search.get(f"/{language}/search/?q=chemistry")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="/{language}/"' in html
