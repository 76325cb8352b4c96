import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from actionplans import workflow
from actionplans.models import ActionPlan
from portal.core.models import OutgoingMail
from tests.actionplans.conftest import advance, fill

pytestmark = pytest.mark.django_db
State = ActionPlan.State


def test_the_full_round_trip_is_recorded_step_by_step(plan, partner_member, coordinator):
    fill(plan, partner_member)
    workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    workflow.plan_transition(
        user=coordinator, plan=plan, step="request_changes", comment="Quantify action 1."
    )
    workflow.plan_transition(user=partner_member, plan=plan, step="submit", comment="Done.")
    workflow.plan_transition(user=coordinator, plan=plan, step="approve")

    plan.refresh_from_db()
    assert plan.state == State.APPROVED
    assert plan.review_round == 2
    assert plan.approved_version.number == plan.version
    steps = list(plan.transitions.values_list("source", "target", "by", "comment"))
    assert steps == [
        ("draft", "submitted", partner_member.pk, ""),
        ("submitted", "changes_requested", coordinator.pk, "Quantify action 1."),
        ("changes_requested", "submitted", partner_member.pk, "Done."),
        ("submitted", "approved", coordinator.pk, ""),
    ]


def test_an_incomplete_plan_cannot_be_submitted_and_says_what_is_missing(plan, partner_member):
    with pytest.raises(ValidationError) as caught:
        workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    assert "Name at least one policy instrument the plan improves." in caught.value.messages
    assert "Upload the signed endorsement letter." in caught.value.messages
    plan.refresh_from_db()
    assert plan.state == State.DRAFT and not plan.transitions.exists()


def test_asking_for_changes_needs_a_comment(plan, partner_member, coordinator):
    advance(plan, partner_member, coordinator, "submitted")
    with pytest.raises(ValidationError, match="Say what needs to change"):
        workflow.plan_transition(user=coordinator, plan=plan, step="request_changes", comment=" ")


def test_a_step_from_the_wrong_state_is_refused_with_a_clear_message(
    plan, partner_member, coordinator
):
    with pytest.raises(ValidationError, match="The plan's state is “Draft”, so this step"):
        workflow.plan_transition(user=coordinator, plan=plan, step="approve")
    with pytest.raises(ValidationError, match="“publish” is not a workflow step"):
        workflow.plan_transition(user=coordinator, plan=plan, step="publish")


def test_a_partner_cannot_approve_their_own_plan(plan, partner_member, coordinator):
    advance(plan, partner_member, coordinator, "submitted")
    with pytest.raises(PermissionDenied):
        workflow.plan_transition(user=partner_member, plan=plan, step="approve")


def test_reopening_starts_a_new_revision_and_the_approved_version_stays_public(
    plan, partner_member, coordinator
):
    advance(plan, partner_member, coordinator, "approved")
    approved = plan.approved_version
    workflow.plan_transition(user=coordinator, plan=plan, step="reopen", comment="Update for 2020.")
    plan.refresh_from_db()
    assert (plan.state, plan.revision) == (State.DRAFT, 2)
    assert plan.approved_version == approved
    assert plan.is_public


def test_each_step_queues_one_mail_for_the_people_who_act_next(
    plan, partner_member, coordinator, django_capture_on_commit_callbacks
):
    fill(plan, partner_member)
    with django_capture_on_commit_callbacks() as callbacks:
        workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    mails = list(OutgoingMail.objects.values_list("to", "subject"))
    assert mails == [
        (
            coordinator.email,
            f"[{plan.partnership.project.acronym}] Action plan of "
            f"{plan.partnership.region.name} submitted for review",
        )
    ]
    # The task is dispatched only once the transaction has committed.
    assert len(callbacks) == 1

    workflow.plan_transition(user=coordinator, plan=plan, step="request_changes", comment="More.")
    mail = OutgoingMail.objects.get(to=partner_member.email)
    assert "asks for changes" in mail.body_text and "More." in mail.body_text
    assert f"/en/workspace/plans/{plan.pk}/" in mail.body_text
    assert "<blockquote>More.</blockquote>" in mail.body_html


def test_a_notice_is_written_in_the_readers_language(plan, partner_member, coordinator):
    coordinator.language = "de"
    coordinator.save()
    fill(plan, partner_member)
    workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    mail = OutgoingMail.objects.get(to=coordinator.email)
    assert f"/de/workspace/plans/{plan.pk}/" in mail.body_text
    assert mail.subject == (
        f"[{plan.partnership.project.acronym}] Aktionsplan von "
        f"{plan.partnership.region.name} zur Prüfung eingereicht"
    )
