"""No page runs more queries because it shows more rows (each list and detail page)."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.core.models import Document
from regions.models import Cooperation, Milestone
from tests import factories as f

pytestmark = pytest.mark.django_db


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def _grow(make, before: int, after: int):
    """Yield twice: once with `before` rows made, once with `after`."""
    for _ in range(before):
        make()
    yield
    for _ in range(after - before):
        make()
    yield


def _assert_constant(client, url, make, rows: int = 25):
    # A first request fills process-wide caches (the content types behind generic
    # relations), which whichever test runs first would otherwise pay for.
    _queries(client, url)
    counts = []
    for _ in _grow(make, 5, rows):
        counts.append(_queries(client, url))
    assert counts[0] == counts[1], f"{url}: {counts[0]} queries with 5 rows, {counts[1]} with more"


def test_event_list(client):
    project, region = f.ProjectFactory(), f.RegionFactory()
    _assert_constant(client, "/en/events/", lambda: f.EventFactory(project=project, region=region))


def test_event_detail_with_many_organisers(client):
    event = f.EventFactory()
    _assert_constant(
        client, f"/en/events/{event.slug}/", lambda: event.organisers.add(f.OrganisationFactory())
    )


def test_project_list(client):
    theme = f.ThemeFactory()
    _assert_constant(client, "/en/projects/", lambda: f.ProjectFactory().themes.add(theme))


def test_project_detail_with_many_partners_events_and_practices(client):
    project = f.ProjectFactory()

    def grow():
        partnership = f.PartnershipFactory(project=project)
        f.EventFactory(project=project)
        f.GoodPracticeFactory(project=project, organisation=partnership.organisation)

    _assert_constant(client, f"/en/projects/{project.slug}/", grow)


def test_practice_list(client):
    theme = f.ThemeFactory()
    _assert_constant(
        client, "/en/good-practices/", lambda: f.GoodPracticeFactory().themes.add(theme)
    )


def test_practice_detail_with_related_practices(client):
    practice = f.GoodPracticeFactory()
    _assert_constant(
        client,
        f"/en/good-practices/{practice.slug}/",
        lambda: practice.related.add(f.GoodPracticeFactory()),
    )


def test_region_list(client):
    _assert_constant(client, "/en/regions/", lambda: f.OrganisationFactory())


def test_region_detail_with_everything_linked_growing(client):
    region = f.RegionFactory(latitude=50, longitude=4)
    cooperation = f.CooperationFactory()
    cooperation.regions.add(region)

    def grow():
        organisation = f.OrganisationFactory(region=region, latitude=50, longitude=4)
        f.PartnershipFactory(organisation=organisation, region=region)
        f.EventFactory(region=region)
        f.GoodPracticeFactory(organisation=organisation)
        f.InfrastructureFactory(owner=organisation)
        milestone = f.MilestoneFactory(cooperation=cooperation)
        f.DocumentFactory(owner=milestone)
        f.DocumentFactory(owner=cooperation)
        f.DocumentFactory(owner=region)

    _assert_constant(client, f"/en/regions/{region.slug}/", grow, rows=30)


def test_organisation_detail_with_many_projects_practices_and_events(client):
    organisation = f.OrganisationFactory(latitude=50, longitude=4)

    def grow():
        partnership = f.PartnershipFactory(organisation=organisation)
        f.GoodPracticeFactory(organisation=organisation, project=partnership.project)
        f.EventFactory().organisers.add(organisation)
        f.InfrastructureFactory(owner=organisation)

    _assert_constant(client, f"/en/organisations/{organisation.slug}/", grow, rows=30)


def test_organisation_directory(client):
    project = f.ProjectFactory()
    _assert_constant(
        client, "/en/organisations/", lambda: f.PartnershipFactory(project=project), rows=60
    )
    _assert_constant(
        client,
        f"/en/organisations/?project={project.slug}",
        lambda: f.PartnershipFactory(project=project),
        rows=60,
    )


def test_infrastructure_list(client):
    theme = f.ThemeFactory()
    _assert_constant(
        client, "/en/infrastructure/", lambda: f.InfrastructureFactory().themes.add(theme)
    )


def test_news_list(client):
    project = f.ProjectFactory()
    _assert_constant(client, "/en/news/", lambda: f.ArticleFactory(project=project))


def test_home(client):
    region = f.RegionFactory()

    def grow():
        f.ProjectFactory()
        f.EventFactory()
        f.ArticleFactory()
        f.GoodPracticeFactory()
        f.CooperationFactory().regions.add(region)

    _assert_constant(client, "/en/", grow)


def test_map(client):
    _assert_constant(client, "/en/map/", lambda: f.PartnershipFactory())
    project = f.ProjectFactory()
    _assert_constant(
        client, f"/en/map/?project={project.slug}", lambda: f.PartnershipFactory(project=project)
    )


def test_event_detail_with_many_news_articles(client):
    event = f.EventFactory(latitude=50, longitude=4)
    _assert_constant(
        client, f"/en/events/{event.slug}/", lambda: f.ArticleFactory(event=event), rows=30
    )


def test_event_list_with_nothing_upcoming_shows_recent_past(client):
    project = f.ProjectFactory()
    now = datetime.datetime.now(datetime.UTC)

    def past_event():
        start = now - datetime.timedelta(days=30)
        f.EventFactory(project=project, starts_at=start, ends_at=start)

    _assert_constant(client, "/en/events/", past_event)


@pytest.mark.search
def test_search(client):
    _assert_constant(
        client, "/en/search/?q=event", lambda: f.EventFactory(summary="An event about chemistry")
    )


def _link_document(owner):
    Document.objects.create(
        title="Report",
        kind="report",
        url="https://example.org/report.pdf",
        content_type=ContentType.objects.get_for_model(owner),
        object_id=owner.pk,
    )


def test_cooperation_with_many_milestones_regions_and_themes(client):
    cooperation = Cooperation.objects.create(name="Cross-border", slug="cross-border")
    theme = f.ThemeFactory()
    days = iter(range(1, 400))

    def grow():
        milestone = Milestone.objects.create(
            cooperation=cooperation,
            kind="summit",
            date=datetime.date(2000, 1, 1) + datetime.timedelta(days=next(days)),
            title="Summit",
        )
        milestone.themes.add(theme)
        _link_document(milestone)
        cooperation.regions.add(f.RegionFactory())
        cooperation.themes.add(f.ThemeFactory())

    _assert_constant(client, f"/en/cooperations/{cooperation.slug}/", grow)


def test_infrastructure_detail_with_many_domains_and_documents(client):
    lab = f.InfrastructureFactory()

    def grow():
        lab.themes.add(f.ThemeFactory())
        _link_document(lab)

    _assert_constant(client, f"/en/infrastructure/{lab.slug}/", grow)


def test_news_detail_with_many_themes(client):
    article = f.ArticleFactory(project=f.ProjectFactory(), event=f.EventFactory())
    _assert_constant(
        client, f"/en/news/{article.slug}/", lambda: article.themes.add(f.ThemeFactory())
    )


@pytest.mark.search
def test_search_suggestions(client):
    _assert_constant(
        client, "/en/search/suggestions/?q=chem", lambda: f.EventFactory(title="Chemistry day")
    )


def test_cooperation_list(client):
    def grow():
        cooperation = f.CooperationFactory()
        cooperation.regions.add(f.RegionFactory(), f.RegionFactory())

    _assert_constant(client, "/en/cooperations/", grow, rows=50)
