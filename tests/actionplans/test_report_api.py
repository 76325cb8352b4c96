"""Progress reports through the API: the same rules, errors and versions as the pages."""

import pytest
from rest_framework.test import APIClient

from actionplans.models import ProgressReport, ReportVersion
from tests.actionplans.conftest import PDF, pdf_upload, report_content

pytestmark = pytest.mark.django_db
API = "/api/v1/workspace/reports"


def api(user) -> APIClient:
    client = APIClient()
    client.force_authenticate(user)
    return client


def test_a_partner_starts_fills_and_submits_a_report(approved, partner_member, periods):
    client = api(partner_member)
    created = client.post(f"{API}/", {"plan": approved.pk, "period": 1}, format="json")
    assert created.status_code == 201, created.content
    body = created.json()
    assert (body["state"], body["version"], body["period"]["number"]) == ("draft", 0, 1)
    assert body["missing"] == [
        "“Innovation voucher round for chemistry SMEs”: give its status.",
        "“Innovation voucher round for chemistry SMEs”: say what happened.",
    ]
    action = body["content"]["actions"][0]
    action.update(status="on_track", narrative="<p>Opened.</p>", budget_spent="1000")
    action["indicators"][0]["achieved"] = "5"
    saved = client.put(f"{API}/{body['id']}/", {**body["content"], "version": 0}, format="json")
    assert saved.status_code == 200, saved.content
    assert saved.json()["content"]["actions"][0]["indicators"][0] == {
        "name": "SMEs supported",
        "unit": "SMEs",
        "baseline": "0.00",
        "target": "40.00",
        "achieved": "5.00",
    }
    assert saved.json()["steps"] == ["submit"]
    submitted = client.post(f"{API}/{body['id']}/submit/", {}, format="json")
    assert submitted.json()["state"] == "submitted"
    again = client.post(f"{API}/", {"plan": approved.pk, "period": 1}, format="json")
    assert again.status_code == 400
    assert again.json() == {"non_field_errors": ["This plan has a report for this period already."]}


def test_a_crossed_save_is_a_409_and_kept(report, partner_member):
    client = api(partner_member)
    assert (
        client.patch(
            f"{API}/{report.pk}/", {"version": 0, "summary": "A"}, format="json"
        ).status_code
        == 200
    )
    crossed = client.patch(f"{API}/{report.pk}/", {"version": 0, "summary": "B"}, format="json")
    assert crossed.status_code == 409
    kept = ReportVersion.objects.get(pk=crossed.json()["kept"])
    assert kept.content["summary"] == "B" and kept.number is None


def test_evidence_documents_are_uploaded_checked_and_served_to_those_who_may(
    client, report, partner_member, other_partner
):
    row = report.actions.get()
    upload = api(partner_member).post(
        f"{API}/{report.pk}/evidence/",
        {"version": 0, "action": row.pk, "title": "Minutes", "file": pdf_upload("minutes.pdf")},
        format="multipart",
    )
    assert upload.status_code == 200, upload.content
    (evidence,) = upload.json()["content"]["actions"][0]["evidence"]
    assert (evidence["kind"], evidence["title"], evidence["has_file"]) == (
        "document",
        "Minutes",
        True,
    )
    fake = api(partner_member).post(
        f"{API}/{report.pk}/evidence/",
        {"version": 1, "action": row.pk, "title": "X", "file": pdf_upload("x.pdf", b"GIF89a")},
        format="multipart",
    )
    assert fake.status_code == 400 and "file" in fake.json()
    name = report_content(report)["actions"][0]["evidence"][0]["file"]
    url = f"/en/workspace/reports/{report.pk}/file/?name={name}"
    client.force_login(partner_member)
    response = client.get(url)
    assert b"".join(response.streaming_content) == PDF
    client.force_login(other_partner)
    assert client.get(url).status_code == 404
    # A whole PUT without the file's name keeps the file: the API never carries it.
    content = api(partner_member).get(f"{API}/{report.pk}/").json()["content"]
    assert (
        api(partner_member)
        .put(f"{API}/{report.pk}/", {**content, "version": 1}, format="json")
        .status_code
        == 200
    )
    assert report_content(report)["actions"][0]["evidence"][0]["file"] == name


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"version": 0, "summary": ["not", "text"]}, "summary"),
        ({"version": 0, "actions": []}, "actions"),
        ({"version": 0, "actions": "many"}, "actions"),
        ({"version": 0, "actions": [{"status": "finished"}]}, "actions"),
        ({"version": 0, "actions": [{"budget_spent": "-1"}]}, "actions"),
        ({"version": 0, "instruments": [{"improved": "perhaps"}]}, "instruments"),
        (
            {
                "version": 0,
                "actions": [{"evidence": [{"kind": "link", "title": "x", "url": "ftp://x"}]}],
            },
            "actions",
        ),
        ({"summary": "no version"}, "version"),
        ({"version": 2**40}, "version"),
    ],
)
def test_bad_content_is_a_400_naming_the_field(report, partner_member, payload, field):
    response = api(partner_member).patch(f"{API}/{report.pk}/", payload, format="json")
    assert response.status_code == 400, response.content
    assert any(key.split(".")[0] == field for key in response.json()), response.json()
    assert ProgressReport.objects.get(pk=report.pk).version == 0


@pytest.mark.parametrize(
    "payload",
    [{"plan": 999999, "period": 1}, {"plan": "x", "period": 1}, {"period": 1}, []],
)
def test_starting_with_bad_input_is_a_400(approved, partner_member, periods, payload):
    response = api(partner_member).post(f"{API}/", payload, format="json")
    assert response.status_code == 400, response.content


def test_starting_a_period_that_has_not_begun_says_so(approved, partner_member, periods, settings):
    import time_machine

    with time_machine.travel("2019-06-01"):
        response = api(partner_member).post(
            f"{API}/", {"plan": approved.pk, "period": 3}, format="json"
        )
    assert response.status_code == 400
    assert response.json()["period"][0].startswith("This period has not begun yet")
