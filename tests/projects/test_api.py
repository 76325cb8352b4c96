"""The projects API: projects with their partners, and validated good practices."""

import pytest

from projects.models import GoodPractice
from tests import factories as f
from tests.api import API, assert_constant_queries, slugs

pytestmark = pytest.mark.django_db


def test_projects_come_with_their_partners_and_roles(demo, client):
    s3chem = client.get(f"{API}/projects/s3chem/").json()
    assert s3chem["acronym"] == "S3Chem"
    assert s3chem["programme"]["slug"] == "interreg-europe-2014-2020"
    assert s3chem["start_date"] == "2016-04-01"
    lead = [p for p in s3chem["partnerships"] if p["role"] == "lead"]
    assert [p["organisation"]["slug"] for p in lead] == ["mw-saxony-anhalt"]
    assert lead[0]["region"]["slug"] == "saxony-anhalt"
    assert len({p["region"]["slug"] for p in s3chem["partnerships"]}) == 7
    assert {p["kind"] for p in s3chem["phases"]} == {1, 2}


def test_only_validated_good_practices_are_public(demo, client):
    from projects.models import GoodPractice
    from tests.factories import GoodPracticeFactory

    GoodPracticeFactory(slug="proposed-one", status=GoodPractice.Status.PROPOSED)
    GoodPracticeFactory(slug="declined-one", status=GoodPractice.Status.DECLINED)
    listed = slugs(client.get(f"{API}/good-practices/"))
    assert "lombardy-research-and-innovation-law" in listed
    assert "proposed-one" not in listed and "declined-one" not in listed
    assert client.get(f"{API}/good-practices/proposed-one/").status_code == 404
    assert client.get(f"{API}/good-practices/declined-one/").status_code == 404
    practice = client.get(f"{API}/good-practices/lombardy-research-and-innovation-law/").json()
    assert practice["region"]["slug"] == "lombardy"
    assert practice["project"]["slug"] == "s3chem"


def test_good_practices_by_theme_region_and_project(demo, client):
    lombardy = "lombardy-research-and-innovation-law"
    practice = client.get(f"{API}/good-practices/{lombardy}/").json()
    theme = practice["themes"][0]["slug"]
    assert slugs(client.get(f"{API}/good-practices/?theme={theme}")) == [lombardy]
    assert slugs(client.get(f"{API}/good-practices/?region=lombardy")) == [lombardy]
    assert slugs(client.get(f"{API}/good-practices/?region=catalonia")) == []
    assert slugs(client.get(f"{API}/good-practices/?project=s3chem")) == [lombardy]
    assert slugs(client.get(f"{API}/good-practices/?project=inno-infra-share")) == []


def test_search_uses_the_site_search(demo, client):
    found = slugs(client.get(f"{API}/good-practices/?search=lombardy"))
    assert found == ["lombardy-research-and-innovation-law"]
    # Words are stemmed in the reader's language, as in the site search.
    assert "lombardy-research-and-innovation-law" in slugs(
        client.get(f"{API}/good-practices/?search=laws")
    )
    assert slugs(client.get(f"{API}/events/?search=zzzzqqq")) == []


def test_projects_with_partners_phases_and_themes_in_constant_queries(client):
    theme = f.ThemeFactory()

    def make():
        project = f.ProjectFactory()
        project.themes.add(theme)
        f.PartnershipFactory(project=project, role="lead")
        f.PartnershipFactory(project=project)
        project.phases.create(kind=1)

    assert_constant_queries(client, "projects", make)


def test_good_practices_with_themes_and_related_ones_in_constant_queries(client):
    theme, other = f.ThemeFactory(), f.GoodPracticeFactory()

    def make():
        practice = f.GoodPracticeFactory()
        practice.themes.add(theme)
        practice.related.add(other)
        f.GoodPracticeFactory(status=GoodPractice.Status.PROPOSED)

    assert_constant_queries(client, "good-practices", make)
