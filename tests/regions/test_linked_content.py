"""A region's and an organisation's pages show everything the portal knows about them,
each kind once; tried on the demo, where the issue found the gaps."""

import pytest

from projects.models import GoodPractice
from regions.models import Region

pytestmark = pytest.mark.django_db


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_a_practice_appears_on_its_regions_and_its_organisations_page(demo, client):
    practice = GoodPractice.objects.get(slug="lombardy-research-and-innovation-law")
    link = f'href="/en/good-practices/{practice.slug}/"'
    assert link in _page(client, f"/en/regions/{practice.region.slug}/")
    assert link in _page(client, f"/en/organisations/{practice.organisation.slug}/")


def test_a_project_is_listed_once_on_a_region_page_with_each_partner(demo, client):
    html = _page(client, "/en/regions/saxony-anhalt/")
    projects = html.split("<h2>Projects</h2>", 1)[1].split("</ul>", 1)[0]
    assert projects.count('href="/en/projects/s3chem/"') == 1
    assert 'href="/en/organisations/mw-saxony-anhalt/"' in projects
    assert 'href="/en/organisations/isw/"' in projects


def test_a_region_page_shows_its_infrastructure_and_its_cooperations_documents(demo, client):
    html = _page(client, "/en/regions/flanders/")
    assert 'href="/en/infrastructure/imec-laboratories-heverlee/"' in html
    flanders = Region.objects.get(slug="flanders")
    cooperation = flanders.cooperations.get()
    for milestone in cooperation.milestones.all():
        for document in milestone.documents.all():
            assert document.href in html, document


def test_detail_pages_have_breadcrumbs_and_a_locator_map(demo, client):
    for url, crumb in [
        ("/en/regions/lombardy/", 'href="/en/regions/"'),
        ("/en/organisations/regione-lombardia/", 'href="/en/organisations/"'),
        ("/en/projects/s3chem/", 'href="/en/projects/"'),
        ("/en/events/s3chem-11th-iwg-brussels-2018/", 'href="/en/events/?when=past"'),
    ]:
        html = _page(client, url)
        trail = html.split('<nav class="breadcrumbs"', 1)[1].split("</nav>", 1)[0]
        assert crumb in trail and 'aria-current="page"' in trail, url
        assert 'class="locator-map" data-points="[{' in html, url


def test_an_organisation_page_shows_its_projects_roles_region_and_events(demo, client):
    html = _page(client, "/en/organisations/mw-saxony-anhalt/")
    assert 'href="/en/regions/saxony-anhalt/"' in html
    assert "Lead partner" in html
    assert 'href="/en/events/s3chem-11th-iwg-brussels-2018/"' in html


def test_german_pages_use_german_names(demo, client):
    html = _page(client, "/de/regions/saxony-anhalt/")
    assert "<h1>Sachsen-Anhalt</h1>" in html
    assert "(auf Englisch)" not in html
    assert "Brüssel" in _page(client, "/de/organisations/dg-regio/")
    assert "Brussel" in _page(client, "/nl/organisations/dg-regio/")
