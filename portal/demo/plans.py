"""Demo action plans: one S3Chem region in each state of the workflow.

The seed articles say only that every S3Chem region drafts an action plan to improve how
its Regional Innovation Strategy is implemented, with actions that widen companies'
access to innovation funding, building on the project's analyses of stakeholder
involvement and governance, project development, financing instruments, and monitoring.
Everything more specific below is written for the demo, and every plan says so
(`is_demo`): these are not the partners' real plans.

Plans go through the same services and workflow as a partner's would, so the demo shows
real versions and workflow steps. A region that already has a plan is left alone.
"""

from django.core.files.base import ContentFile

from actionplans import services, workflow
from actionplans.models import ActionPlan
from portal.accounts.models import User
from portal.demo.placeholder import placeholder_pdf
from projects.models import GoodPractice, Partnership
from regions.models import Region

COORDINATOR = "coordinator@example.org"


def _action(title, description, indicators, *, learnt_from=(), practices=(), cost=None):
    return {
        "id": None,
        "title": title,
        "background": "<p>Drawn from the project's analyses and exchanges between the "
        "partner regions (demo text).</p>",
        "learnt_from": list(learnt_from),
        "good_practices": list(practices),
        "description": f"<p>{description}</p>",
        "players": "<p>The managing authority of the strategy leads; the regional "
        "development agency and the chemistry cluster take part (demo text).</p>",
        "starts_on": "2019-04-01",
        "ends_on": "2021-03-31",
        "estimated_cost": cost,
        "funding_sources": "Regional budget (demo text)",
        "indicators": [
            {"name": name, "unit": unit, "baseline": baseline, "target": target}
            for name, unit, baseline, target in indicators
        ],
    }


def _content(region_name: str, refs: dict) -> dict:
    return {
        "title": f"Action plan of {region_name} for S3Chem (demo)",
        "language": "en",
        "other_organisations": "",
        "contact_name": "Demo contact",
        "contact_email": "demo.contact@example.org",
        "contact_phone": "",
        "instruments": [
            {
                "name": f"Regional Innovation Strategy of {region_name}",
                "type": "other",
                "improvements": ["management"],
            }
        ],
        "actions": [
            _action(
                "Innovation funding desk for chemistry companies",
                "One place where a company finds every public and private source of "
                "innovation funding open to it, and help with its application.",
                [("Companies advised", "companies", "0", "60")],
                cost="120000",
            ),
            _action(
                "Stakeholder panel for the chemistry priority",
                "A panel of companies, research centres and citizens that meets twice a "
                "year to steer the strategy's chemistry priority.",
                [("Panel meetings held", "meetings", "0", "4")],
                learnt_from=refs["learnt_from"],
                practices=refs["practices"],
            ),
        ],
        "endorsement": {"endorsed_by": "", "endorsed_on": None, "letter": ""},
    }


def _endorsed(content: dict) -> dict:
    return {
        **content,
        "endorsement": {**content["endorsement"], "endorsed_by": "Demo signatory"},
    }


# region slug, demo login, state the plan is left in
PLANS = [
    ("lombardy", "partner.lombardy@example.org", "approved"),
    ("limburg-nl", "partner.limburg@example.org", "changes_requested"),
    ("catalonia", "partner.catalonia@example.org", "submitted"),
    ("wallonia", "partner.wallonia@example.org", "draft"),
    # Approved too, so that phase 2's demo reports come from several regions.
    ("asturias", "partner.asturias@example.org", "approved"),
    ("mazovia", "partner.mazovia@example.org", "approved"),
]


def load_plans() -> None:
    coordinator = User.objects.get(email=COORDINATOR)
    lombardy = Region.objects.get(slug="lombardy")
    law = GoodPractice.objects.filter(slug="lombardy-research-and-innovation-law").first()
    for region_slug, email, state in PLANS:
        partnership = Partnership.objects.select_related("region").get(
            project__slug="s3chem", region__slug=region_slug, role="partner"
        )
        if ActionPlan.objects.filter(partnership=partnership).exists():
            continue
        partner = User.objects.get(email=email)
        refs = {
            "learnt_from": [lombardy.pk] if region_slug != "lombardy" else [],
            "practices": [law.pk] if law and region_slug != "lombardy" else [],
        }
        _load_plan(
            partnership, partner, coordinator, state, _content(partnership.region.name, refs)
        )


def _load_plan(partnership, partner, coordinator, state, content):
    plan = services.plan_create(user=partner, partnership=partnership, title=content["title"])
    ActionPlan.objects.filter(pk=plan.pk).update(is_demo=True)
    if state == "draft":
        # Half-way: parts I to III written, no endorsement yet.
        services.plan_write(user=partner, plan=plan, expected_version=0, content=content)
        return
    letter = ContentFile(
        placeholder_pdf(
            f"Endorsement letter: {content['title']}",
            "Stands in for the signed letter in the portal's demo.",
        ),
        name="endorsement.pdf",
    )
    content = _endorsed(content)
    content["endorsement"]["endorsed_on"] = "2019-03-15"
    services.plan_write(user=partner, plan=plan, expected_version=0, content=content, letter=letter)
    workflow.plan_transition(user=partner, plan=plan, step="submit", notify=False)
    if state == "changes_requested":
        action = plan.actions.order_by("position").first()
        services.comment_add(
            user=coordinator,
            plan=plan,
            section="actions",
            action_id=action.pk,
            body="Say how companies outside the chemistry cluster will hear of the desk.",
        )
        workflow.plan_transition(
            user=coordinator,
            plan=plan,
            step="request_changes",
            comment="Please make the funding desk reach companies beyond the cluster.",
            notify=False,
        )
    elif state == "approved":
        workflow.plan_transition(user=coordinator, plan=plan, step="approve", notify=False)
