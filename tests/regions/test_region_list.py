import pytest

from tests import factories as f

pytestmark = pytest.mark.django_db


def test_regions_are_filtered_by_a_project_chosen_from_a_list(client):
    partnership = f.PartnershipFactory(project__acronym="S3Chem", project__slug="s3chem")
    outside = f.RegionFactory(name="Not in any project")
    html = client.get("/en/regions/").content.decode()
    assert '<select name="project" id="id_project">' in html
    assert '<option value="s3chem">S3Chem (1)</option>' in html

    filtered = client.get("/en/regions/?project=s3chem").content.decode()
    assert partnership.region.name in filtered
    assert outside.name not in filtered
    assert '<option value="s3chem" selected>S3Chem (1)</option>' in filtered


def test_an_unknown_project_is_a_clear_400(client):
    response = client.get("/en/regions/?project=atlantis")
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
