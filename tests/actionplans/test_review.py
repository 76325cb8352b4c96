"""Reviewing a plan, as partner and as coordinator: remarks beside the part or action they
are on (on the plan page and in the editor), earlier rounds kept, the coordinator's jump
to what changed since their last review, and a history naming parts and workflow steps."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplans import services, workflow
from actionplans.content import content_of, plan_with_content
from tests.actionplans.conftest import fill

pytestmark = pytest.mark.django_db


def _page(client, user, name, *args) -> str:
    client.force_login(user)
    response = client.get(reverse(f"actionplans:{name}", args=args))
    assert response.status_code == 200
    return response.content.decode()


def _block(html: str, start: str, end: str) -> str:
    """The page's text from `start` to the next `end`."""
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


@pytest.fixture
def reviewed(plan, partner_member, coordinator):
    """A plan sent back with one remark on its first action and one on Part I."""
    fill(plan, partner_member)
    content = content_of(plan_with_content(plan.pk))
    second = {**content["actions"][0], "id": None, "title": "A second action"}
    services.plan_write(
        user=partner_member,
        plan=plan,
        expected_version=1,
        content={**content, "actions": [*content["actions"], second]},
    )
    workflow.plan_transition(user=partner_member, plan=plan, step="submit")
    first, second = plan.actions.order_by("position")
    services.comment_add(
        user=coordinator,
        plan=plan,
        section="actions",
        action_id=first.pk,
        body="Name the voucher's maximum amount.",
    )
    services.comment_add(
        user=coordinator, plan=plan, section="general", body="Add the contact's phone."
    )
    workflow.plan_transition(
        user=coordinator, plan=plan, step="request_changes", comment="See the remarks."
    )
    plan.refresh_from_db()
    plan.first_action, plan.second_action = first, second
    return plan


def test_submit_for_review_comes_after_the_remarks_it_answers(client, reviewed, partner_member):
    html = _page(client, partner_member, "detail", reviewed.pk)
    assert html.index("Name the voucher&#x27;s maximum amount.") < html.index("Submit for review")
    assert html.index('id="review-heading"') < html.index('id="workflow-heading"')


def test_a_remark_on_an_action_is_shown_beside_that_action_in_the_editor(
    client, reviewed, partner_member
):
    remark = "Name the voucher&#x27;s maximum amount."
    first, second = reviewed.first_action, reviewed.second_action
    assert remark in _page(client, partner_member, "action", reviewed.pk, first.pk)
    assert remark not in _page(client, partner_member, "action", reviewed.pk, second.pk)
    actions = _page(client, partner_member, "actions", reviewed.pk)
    listed = _block(actions, '<ol class="action-list">', "</ol>\n")
    first_item, second_item = re.split(r"<li>\s*<strong>", listed)[1:]
    assert "Innovation voucher round" in first_item and remark in first_item
    assert "A second action" in second_item and remark not in second_item


def test_a_remark_on_an_action_is_shown_beside_it_on_the_plan_page(client, reviewed, coordinator):
    html = _page(client, coordinator, "detail", reviewed.pk)
    first = _block(html, f'id="action-{reviewed.first_action.pk}"', "</article>")
    second = _block(html, f'id="action-{reviewed.second_action.pk}"', "</article>")
    assert "maximum amount" in first and "maximum amount" not in second
    part_one = _block(html, 'id="part-general"', "</section>")
    assert "Add the contact" in part_one and "maximum amount" not in part_one


def test_a_remark_on_a_part_is_shown_on_that_part_of_the_editor(client, reviewed, partner_member):
    assert "Add the contact" in _page(client, partner_member, "edit", reviewed.pk, "general")
    assert "Add the contact" not in _page(client, partner_member, "edit", reviewed.pk, "policy")


def test_earlier_rounds_remarks_stay_readable_after_resubmitting(
    client, reviewed, partner_member, coordinator
):
    workflow.plan_transition(user=partner_member, plan=reviewed, step="submit")
    services.comment_add(
        user=coordinator, plan=reviewed, section="policy", body="Round two: fine now."
    )
    html = _page(client, partner_member, "detail", reviewed.pk)
    review = _block(html, 'id="review"', "</section>")
    current = _block(review, "Remarks of review round 2", "Earlier review rounds")
    assert "Round two: fine now." in current and "maximum amount" not in current
    earlier = review[review.index("Earlier review rounds") :]
    assert "Review round 1: 2 remarks" in earlier
    assert "maximum amount" in earlier and "Add the contact" in earlier
    # Beside the actions only the current round's remarks: the old one is answered.
    action = _block(html, f'id="action-{reviewed.first_action.pk}"', "</article>")
    assert "maximum amount" not in action


