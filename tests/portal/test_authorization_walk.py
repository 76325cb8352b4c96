"""Every route, as every role: the answer each gets is the one tests/portal/authorization.py
expects. A route with no row there fails, so no new page ships unchecked.

One set of objects (a project with a lead partner and the partners of regions A and B, a
plan of region A and its progress report, an event with registration and a registrant,
a newsletter issue and subscriber, ...) is made once per test process and rolled back at
the end; each role's walk is one test that lists every mismatch at once.

The admin is walked in full where the answers differ, and sampled where one mechanism
decides for every page (the walk is part of a suite with a time budget):
- Every admin page is behind AdminSite.admin_view, which sends whoever is not staff to
  the login page. A test walks the resolver to prove the wrapper is on every admin route;
  the other roles then ask one page of each kind (a changelist, an add page, ...).
- Staff ask every explicitly listed admin page, and every model's list and change page
  (each model's own columns, filters, forms and inlines). The add, delete and history
  pages are Django's own, opened or refused by the model admin's has_*_permission: one of
  each kind is asked, and every model admin's permission is checked against the table.
- A page whose answer cannot depend on who asks (the API schema, readiness) is asked once.
"""

import fnmatch
import logging
import os
from contextlib import contextmanager

import pytest
from django.contrib import admin
from django.contrib.admin import ModelAdmin
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.test import Client, RequestFactory
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
            "plan-pdf": {"kind": "plan", "subject_id": plan.pk},
            "plan-pdf-file": {"kind": "plan", "subject_id": plan.pk, "language": "en"},
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


def _admin_object(route):
    """The row an admin object page is asked about: the model's first one, or None."""
    model_admin = getattr(route.callback, "model_admin", None)
    if model_admin is None:  # a device's QR code and set-up: no device here
        return None
    return model_admin.model._default_manager.order_by("pk").first()


def _admin_path(route) -> str | None:
    """The admin's address for a route: an object's pages take the model's first row."""
    if route.name in UNWALKED:
        return None
    if "app_label" in route.pattern:
        return reverse(route.name, kwargs={"app_label": "regions"})
    for parameter, name in (("<path:object_id>", "object_id"), ("<int:pk>", "pk"), ("<id>", "id")):
        if parameter in route.pattern:
            row = _admin_object(route)
            return reverse(route.name, kwargs={name: row.pk}) if row else None
    return reverse(route.name)


# Admin routes with a row but no GET of their own: the redirects from an object's old
# address, the catch-all, and "view on site" (a redirect to the page the object names).
UNWALKED = {"admin:<path:object_id>/", "admin:(?P<url>.*)$", "admin:view_on_site"}
# The admin's pages Django builds the same way for every model, opened or refused by one
# permission method of the model admin (see _permitted): staff ask one of each kind.
GENERIC = {"admin:*_add", "admin:*_delete", "admin:*_history"}
# Pages whose answer cannot depend on who asks, and which are slow to make (the whole API
# schema; readiness waits for a Celery worker): asked once, as anonymous.
USER_BLIND = {"api:schema", "readyz"}


def _row_key(route) -> str | None:
    """The table's row for a route: its own name, else the pattern it matches."""
    if route.name in EXPECTED:
        return route.name
    for pattern in EXPECTED:
        if "*" in pattern and fnmatch.fnmatchcase(route.name, pattern):
            return pattern
    return None


def _expected(route):
    key = _row_key(route)
    return EXPECTED[key] if key else None


def _kind(route) -> str:
    """Admin routes the admin_view wrapper answers alike for all who are not staff: the
    pattern a named row also matches (admin:news_subscriber_add is an "admin:*_add")."""
    for pattern in EXPECTED:
        if "*" in pattern and fnmatch.fnmatchcase(route.name, pattern):
            return pattern
    return route.name


def test_every_route_has_a_row():
    missing = [f"{route.name}  ({route.pattern})" for route in routes() if _expected(route) is None]
    assert not missing, "routes with no row in tests/portal/authorization.py:\n" + "\n".join(
        missing
    )


def _nested_code(function, name: str):
    code = getattr(function, "__code__", function)
    return next(c for c in code.co_consts if getattr(c, "co_name", None) == name)


# The code of the functions through which every admin page passes AdminSite.admin_view:
# the model admin's and the site's own URL wrappers (which call it on each request), and
# the view admin_view returns (a model admin's extra URLs, such as the devices').
ADMIN_VIEW_CODES = {
    _nested_code(_nested_code(ModelAdmin.get_urls, "wrap"), "wrapper"),
    _nested_code(_nested_code(admin.AdminSite.get_urls, "wrap"), "wrapper"),
    _nested_code(admin.AdminSite.admin_view, "inner"),
}


