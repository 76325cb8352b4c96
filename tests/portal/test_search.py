"""Site search: what the visitor types is validated before it reaches PostgreSQL."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_a_nul_byte_is_refused_with_a_clear_message(client):
    response = client.get("/en/search/?q=chem%00istry")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your search contains a null character" in html
    assert 'aria-invalid="true" aria-describedby="search-q-error"' in html
    assert 'id="search-q-error"' in html
    assert "\x00" not in html


def test_a_search_too_long_is_refused_naming_both_lengths(client):
    response = client.get("/en/search/?q=" + "a" * 201)
    assert response.status_code == 400
    assert "Your search is 201 characters long; please use at most 200." in (
        response.content.decode()
    )


def test_surrounding_spaces_do_not_count(client):
    f.EventFactory(title="Chemistry summit")
    response = client.get("/en/search/?q=" + "+" * 300 + "chemistry")
    assert response.status_code == 200
    assert "Chemistry summit" in response.content.decode()
