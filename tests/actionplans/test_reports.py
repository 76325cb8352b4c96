"""A progress report's life: started pre-filled, saved as versions, a crossed save kept,
submitted, sent back, accepted; every bad input refused with the field named."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from actionplans.models import ProgressReport, ReportVersion
from actionplans.monitoring import services as reporting
from actionplans.monitoring.workflow import report_transition
from portal.core.models import OutgoingMail
from tests.actionplans.conftest import fill_report, report_content

pytestmark = pytest.mark.django_db


def test_a_report_starts_from_the_approved_plan(report):
    content = report_content(report)
    (action,) = content["actions"]
    assert action["title"] == "Innovation voucher round for chemistry SMEs"
    assert action["estimated_cost"] == "250000.00"
    assert action["status"] == "" and action["evidence"] == []
    assert action["indicators"] == [
        {
            "name": "SMEs supported",
            "unit": "SMEs",
            "baseline": "0.00",
            "target": "40.00",
            "achieved": None,
        }
    ]
    assert content["instruments"] == [
        {"name": "Regional Innovation Strategy", "improved": False, "evidence": ""}
    ]
    assert report.versions.get().kind == ReportVersion.Kind.CREATED


def test_the_next_report_starts_from_the_last_one(report, partner_member, periods):
    fill_report(report, partner_member, status="delayed", achieved="12")
    content = report_content(report)
    content["actions"][0]["evidence"] = [
        {"kind": "press", "title": "Article in the regional paper", "url": "https://example.org/a"}
    ]
    reporting.report_write(user=partner_member, report=report, expected_version=1, content=content)
    second = reporting.report_start(user=partner_member, plan=report.plan, period=periods[1])
    (action,) = report_content(second)["actions"]
    assert (action["status"], action["budget_spent"]) == ("delayed", "50000.00")
    assert action["indicators"][0]["achieved"] == "12.00"
    assert [(e["kind"], e["title"]) for e in action["evidence"]] == [
        ("press", "Article in the regional paper")
    ]
    assert second.versions.get().note == "Filled in from the report for period 1"


def test_a_second_report_for_the_same_period_is_refused(report, partner_member, periods):
    with pytest.raises(ValidationError, match="has a report for this period already"):
        reporting.report_start(user=partner_member, plan=report.plan, period=periods[0])


def test_only_the_plans_partner_starts_a_report_on_an_approved_plan(
    plan, partner_member, coordinator, other_partner, periods
):
    with pytest.raises(PermissionDenied):
        reporting.report_start(user=partner_member, plan=plan, period=periods[0])  # a draft
    from tests.actionplans.conftest import advance

    advance(plan, partner_member, coordinator, "approved")
    for user in (coordinator, other_partner):
        with pytest.raises(PermissionDenied):
            reporting.report_start(user=user, plan=plan, period=periods[0])


def test_a_crossed_save_of_a_report_is_refused_and_kept_for_comparison(
    client, report, partner_member
):
    first, second = report_content(report), report_content(report)
    first["summary"] = "<p>Saved first.</p>"
    reporting.report_write(user=partner_member, report=report, expected_version=0, content=first)
    second["summary"] = "<p>Saved second.</p>"
    with pytest.raises(reporting.writing.VersionConflict) as caught:
        reporting.report_write(
            user=partner_member, report=report, expected_version=0, content=second
        )
    kept = caught.value.kept
    assert (kept.kind, kept.number, kept.based_on) == ("conflict", None, 0)
    assert "saved this report (version 1) while you were editing it" in caught.value.message
    report.refresh_from_db()
    assert report.summary == "<p>Saved first.</p>" and report.version == 1

    client.force_login(partner_member)
    compare = client.get(
        reverse("actionplans:report-compare", args=[report.pk]),
        {"a": caught.value.current.pk, "b": kept.pk},
    ).content.decode()
    assert '<ins><span class="visually-hidden">added: </span>second.</ins>' in compare
    response = client.post(
        reverse("actionplans:report-restore", args=[report.pk, kept.pk]), {"version": "1"}
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.summary, report.version) == ("<p>Saved second.</p>", 2)


def test_a_crossed_save_on_the_page_keeps_what_was_typed(client, report, partner_member):
    client.force_login(partner_member)
    url = reverse("actionplans:report-edit", args=[report.pk])
    form = {
        "version": "0",
        "summary": "First",
        "instruments-TOTAL_FORMS": "1",
        "instruments-INITIAL_FORMS": "1",
        "instruments-MIN_NUM_FORMS": "0",
        "instruments-MAX_NUM_FORMS": "100",
        "instruments-0-evidence": "",
    }
    assert client.post(url, form).status_code == 302
    response = client.post(url, {**form, "summary": "Second, typed meanwhile"})
    html = response.content.decode()
    assert "while you were editing it" in html
    assert "Second, typed meanwhile</textarea>" in html
    assert ReportVersion.objects.filter(report=report, kind="conflict").count() == 1


def test_the_report_workflow_round_trip(report, partner_member, coordinator):
    with pytest.raises(ValidationError) as caught:
        report_transition(user=partner_member, report=report, step="submit")
    assert (
        "“Innovation voucher round for chemistry SMEs”: give its status." in caught.value.messages
    )
    fill_report(report, partner_member)
    report_transition(user=partner_member, report=report, step="submit")
    with pytest.raises(PermissionDenied):
        report_transition(user=partner_member, report=report, step="accept")
    with pytest.raises(ValidationError, match="Say what needs to change"):
        report_transition(user=coordinator, report=report, step="request_changes")
    report_transition(user=coordinator, report=report, step="request_changes", comment="Numbers?")
    report_transition(user=partner_member, report=report, step="submit")
    report_transition(user=coordinator, report=report, step="accept")
    report.refresh_from_db()
    assert report.state == ProgressReport.State.ACCEPTED
    assert report.accepted_version.number == report.version
    steps = list(report.transitions.values_list("name", "target"))
    assert steps == [
        ("submit", "submitted"),
        ("request_changes", "changes_requested"),
        ("submit", "submitted"),
        ("accept", "accepted"),
    ]
    with pytest.raises(PermissionDenied):
        reporting.report_write(
            user=partner_member,
            report=report,
            expected_version=report.version,
            content=report_content(report),
        )
    subjects = set(OutgoingMail.objects.values_list("to", "subject"))
    project = report.plan.partnership.project.acronym
    assert (
        partner_member.email,
        f"[{project}] Your progress report for period 1 is accepted",
    ) in subjects
    region = report.plan.partnership.region.name
    submitted = f"[{project}] Progress report of {region} for period 1 submitted"
    assert (coordinator.email, submitted) in subjects


@pytest.mark.parametrize(
    ("change", "key"),
    [
        (lambda c: c["actions"][0].update(status="finished"), "actions.0.status"),
        (lambda c: c["actions"][0].update(budget_spent="-5"), "actions.0.budget_spent"),
        (lambda c: c["actions"][0].update(budget_spent="lots"), "actions.0.budget_spent"),
        (
            lambda c: c["actions"][0]["indicators"][0].update(achieved="many"),
            "actions.0.indicators.0.achieved",
        ),
        (lambda c: c["actions"][0]["indicators"].append({"achieved": "1"}), "actions.0.indicators"),
        (lambda c: c["actions"].clear(), "actions"),
        (
            lambda c: c["actions"][0].update(evidence=[{"kind": "link", "title": "No address"}]),
            "actions.0.evidence.0.url",
        ),
        (
            lambda c: c["actions"][0].update(
                evidence=[{"kind": "link", "title": "T", "url": "javascript:alert(1)"}]
            ),
            "actions.0.evidence.0.url",
        ),
        (
            lambda c: c["actions"][0].update(
                evidence=[{"kind": "document", "title": "T", "file": "private/letters/other.pdf"}]
            ),
            "actions.0.evidence.0.file",
        ),
        (lambda c: c["instruments"][0].update(improved="yes"), "instruments.0.improved"),
        (lambda c: c.update(summary=["not", "text"]), "summary"),
    ],
)
def test_bad_content_names_the_place_and_saves_nothing(report, partner_member, change, key):
    content = report_content(report)
    change(content)
    with pytest.raises(ValidationError) as caught:
        reporting.report_write(
            user=partner_member, report=report, expected_version=0, content=content
        )
    assert key in caught.value.message_dict, caught.value.message_dict
    report.refresh_from_db()
    assert report.version == 0


def test_fixed_values_cannot_be_changed_by_a_writer(report, partner_member):
    content = report_content(report)
    content["actions"][0]["title"] = "Renamed behind the plan's back"
    content["actions"][0]["indicators"][0]["target"] = "1"
    reporting.report_write(user=partner_member, report=report, expected_version=0, content=content)
    saved = report_content(report)["actions"][0]
    assert saved["title"] == "Innovation voucher round for chemistry SMEs"
    assert saved["indicators"][0]["target"] == "40.00"
