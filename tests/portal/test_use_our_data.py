import pytest

pytestmark = pytest.mark.django_db


def test_the_page_documents_the_api_the_feeds_and_the_widget(demo, client):
    html = client.get("/en/data/").content.decode()
    assert "http://localhost:8000/api/v1/" in html
    assert 'href="/api/v1/docs/"' in html and 'href="/api/v1/redoc/"' in html
    assert "/en/events/calendar.ics?project=s3chem" in html
    assert 'href="/en/news/feed/rss/"' in html
    assert 'href="/en/account/api-token/"' in html
    assert "120/minute" in html
    # The copy-paste example, for the first project until the reader picks another.
    assert (
        '&lt;iframe src="http://localhost:8000/en/events/widget/?project=inno-infra-share"' in html
    )


def test_the_widget_example_follows_the_chosen_region(demo, client):
    html = client.get("/en/data/?region=flanders").content.decode()
    assert "http://localhost:8000/en/events/widget/?region=flanders" in html
    assert client.get("/en/events/widget/?region=flanders").status_code == 200


def test_the_footer_links_the_page(db, client):
    assert 'href="/en/data/"' in client.get("/en/").content.decode()
