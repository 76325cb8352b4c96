import pytest

from tests.factories import EventFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_root_redirects_to_a_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="nl")
    assert response.status_code == 302
    assert response["Location"] == "/nl/"


@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Projects"), ("nl", "Projecten"), ("de", "Projekte")]
)
def test_home_lists_projects_in_each_language(client, lang, heading):
    ProjectFactory(acronym="S3Chem", title="Smart Chemistry Specialisation Strategy")
    EventFactory(title="Closing conference", city="Halle (Saale)")
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h2 id="home-projects">{heading}</h2>' in html
    assert "S3Chem" in html
    assert "Closing conference" in html
    assert f'<html lang="{lang}">' in html


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.json() == {"status": "ok"}
