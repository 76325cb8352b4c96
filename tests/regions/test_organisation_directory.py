"""The organisations directory: filters by country, region, type and project, each option
with its count, options leading to nothing left out."""

import pytest

from regions.models import Organisation
from tests import factories as f

pytestmark = pytest.mark.django_db


def _html(client, url="/en/organisations/") -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _options(html: str, name: str) -> str:
    return html.split(f'<select name="{name}"', 1)[1].split("</select>", 1)[0]


def test_the_directory_is_in_the_menu_and_lists_organisations_with_projects(client):
    partnership = f.PartnershipFactory(role="lead")
    html = _html(client)
    assert '<a href="/en/organisations/" aria-current="page">Organisations</a>' in html
    assert f'href="/en/organisations/{partnership.organisation.slug}/"' in html
    assert f"{partnership.project.acronym}</a> – Lead partner" in html


def test_options_carry_counts_and_empty_ones_are_left_out(client):
    flanders = f.RegionFactory(name="Flanders", slug="flanders", country="BE", nuts_code="BE2")
    f.RegionFactory(name="Nowhere", slug="nowhere", country="SE", nuts_code="SE1")
    project = f.ProjectFactory(acronym="S3Chem", slug="s3chem")
    for _ in range(2):
        f.PartnershipFactory(project=project, organisation__region=flanders, region=flanders)
    f.OrganisationFactory(region=flanders, type=Organisation.Type.UNIVERSITY)
    html = _html(client)
    assert '<option value="flanders">Flanders (BE2) (3)</option>' in _options(html, "region")
    assert "Nowhere" not in _options(html, "region")
    assert '<option value="SE">' not in _options(html, "country")
    assert '<option value="s3chem">S3Chem (2)</option>' in _options(html, "project")
    assert "University (1)" in _options(html, "type")
    assert "Cluster organisation" not in _options(html, "type")


def test_counts_follow_the_other_filters(client):
    region = f.RegionFactory(country="BE", nuts_code="BE3")
    project = f.ProjectFactory(slug="p")
    f.PartnershipFactory(project=project, organisation__region=region, region=region)
    f.OrganisationFactory(region=region, type=Organisation.Type.UNIVERSITY)
    html = _html(client, "/en/organisations/?project=p")
    # Of the project's one partner (a public authority), no university: that option goes.
    assert "University" not in _options(html, "type")
    assert "Public authority (1)" in _options(html, "type")
    assert "1 organisation" in html


def test_a_region_finds_the_organisations_in_the_regions_within_it(client):
    parent = f.RegionFactory(
        name="Netherlands", slug="nl", country="NL", nuts_code="NL", type="nuts0"
    )
    child = f.RegionFactory(country="NL", nuts_code="NL42", parent=parent)
    organisation = f.OrganisationFactory(region=child)
    html = _html(client, "/en/organisations/?region=nl")
    assert organisation.name in html
    assert '<option value="nl" selected>Netherlands (NL) (1)</option>' in html


def test_an_unknown_project_is_a_400_naming_it(client):
    response = client.get("/en/organisations/?project=nothing")
    assert response.status_code == 400
    assert "nothing is not one of the available choices" in response.content.decode()


def test_htmx_swaps_the_options_with_their_new_counts_in_place(client):
    f.PartnershipFactory(project__slug="p")
    html = client.get(
        "/en/organisations/?project=p", headers={"HX-Request": "true"}
    ).content.decode()
    assert '<select id="id_type" hx-swap-oob="innerHTML">' in html