def test_the_coordinator_jumps_to_the_changes_since_the_version_they_last_reviewed(
    client, reviewed, partner_member, coordinator
):
    reviewed_at = reviewed.version
    content = content_of(plan_with_content(reviewed.pk))
    services.plan_write(
        user=partner_member,
        plan=reviewed,
        expected_version=reviewed_at,
        content={**content, "contact_phone": "+32 2 555 01 01"},
    )
    workflow.plan_transition(user=partner_member, plan=reviewed, step="submit")
    reviewed.refresh_from_db()
    html = _page(client, coordinator, "detail", reviewed.pk)
    older = reviewed.versions.get(number=reviewed_at)
    newer = reviewed.versions.get(number=reviewed.version)
    link = f"?a={older.pk}&amp;b={newer.pk}"
    assert link in html
    assert (
        f"Changes since the version you last reviewed (version {reviewed_at} to version "
        f"{reviewed.version})" in html
    )
    comparison = client.get(
        reverse("actionplans:compare", args=[reviewed.pk]) + link.replace("&amp;", "&")
    )
    assert "+32 2 555 01 01" in comparison.content.decode()
    # The partner is not offered the coordinator's comparison.
    assert "you last reviewed" not in _page(client, partner_member, "detail", reviewed.pk)


def test_a_coordinator_who_has_not_reviewed_since_the_last_change_sees_no_jump(
    client, reviewed, coordinator
):
    assert "you last reviewed" not in _page(client, coordinator, "detail", reviewed.pk)


def test_the_history_names_the_parts_changed_and_the_workflow_steps(
    client, reviewed, partner_member, coordinator
):
    content = content_of(plan_with_content(reviewed.pk))
    content["actions"][0]["title"] = "Vouchers, renamed"
    content["contact_phone"] = "+32 2 555 01 01"
    services.plan_write(
        user=partner_member, plan=reviewed, expected_version=reviewed.version, content=content
    )
    html = _page(client, partner_member, "history", reviewed.pk)
    rows = re.findall(r"<tr[ >].*?</tr>", _block(html, "<tbody>", "</tbody>"), flags=re.S)
    newest = rows[0]
    assert "Changed: Part I, Part III" in newest
    steps = [row for row in rows if "Workflow step" in row]
    assert len(steps) == 2
    assert "Submitted → Changes requested" in steps[0] and "See the remarks." in steps[0]
    assert coordinator.get_full_name() in steps[0] or str(coordinator) in steps[0]
    assert "Draft → Submitted" in steps[1] and str(partner_member) in steps[1]
    # The newest entries come first: the save after the request, then the request.
    assert rows.index(steps[0]) == 1


def test_a_report_history_names_its_parts_and_steps(client, report, partner_member):
    from tests.actionplans.conftest import fill_report

    fill_report(report, partner_member)
    from actionplans.monitoring.workflow import report_transition

    report_transition(user=partner_member, report=report, step="submit")
    client.force_login(partner_member)
    html = client.get(reverse("actionplans:report-history", args=[report.pk])).content.decode()
    assert "Changed: Actions" in html
    assert "Draft → Submitted" in html


def _queries(client, url) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["detail", "actions", "action", "history", "edit"])
def test_review_pages_do_not_grow_with_remarks_rounds_and_steps(
    client, reviewed, partner_member, coordinator, page
):
    args = {
        "action": [reviewed.pk, reviewed.first_action.pk],
        "edit": [reviewed.pk, "general"],
    }.get(page, [reviewed.pk])
    url = reverse(f"actionplans:{page}", args=args)
    client.force_login(partner_member)
    few = _queries(client, url)
    for round_ in range(3):
        workflow.plan_transition(user=partner_member, plan=reviewed, step="submit")
        for n in range(4):
            services.comment_add(
                user=coordinator,
                plan=reviewed,
                section="actions",
                action_id=reviewed.first_action.pk,
                body=f"Round {round_}, remark {n}.",
            )
        workflow.plan_transition(
            user=coordinator, plan=reviewed, step="request_changes", comment="Again."
        )
        content = content_of(plan_with_content(reviewed.pk))
        reviewed.refresh_from_db()
        services.plan_write(
            user=partner_member,
            plan=reviewed,
            expected_version=reviewed.version,
            content={**content, "contact_phone": f"+32 {round_}"},
        )
    assert _queries(client, url) == few


def test_the_coordinators_plan_page_does_not_grow_with_their_steps(
    client, reviewed, partner_member, coordinator
):
    url = reverse("actionplans:detail", args=[reviewed.pk])
    client.force_login(coordinator)
    workflow.plan_transition(user=partner_member, plan=reviewed, step="submit")
    few = _queries(client, url)
    for _round in range(3):
        workflow.plan_transition(
            user=coordinator, plan=reviewed, step="request_changes", comment="Again."
        )
        workflow.plan_transition(user=partner_member, plan=reviewed, step="submit")
    assert _queries(client, url) == few


def test_long_unbroken_text_is_set_to_wrap_on_the_plan_pages(client, reviewed, partner_member):
    html = _page(client, partner_member, "detail", reviewed.pk)
    assert "css/plan-review." in html
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/plan-review.css")).read_text()
    assert re.search(r"\.plan-document,[^{]*\{\s*overflow-wrap: anywhere;", css)
