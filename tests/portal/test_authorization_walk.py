"""Every route, as every role: the answer each gets is the one tests/portal/authorization.py
expects. A route with no row there fails, so no new page ships unchecked.

One set of objects (a project with a lead partner and the partners of regions A and B, a
plan of region A and its progress report, an event with registration and a registrant,
a newsletter issue and subscriber, ...) is made once per test process and rolled back at
the end; each role's walk is one test that lists every mismatch at once.
"""

import fnmatch
import os

import pytest
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse

from actionplans import services as plans
from actionplans.monitoring import services as reporting
from actionplans.monitoring.periods import periods_generate
from events import links
from news import tokens
from tests import factories
from tests.actionplans.conftest import advance
from tests.events.conftest import sign_up
from tests.portal.authorization import ADMIN, EXPECTED, ROLES
from tests.urlwalk import routes


class World:
    """The objects the routes are asked about, and a user per role."""

    def __init__(self):
        import datetime

        from projects.models import Phase

        project = factories.ProjectFactory()
        lead = factories.PartnershipFactory(project=project, role="lead")
        region_a = factories.PartnershipFactory(project=project, role="partner")
        region_b = factories.PartnershipFactory(project=project, role="partner")
        self.users = {
            "anonymous": None,
            "partner_a": factories.grant(region_a, "partner_member"),
            "partner_b": factories.grant(region_b, "partner_member"),
            "coordinator": factories.grant(lead, "coordinator"),
            "communication": factories.grant(lead, "communication_manager"),
            "staff": factories.UserFactory(is_staff=True, is_superuser=True),
        }
        partner, coordinator = self.users["partner_a"], self.users["coordinator"]
        # Region A's approved plan, with a progress report; region A's draft too.
        plan = plans.plan_create(user=partner, partnership=region_a, title="Plan of A")
        plan = advance(plan, partner, coordinator, "approved")
        Phase.objects.create(
            project=project,
            kind=Phase.Kind.MONITORING,
            start_date=datetime.date(2019, 4, 1),
            end_date=datetime.date(2021, 3, 31),
        )
        periods = periods_generate(project=project)
        report = reporting.report_start(user=partner, plan=plan, period=periods[0])
        action = plan.actions.first()
        version = plan.versions.filter(number__isnull=False).first()
        report_version = report.versions.filter(number__isnull=False).first()
        report_row = report.actions.first()
        config = factories.RegistrationSettingsFactory(event__project=project)
        event = config.event
        registration = sign_up(event, "registrant@example.org")
        session = factories.SessionFactory(event=event)
        subscriber = factories.SubscriberFactory()
        issue = factories.IssueFactory(project=project)
        practice = factories.GoodPracticeFactory(
            project=project, organisation=region_a.organisation
        )
        document = factories.DocumentFactory(owner=project)
        personal = links._token(registration, links.PERSONAL)
        self.kwargs = {
            None: {},
            "project": {"slug": project.slug},
            "practice": {"slug": practice.slug},
            "region": {"slug": region_a.region.slug},
            "organisation": {"slug": region_a.organisation.slug},
            "cooperation": {"slug": factories.CooperationFactory().slug},
            "infrastructure": {"slug": factories.InfrastructureFactory().slug},
            "article": {"slug": factories.ArticleFactory().slug},
            "theme": {"slug": factories.ThemeFactory().slug},
            "document": {"pk": document.pk},
            "event": {"slug": event.slug},
            "export": {"slug": event.slug, "fmt": "csv"},
            "session": {"slug": event.slug, "pk": session.pk},
            "registrant": {"slug": event.slug, "pk": registration.pk},
            "registration": {"slug": event.slug, "token": personal},
            "confirmation": {
                "slug": event.slug,
                "token": links._token(registration, links.CONFIRM),
            },
            "subscriber": {"token": tokens.personal_token(subscriber)},
            "sign-up": {"token": tokens.confirmation_token(subscriber)},
            "issue": {"pk": issue.pk},
            "issue-preview": {"pk": issue.pk, "language": "en"},
            "plan": {"pk": plan.pk},
            "plan-slug": {"slug": plan.slug},
            "plan-part": {"pk": plan.pk, "part": "general"},
            "plan-step": {"pk": plan.pk, "step": "reopen"},
            "plan-action": {"pk": plan.pk, "action_pk": action.pk},
            "plan-version": {"pk": plan.pk, "version_pk": version.pk},
            "api-plan-action": {"plan_pk": plan.pk, "pk": action.pk},
            "api-plan": {"plan_pk": plan.pk},
            "report": {"pk": report.pk},
            "report-step": {"pk": report.pk, "step": "submit"},
            "report-row": {"pk": report.pk, "row_pk": report_row.pk},
            "report-version": {"pk": report.pk, "version_pk": report_version.pk},
            "monitoring-export": {"file_format": "csv"},
            "monitoring": {"slug": project.slug},
            "password-reset": {"uidb64": "MQ", "token": "set-password"},
            "media": {"path": "documents/none.pdf"},
        }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # A pool opened before the test database was made would hand out the other database.
    connection.close_pool()
    with django_db_blocker.unblock(), transaction.atomic():
        yield World()
        transaction.set_rollback(True)


def _admin_path(route, world) -> str | None:
    """The admin's address for a route: an object's pages take the model's first row."""
    if route.name in UNWALKED:
        return None
    if "app_label" in route.pattern:
        return reverse(route.name, kwargs={"app_label": "regions"})
    for parameter, name in (("<path:object_id>", "object_id"), ("<int:pk>", "pk"), ("<id>", "id")):
        if parameter in route.pattern:
            model_admin = getattr(route.callback, "model_admin", None)
            if model_admin is None:  # a device's QR code and set-up: no device here
                return None
            row = model_admin.model._default_manager.order_by("pk").first()
            return reverse(route.name, kwargs={name: row.pk}) if row else None
    return reverse(route.name)


# Admin routes with a row but no GET of their own: the redirects from an object's old
# address, the catch-all, and "view on site" (a redirect to the page the object names).
UNWALKED = {"admin:<path:object_id>/", "admin:(?P<url>.*)$", "admin:view_on_site"}


def _expected(route):
    if route.name in EXPECTED:
        return EXPECTED[route.name]
    for pattern, row in EXPECTED.items():
        if "*" in pattern and fnmatch.fnmatchcase(route.name, pattern):
            return row
    return None


def test_every_route_has_a_row():
    missing = [f"{route.name}  ({route.pattern})" for route in routes() if _expected(route) is None]
    assert not missing, "routes with no row in tests/portal/authorization.py:\n" + "\n".join(
        missing
    )


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_route_answers_each_role_as_the_table_says(world, role):
    client = Client()
    if world.users[role]:
        client.force_login(world.users[role])
    column = ROLES.index(role)
    mismatches, seen = [], []
    for route in routes():
        row = _expected(route)
        if row is None:
            continue
        key, statuses = row[0], row[1:]
        if key == ADMIN:
            path = _admin_path(route, world)
        else:
            path = reverse(route.name, kwargs=world.kwargs[key])
        if path is None:
            continue
        answer = client.get(path, HTTP_ACCEPT="text/html,application/json;q=0.9")
        seen.append(f'    "{route.name}": {answer.status_code},')
        want = statuses[column]
        if answer.status_code not in (want if isinstance(want, tuple) else (want,)):
            mismatches.append(f"{route.name} GET {path}: {answer.status_code}, expected {want}")
    if os.environ.get("AUTHORIZATION_WALK_PRINT"):
        print(f"\n{role}\n" + "\n".join(seen))
    assert not mismatches, f"{role}:\n" + "\n".join(mismatches)
