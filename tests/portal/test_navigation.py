"""The main menu marks where the visitor is; the breadcrumb trail leads back home; the
Flanders-Netherlands cooperation is one click from the menu and the home page."""

import re

import pytest
from django.template import Context, Template, TemplateSyntaxError

from tests import factories as f

pytestmark = pytest.mark.django_db


def _menu(html: str) -> dict[str, str]:
    """Each main-menu link's text and its aria-current ("" when it has none)."""
    nav = re.search(r'<nav class="main-nav".*?</nav>', html, re.S).group(0)
    return {
        text: current or ""
        for current, text in re.findall(
            r'<a href="[^"]*"(?: aria-current="(\w+)")?>([^<]+)</a>', nav
        )
    }


def test_a_list_is_the_current_page_and_its_items_are_in_its_section(client):
    project = f.ProjectFactory()
    menu = _menu(client.get("/en/projects/").content.decode())
    assert menu["Projects"] == "page"
    assert {text for text, current in menu.items() if current} == {"Projects"}

    menu = _menu(client.get(f"/en/projects/{project.slug}/").content.decode())
    assert menu["Projects"] == "true"
    assert menu["Good practices"] == ""


def test_pages_outside_the_menu_mark_nothing(client):
    menu = _menu(client.get("/en/").content.decode())
    assert set(menu) >= {"Projects", "Regions", "Cooperations", "Events", "Map"}
    assert not any(menu.values())


def test_the_menu_speaks_the_page_language(client):
    menu = _menu(client.get("/de/events/").content.decode())
    assert menu["Veranstaltungen"] == "page"
    assert "Kooperationen" in menu


def test_the_cooperation_is_reached_from_the_menu_and_the_home_page(client):
    cooperation = f.CooperationFactory(name="Flanders–Netherlands cooperation")
    cooperation.regions.add(f.RegionFactory(name="Flanders"))
    listing = client.get("/en/cooperations/").content.decode()
    assert f'href="/en/cooperations/{cooperation.slug}/"' in listing
    home = client.get("/en/").content.decode()
    assert f'href="/en/cooperations/{cooperation.slug}/"' in home
    assert "Flanders–Netherlands cooperation" in home
    detail = client.get(f"/en/cooperations/{cooperation.slug}/").content.decode()
    assert _menu(detail)["Cooperations"] == "true"


def test_breadcrumbs_lead_from_home_to_the_page():
    html = Template(
        "{% load portal %}{% breadcrumbs 'Projects' '/en/projects/' 'S3Chem' %}"
    ).render(Context())
    assert 'aria-label="Breadcrumb"' in html
    links = re.findall(r'<a href="([^"]+)">([^<]+)</a>', html)
    assert links == [("/en/", "Home"), ("/en/projects/", "Projects")]
    assert '<span aria-current="page">S3Chem</span>' in html


def test_breadcrumbs_refuse_a_step_without_its_address():
    with pytest.raises(TemplateSyntaxError, match="label, address pairs"):
        Template("{% load portal %}{% breadcrumbs 'Projects' 'S3Chem' %}").render(Context())
