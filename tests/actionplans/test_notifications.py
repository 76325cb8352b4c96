from actionplans import workflow
from portal.core.models import OutgoingMail
from tests.actionplans.conftest import fill


def test_the_coordinator_is_mailed_by_the_worker_when_a_plan_is_submitted(
    celery_worker, plan, partner_member, coordinator
):
    fill(plan, partner_member)
    workflow.plan_transition(user=partner_member, plan=plan, step="submit", comment="Ready.")
    celery_worker.wait_for(
        lambda: OutgoingMail.objects.filter(state=OutgoingMail.State.SENT).count() == 1
    )
    (message,) = celery_worker.sent()
    assert f"To: {coordinator.email}" in message
    assert "submitted for review" in message
    assert f"/en/workspace/plans/{plan.pk}/" in message
