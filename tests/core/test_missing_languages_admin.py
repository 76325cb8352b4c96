"""Editors see in the admin which items lack a language: a column and a filter."""

import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(f.UserFactory(is_staff=True, is_superuser=True))
    return client


def test_the_list_names_the_languages_an_item_lacks(admin_client):
    f.ThemeFactory(name_en="Photonics", name_nl="Fotonica", name_de="Photonik")
    f.ThemeFactory(name_en="Hydrogen", name_nl="Waterstof", name_de="")
    html = admin_client.get("/en/admin/regions/theme/").content.decode()
    assert "Missing languages" in html
    row = html.split("Hydrogen", 1)[1].split("</tr>", 1)[0]
    assert "German" in row
    complete = html.split("Photonics", 1)[1].split("</tr>", 1)[0]
    assert "German" not in complete and "Dutch" not in complete


def test_the_filter_keeps_the_items_lacking_that_language(admin_client):
    f.ThemeFactory(name_en="Photonics", name_nl="Fotonica", name_de="Photonik")
    f.ThemeFactory(name_en="Hydrogen", name_nl="", name_de="Wasserstoff")
    html = admin_client.get("/en/admin/regions/theme/?missing_language=nl").content.decode()
    assert "Hydrogen" in html and "Photonics" not in html
    html = admin_client.get("/en/admin/regions/theme/?missing_language=de").content.decode()
    assert "Hydrogen" not in html


def test_every_translated_admin_has_the_column(admin_client):
    f.EventFactory(title_en="A meeting", title_nl="", title_de="")
    html = admin_client.get("/en/admin/events/event/?missing_language=de").content.decode()
    assert "A meeting" in html and "Dutch, German" in html
