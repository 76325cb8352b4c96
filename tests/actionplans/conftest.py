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
