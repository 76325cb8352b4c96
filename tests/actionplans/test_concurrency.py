"""Two people saving the same plan at the same moment, for real: two threads, two
database connections."""

import threading

import pytest
from django.db import connection

from actionplans import services
from actionplans.content import content_of, plan_with_content
from actionplans.models import ActionPlan, PlanVersion
from tests import factories


@pytest.mark.django_db(transaction=True)
def test_of_two_simultaneous_saves_one_wins_and_the_other_is_kept():
    partnership = factories.PartnershipFactory()
    partner = factories.grant(partnership, "partner_member")
    plan = services.plan_create(user=partner, partnership=partnership, title="Shared")
    start = threading.Barrier(2)
    outcomes = {}

    def save(title):
        content = content_of(plan_with_content(plan.pk))
        content["title"] = title
        start.wait()
        try:
            services.plan_write(user=partner, plan=plan, expected_version=0, content=content)
            outcomes[title] = "saved"
        except services.VersionConflict:
            outcomes[title] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=save, args=(title,)) for title in ("Ada's", "Bob's")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(outcomes.values()) == ["refused", "saved"]
    winner = next(title for title, outcome in outcomes.items() if outcome == "saved")
    loser = next(title for title, outcome in outcomes.items() if outcome == "refused")
    plan = ActionPlan.objects.get(pk=plan.pk)
    assert (plan.title, plan.version) == (winner, 1)
    kept = PlanVersion.objects.get(plan=plan, kind=PlanVersion.Kind.CONFLICT)
    assert kept.content["title"] == loser
