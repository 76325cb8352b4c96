"""A generated project for measuring the monitoring dashboard: 30 regions, each with an
approved plan of 10 actions and a progress report for each of 8 periods, made through
the same services as the pages. Run once per bench database; prints the project's slug
and a signed-in coordinator's session key for wrk's Cookie header."""

import datetime
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.core.files.base import ContentFile

from actionplans import services, workflow
from actionplans.monitoring import services as reporting
from actionplans.monitoring.periods import periods_generate
from actionplans.monitoring.workflow import REPORTS, report_transition
from portal.accounts.models import User
from portal.demo.placeholder import placeholder_pdf
from projects.models import Partnership, Phase, Programme, Project, ProjectRole
from regions.models import Organisation, Region

SLUG = "bench-monitoring"
REGIONS, PERIODS, ACTIONS = 30, 8, 10
STATUSES = ["in_progress", "on_track", "delayed", "completed", "on_track", "not_started"]


def seed() -> str:
    project = Project.objects.filter(slug=SLUG).first()
    if project is None:
        project = _project()
    coordinator = User.objects.get(email="bench.coordinator@example.org")
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(coordinator.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = coordinator.get_session_auth_hash()
    store.create()
    return f"{SLUG} {store.session_key}"


def _project() -> Project:
    programme = Programme.objects.first()
    project = Project.objects.create(
        acronym="BENCHMON",
        slug=SLUG,
        title="[bench] Monitoring",
        programme=programme,
        start_date=datetime.date(2016, 1, 1),
        end_date=datetime.date(2024, 12, 31),
    )
    Phase.objects.create(
        project=project,
        kind=Phase.Kind.MONITORING,
        start_date=datetime.date(2019, 4, 1),
        end_date=datetime.date(2023, 3, 31),
    )
    periods = periods_generate(project=project)
    coordinator = User.objects.create_user(email="bench.coordinator@example.org", password="x")
    lead = _partnership(project, 0, role=Partnership.Role.LEAD)
    ProjectRole.objects.create(user=coordinator, partnership=lead, role="coordinator")
    for n in range(1, REGIONS + 1):
        partnership = _partnership(project, n)
        member = User.objects.create_user(email=f"bench.partner{n}@example.org", password="x")
        ProjectRole.objects.create(user=member, partnership=partnership, role="partner_member")
        plan = services.plan_create(user=member, partnership=partnership, title=f"Plan {n}")
        content = services.PLANS.current_content(plan)
        content["instruments"] = [
            {"name": "Regional strategy", "type": "other", "improvements": ["management"]}
        ]
        content["actions"] = [_action(a) for a in range(ACTIONS)]
        content.update(contact_name="Bench", contact_email="bench@example.org")
        content["endorsement"].update(endorsed_by="Bench", endorsed_on="2019-03-01")
        letter = ContentFile(placeholder_pdf("Bench letter", "A generated plan."), name="l.pdf")
        services.plan_write(
            user=member, plan=plan, expected_version=0, content=content, letter=letter
        )
        workflow.plan_transition(user=member, plan=plan, step="submit", notify=False)
        workflow.plan_transition(user=coordinator, plan=plan, step="approve", notify=False)
        plan.refresh_from_db()
        for number, period in enumerate(periods[:PERIODS]):
            report = reporting.report_start(user=member, plan=plan, period=period)
            body = REPORTS.current_content(report)
            for a, row in enumerate(body["actions"]):
                row["status"] = STATUSES[(a + n + number) % len(STATUSES)]
                row["narrative"] = f"<p>Period {number + 1}, action {a + 1}.</p>"
                row["budget_spent"] = str(1000 * (number + 1) * (a + 1))
                for indicator in row["indicators"]:
                    indicator["achieved"] = str(number * 5 + a)
            reporting.report_write(user=member, report=report, expected_version=0, content=body)
            report_transition(user=member, report=report, step="submit", notify=False)
    return project


def _partnership(project, n, role=Partnership.Role.PARTNER):
    region, _created = Region.objects.get_or_create(
        slug=f"bench-region-{n}",
        defaults={
            "name": f"Bench region {n}",
            "nuts_code": f"ZZ{n:02d}",
            "country": "BE",
            "type": "nuts2",
        },
    )
    organisation, _created = Organisation.objects.get_or_create(
        slug=f"bench-organisation-{n}",
        defaults={"name": f"Bench organisation {n}", "type": "public_authority", "region": region},
    )
    return Partnership.objects.create(
        project=project, organisation=organisation, region=region, role=role
    )


def _action(a: int) -> dict:
    return {
        "id": None,
        "title": f"Action {a + 1}",
        "background": "",
        "learnt_from": [],
        "good_practices": [],
        "description": "<p>Do it.</p>",
        "players": "",
        "starts_on": "2019-04-01",
        "ends_on": "2023-03-31",
        "estimated_cost": "100000",
        "funding_sources": "",
        "indicators": [
            {"name": "Companies", "unit": "", "baseline": "0", "target": "50"},
            {"name": "Events", "unit": "", "baseline": "0", "target": "10"},
        ],
    }
