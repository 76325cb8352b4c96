import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from actionplans import services, workflow
from actionplans.content import content_of, plan_with_content
from tests import factories

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def pdf_upload(name="letter.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def other_partnership(project):
    """Another region's partner in the same project."""
    return factories.PartnershipFactory(project=project, role="partner")


@pytest.fixture
def other_partner(other_partnership):
    return factories.grant(other_partnership, "partner_member")


@pytest.fixture
def plan(partner_member, partnership):
    return services.plan_create(user=partner_member, partnership=partnership, title="Our plan")


def complete(plan, **changes) -> dict:
    """The plan's content with every part filled in, as a partner would after a while."""
    content = content_of(plan_with_content(plan.pk))
    content.update(
        title="Action plan for better access to innovation funding",
        contact_name="Ada Example",
        contact_email="ada@example.org",
        instruments=[
            {
                "name": "Regional Innovation Strategy",
                "type": "other",
                "improvements": ["management"],
            }
        ],
        actions=[
            {
                "id": None,
                "title": "Innovation voucher round for chemistry SMEs",
                "background": "<p>Learnt from the voucher scheme of a partner region.</p>",
                "learnt_from": [],
                "good_practices": [],
                "description": "<p>Open a yearly voucher round.</p>",
                "players": "<p>The regional development agency runs it.</p>",
                "starts_on": "2019-04-01",
                "ends_on": "2021-03-31",
                "estimated_cost": "250000.00",
                "funding_sources": "ERDF regional programme",
                "indicators": [
                    {"name": "SMEs supported", "unit": "SMEs", "baseline": "0", "target": "40"}
                ],
            }
        ],
    )
    content["endorsement"].update(endorsed_by="Minister of Economy", endorsed_on="2019-03-15")
    content.update(changes)
    return content


def fill(plan, user):
    """Write a complete content with a signed letter: ready to submit."""
    return services.plan_write(
        user=user,
        plan=plan,
        expected_version=plan_with_content(plan.pk).version,
        content=complete(plan),
        letter=pdf_upload(),
    )


def advance(plan, partner, coordinator, state: str):
    """Take a fresh plan to `state` through the real workflow."""
    if state == "draft":
        return plan
    fill(plan, partner)
    workflow.plan_transition(user=partner, plan=plan, step="submit")
    if state == "changes_requested":
        workflow.plan_transition(
            user=coordinator, plan=plan, step="request_changes", comment="Add a budget."
        )
    elif state == "approved":
        workflow.plan_transition(user=coordinator, plan=plan, step="approve")
    plan.refresh_from_db()
    assert plan.state == state
    return plan


# Phase 2 and its progress reports.


@pytest.fixture
def periods(project):
    """S3Chem's phase 2, April 2019 to March 2021, cut into its four semesters."""
    import datetime

    from actionplans.monitoring.periods import periods_generate
    from projects.models import Phase

    Phase.objects.create(
        project=project,
        kind=Phase.Kind.MONITORING,
        start_date=datetime.date(2019, 4, 1),
        end_date=datetime.date(2021, 3, 31),
    )
    return periods_generate(project=project)


@pytest.fixture
def approved(plan, partner_member, coordinator):
    return advance(plan, partner_member, coordinator, "approved")


@pytest.fixture
def report(approved, partner_member, periods):
    from actionplans.monitoring import services as reporting

    return reporting.report_start(user=partner_member, plan=approved, period=periods[0])


def report_content(report) -> dict:
    from actionplans.monitoring.workflow import REPORTS

    return REPORTS.current_content(report)


def fill_report(report, user, *, status="on_track", achieved="10", spent="50000"):
    """Say how every action went: ready to submit."""
    from actionplans.monitoring import services as reporting

    content = report_content(report)
    for action in content["actions"]:
        action.update(status=status, narrative="<p>The desk opened.</p>", budget_spent=spent)
        for indicator in action["indicators"]:
            indicator["achieved"] = achieved
    report.refresh_from_db()
    return reporting.report_write(
        user=user, report=report, expected_version=report.version, content=content
    )
