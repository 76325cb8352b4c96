"""No list endpoint runs more queries because it returns more rows."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects.models import GoodPractice
from tests import factories as f
from tests.api.conftest import API

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    cache.clear()  # the response cache would answer without the database
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content
    assert len(response.json()["results"]) >= 5
    return len(captured)


def _assert_constant(client, endpoint, make):
    url = f"{API}/{endpoint}/?page_size=100"
    for _ in range(5):
        make()
    few = _queries(client, url)
    for _ in range(50):
        make()
    many = _queries(client, url)
    assert few == many, f"{url}: {few} queries for 5 rows, {many} for 55"


def test_regions(client):
    parent = f.RegionFactory(type="nuts2", nuts_code="BEZ", slug="parent")
    _assert_constant(client, "regions", lambda: f.RegionFactory(parent=parent))


def test_organisations(client):
    _assert_constant(client, "organisations", f.OrganisationFactory)


def test_themes(client):
    _assert_constant(client, "themes", f.ThemeFactory)


def test_projects_with_partners_phases_and_themes(client):
    theme = f.ThemeFactory()

    def make():
        project = f.ProjectFactory()
        project.themes.add(theme)
        f.PartnershipFactory(project=project, role="lead")
        f.PartnershipFactory(project=project)
        project.phases.create(kind=1)

    _assert_constant(client, "projects", make)


def test_good_practices_with_themes_and_related_ones(client):
    theme, other = f.ThemeFactory(), f.GoodPracticeFactory()

    def make():
        practice = f.GoodPracticeFactory()
        practice.themes.add(theme)
        practice.related.add(other)
        f.GoodPracticeFactory(status=GoodPractice.Status.PROPOSED)

    _assert_constant(client, "good-practices", make)


def test_events_with_project_region_and_organisers(client):
    project, region, organiser = f.ProjectFactory(), f.RegionFactory(), f.OrganisationFactory()

    def make():
        f.EventFactory(project=project, region=region).organisers.add(organiser)

    _assert_constant(client, "events", make)


def test_news(client):
    project, event, theme = f.ProjectFactory(), f.EventFactory(), f.ThemeFactory()

    def make():
        f.ArticleFactory(project=project, event=event, region=event.region).themes.add(theme)

    _assert_constant(client, "news", make)


def test_cooperations_with_milestones(client):
    region, theme = f.RegionFactory(), f.ThemeFactory()

    def make():
        cooperation = f.CooperationFactory()
        cooperation.regions.add(region)
        cooperation.themes.add(theme)
        f.MilestoneFactory(cooperation=cooperation).themes.add(theme)

    _assert_constant(client, "cooperations", make)


def test_infrastructures(client):
    theme = f.ThemeFactory()
    _assert_constant(client, "infrastructures", lambda: f.InfrastructureFactory().themes.add(theme))


def test_documents_on_owners_of_every_kind(client):
    # One query per kind of owner, however many documents: seven kinds from the start.
    owners = [
        f.ProjectFactory,
        f.EventFactory,
        f.RegionFactory,
        f.OrganisationFactory,
        f.InfrastructureFactory,
        f.CooperationFactory,
        f.MilestoneFactory,
    ]
    url = f"{API}/documents/?page_size=100"
    for owner in owners:
        f.DocumentFactory(owner=owner())
    _queries(client, url)  # the first request reads the content types into memory
    few = _queries(client, url)
    for n in range(49):
        f.DocumentFactory(owner=owners[n % len(owners)]())
    assert _queries(client, url) == few