def _behind_admin_view(function, depth=4) -> bool:
    """Whether a view is admin_view's, looking through the decorators it is wrapped in
    (csrf_protect and never_cache keep the view they wrap in their closure)."""
    if getattr(function, "__code__", None) in ADMIN_VIEW_CODES:
        return True
    cells = getattr(function, "__closure__", None) or ()
    return depth > 0 and any(
        callable(cell.cell_contents) and _behind_admin_view(cell.cell_contents, depth - 1)
        for cell in cells
    )


def test_every_admin_page_is_behind_the_admin_login():
    """The ground for asking the admin once per kind of page as anyone but staff."""
    admin_routes = [r for r in routes() if r.name.startswith("admin:")]
    # The login page is open to all (the portal's own login answers it).
    unguarded = [
        r.name
        for r in admin_routes
        if r.name != "admin:login" and not _behind_admin_view(r.callback)
    ]
    assert len(admin_routes) > 100
    # The check can tell: the admin's login page is Django's plain view, not behind it.
    assert not _behind_admin_view(next(r for r in admin_routes if r.name == "admin:login").callback)
    assert not unguarded, "admin routes not behind AdminSite.admin_view: " + ", ".join(unguarded)


def test_the_table_answers_alike_where_the_walk_asks_once():
    """A route the walk asks once (per kind, or as one role) must expect what it stands for."""
    differ = []
    for route in routes():
        row = _expected(route)
        if row is None:
            continue
        if route.name in USER_BLIND and len(set(row[1:])) != 1:
            differ.append(route.name)
        if row[0] == ADMIN and route.name.startswith("admin:"):
            representative = EXPECTED.get(_kind(route), row)
            if row[1:-1] != representative[1:-1]:
                differ.append(route.name)
    assert not differ, "walked once but expected to differ: " + ", ".join(differ)


def _permitted(route, request) -> int:
    """What a model admin's permission method makes of a generic page, as a status."""
    model_admin = route.callback.model_admin
    obj = _admin_object(route)
    if route.name.endswith("_add"):
        allowed = model_admin.has_add_permission(request)
    elif route.name.endswith("_delete"):
        allowed = model_admin.has_delete_permission(request, obj)
    else:  # history
        allowed = model_admin.has_view_or_change_permission(request, obj)
    return 200 if allowed else 403


@contextmanager
def _quiet_refusals():
    # Each refusal the walk provokes is logged with its traceback; hundreds of expected
    # ones would cost time and bury a real error.
    logger = logging.getLogger("django.request")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _plan(role: str, world) -> list[tuple]:
    """(route, path, how) for each route a role's walk asks: how is "get", or "permission"
    for a generic admin page asked of its model admin. Routes asked elsewhere (by another
    role, or as another page of their kind) are left out."""
    plan, asked = [], set()
    for route in routes():
        row = _expected(route)
        if row is None or (route.name in USER_BLIND and role != ROLES[0]):
            continue
        if row[0] != ADMIN:
            plan.append((route, reverse(route.name, kwargs=world.kwargs[row[0]]), "get"))
            continue
        path = _admin_path(route)
        if path is None:
            continue
        kind = _kind(route)
        if role != "staff":
            if kind not in asked:
                plan.append((route, path, "get"))
        elif _row_key(route) in GENERIC:
            plan.append((route, path, "permission" if kind in asked else "get"))
        else:
            plan.append((route, path, "get"))
        asked.add(kind)
    return plan


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_each_route_answers_each_role_as_the_table_says(world, role):
    client = Client()
    if world.users[role]:
        client.force_login(world.users[role])
    request = RequestFactory().get("/")
    request.user = world.users[role] or AnonymousUser()
    column = ROLES.index(role)
    mismatches, seen = [], []
    with _quiet_refusals():
        for route, path, how in _plan(role, world):
            if how == "permission":
                status = _permitted(route, request)
            else:
                status = client.get(
                    path, HTTP_ACCEPT="text/html,application/json;q=0.9"
                ).status_code
            seen.append(f'    "{route.name}": {status},')
            want = _expected(route)[1 + column]
            if status not in (want if isinstance(want, tuple) else (want,)):
                asked = "its model admin's permission" if how == "permission" else "GET"
                mismatches.append(f"{route.name} {asked} {path}: {status}, expected {want}")
    if os.environ.get("AUTHORIZATION_WALK_PRINT"):
        print(f"\n{role}\n" + "\n".join(seen))
    assert not mismatches, f"{role}:\n" + "\n".join(mismatches)
