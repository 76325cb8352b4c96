"""PDF reports of a plan and of a progress report, made by a real Celery worker on the
real broker: asked for on the page, followed until ready, downloaded, read back with
pypdf; served again at once while the data stays the same; refused (404) to anyone who
may not see the plan; safe to run twice and to lose a worker half-way."""

import io
import re
import time
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from pypdf import PdfReader

from actionplans.models import Action, ActionPlan, Indicator, ProgressReport
from portal.accounts.models import User
from portal.core.models import ReportFile
from portal.core.reports import kinds, services

pytestmark = pytest.mark.django_db
HX = {"HTTP_HX_REQUEST": "true"}


def lombardy_plan() -> ActionPlan:
    return ActionPlan.objects.get(
        partnership__project__slug="s3chem", partnership__region__slug="lombardy"
    )


def login(client, email):
    client.force_login(User.objects.get(email=email))
    return client


def ask(client, kind, pk, language="en"):
    return client.post(f"/en/reports/{kind}/{pk}/", {"language": language}, **HX)


def wait_until_ready(kind, pk, language, timeout=90) -> ReportFile:
    deadline = time.monotonic() + timeout
    while True:
        report = ReportFile.objects.get(kind=kind, subject_id=pk, language=language)
        if report.state == ReportFile.State.READY:
            return report
        assert report.state != ReportFile.State.FAILED, services.failure_reason(report)
        assert time.monotonic() < deadline, f"the report is still {report.state}"
        time.sleep(0.2)


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    body = b"".join(response.streaming_content)
    assert body.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(body))
    # Lines broken by the layout read as spaces.
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def test_a_partner_gets_the_plan_as_a_pdf_and_a_change_makes_a_new_one(demo, celery_worker, client):
    plan = lombardy_plan()
    login(client, "partner.lombardy@example.org")
    page = client.get(f"/en/workspace/plans/{plan.pk}/")
    assert f'hx-post="/en/reports/plan/{plan.pk}/"' in page.content.decode()

    asked = ask(client, "plan", plan.pk)
    assert asked.status_code == 200
    # The status box polls itself while the report is on its way.
    assert f'hx-get="/en/reports/plan/{plan.pk}/status/"' in asked.content.decode()
    assert "Queued" in asked.content.decode() or "Being typeset" in asked.content.decode()

    report = wait_until_ready("plan", plan.pk, "en")
    status = client.get(f"/en/reports/plan/{plan.pk}/status/").content.decode()
    assert f'href="/en/reports/plan/{plan.pk}/en.pdf"' in status
    assert "hx-trigger" not in status  # ready: no more polling

    text = pdf_text(client.get(f"/en/reports/plan/{plan.pk}/en.pdf"))
    assert plan.title in text
    assert "Contents" in text and "Part III: details of the actions envisaged" in text
    for action in plan.actions.all():
        assert action.title in text
    assert "EUR 120,000.00" in text  # the desk's estimated costs
    assert "Companies advised" in text and "60" in text  # its indicator's target
    assert re.search(r"Page \d+ of \d+", text)  # the running footer

    # Unchanged data: served at once from storage, nothing typeset again.
    again = ask(client, "plan", plan.pk)
    assert "Download the PDF" in again.content.decode()
    report.refresh_from_db()
    assert (report.state, report.renders) == ("ready", 1)

    # A change to the data: the next request makes a new file.
    Action.objects.filter(plan=plan, position=0).update(title="Renamed funding desk")
    ask(client, "plan", plan.pk)
    assert ReportFile.objects.get(pk=report.pk).state in ("queued", "rendering")
    renewed = wait_until_ready("plan", plan.pk, "en")
    assert renewed.renders == 2 and renewed.file != report.file
    assert "Renamed funding desk" in pdf_text(client.get(f"/en/reports/plan/{plan.pk}/en.pdf"))
    # The earlier file is gone from storage; only the current one is kept.
    assert not services.storage().exists(report.file)


def test_a_progress_report_in_german_and_the_project_overview_in_dutch(demo, celery_worker, client):
    report = ProgressReport.objects.filter(plan=lombardy_plan(), period__number=2).get()
    login(client, "partner.lombardy@example.org")
    assert ask(client, "progress-report", report.pk, "de").status_code == 200
    wait_until_ready("progress-report", report.pk, "de")
    text = pdf_text(client.get(f"/en/reports/progress-report/{report.pk}/de.pdf"))
    assert "Inhalt" in text and "Seite 1 von" not in text  # the cover has no page number
    assert re.search(r"Seite \d+ von \d+", text)
    for action in report.actions.all():
        assert action.title in text
    assert "45.000,00" in text  # the budget Lombardy spent by period 2, in German notation

    project = report.plan.partnership.project
    login(client, "coordinator@example.org")
    dashboard = client.get(f"/nl/workspace/monitoring/?project={project.slug}")
    assert f'hx-post="/en/reports/project-overview/{project.pk}/"' not in dashboard.content.decode()
    assert f"/nl/reports/project-overview/{project.pk}/" in dashboard.content.decode()
    assert ask(client, "project-overview", project.pk, "nl").status_code == 200
    wait_until_ready("project-overview", project.pk, "nl")
    text = pdf_text(client.get(f"/nl/reports/project-overview/{project.pk}/nl.pdf"))
    assert "Inhoud" in text
    for partnership in project.partnerships.select_related("organisation", "region"):
        assert partnership.organisation.name in text
    assert "Voortgang per regio" in text


def test_a_worker_killed_while_typesetting_leaves_nothing_stuck(demo, celery_worker, client):
    plan = lombardy_plan()
    # Enough actions for the typesetting to take a few seconds.
    model = Action.objects.get(plan=plan, position=0)
    paragraph = "<p>" + "The desk advises companies on every source of funding. " * 40 + "</p>"
    for n in range(1, 30):
        Action.objects.create(
            plan=plan, position=n, title=f"Added action {n}", description=paragraph
        )
    assert model.pk
    login(client, "partner.lombardy@example.org")
    stored = set(Path(services.storage().location).rglob("*.pdf"))
    ask(client, "plan", plan.pk)
    row = ReportFile.objects.get(kind="plan", subject_id=plan.pk, language="en")
    deadline = time.monotonic() + 30
    while ReportFile.objects.get(pk=row.pk).state != "rendering":
        assert time.monotonic() < deadline
        time.sleep(0.01)
    celery_worker.kill()
    row.refresh_from_db()
    assert row.state == "rendering" and not row.file
    assert set(Path(services.storage().location).rglob("*.pdf")) == stored

    # Asked again while the claim looks alive: still on its way, nothing started twice.
    ask(client, "plan", plan.pk)
    assert ReportFile.objects.get(pk=row.pk).state == "rendering"
    # Once the claim is older than a render may take, it is a dead worker's: asking again
    # queues the report anew, and a worker finishes it.
    ReportFile.objects.filter(pk=row.pk).update(started_at=timezone.now() - services.stale_after())
    celery_worker.only(celery_worker)
    assert "Queued" in ask(client, "plan", plan.pk).content.decode()
    done = wait_until_ready("plan", plan.pk, "en")
    assert done.renders == 1
    assert "Added action 29" in pdf_text(client.get(f"/en/reports/plan/{plan.pk}/en.pdf"))


# Without a worker: the claim, access, bad input and query counts.


def test_the_task_run_twice_typesets_once(demo, django_capture_on_commit_callbacks):
    plan = lombardy_plan()
    with django_capture_on_commit_callbacks() as dispatched:
        report = services.report_request(kind=kinds.get("plan"), subject=plan, language="nl")
    assert len(dispatched) == 1
    assert services.report_render(report.pk) is True
    # A second delivery of the same task (a retry, a redelivered message): nothing to do.
    assert services.report_render(report.pk) is False
    report.refresh_from_db()
    assert (report.state, report.renders, report.pages > 3) == ("ready", 1, True)
    # The same data asked for again: ready at once, nothing dispatched.
    with django_capture_on_commit_callbacks() as dispatched:
        again = services.report_request(kind=kinds.get("plan"), subject=plan, language="nl")
    assert (again.state, dispatched) == ("ready", [])


def test_a_report_about_what_no_longer_exists_fails_with_a_reason(demo):
    plan = lombardy_plan()
    report = services.report_request(kind=kinds.get("plan"), subject=plan, language="en")
    ActionPlan.objects.filter(pk=plan.pk).update(title="x")  # still there
    ReportFile.objects.filter(pk=report.pk).update(subject_id=10**12)
    assert services.report_render(report.pk) is False
    report.refresh_from_db()
    assert report.state == "failed"
    assert services.failure_reason(report) == "What the report is about no longer exists."


@pytest.mark.parametrize(
    "email",
    [None, "partner.limburg@example.org", "communication@example.org"],
)
def test_anyone_who_may_not_see_the_plan_gets_404_for_asking_status_and_file(demo, client, email):
    plan = lombardy_plan()
    services.report_request(kind=kinds.get("plan"), subject=plan, language="en")
    report = ProgressReport.objects.filter(plan=plan).first()
    if email:
        login(client, email)
    for kind, pk in (("plan", plan.pk), ("progress-report", report.pk)):
        assert ask(client, kind, pk).status_code == 404
        assert client.get(f"/en/reports/{kind}/{pk}/status/").status_code == 404
        assert client.get(f"/en/reports/{kind}/{pk}/en.pdf").status_code == 404
    assert ReportFile.objects.filter(kind="progress-report").count() == 0


def test_a_partner_may_not_have_the_project_overview(demo, client):
    login(client, "partner.lombardy@example.org")
    project = lombardy_plan().partnership.project
    assert ask(client, "project-overview", project.pk).status_code == 404
    assert client.get(f"/en/reports/project-overview/{project.pk}/status/").status_code == 404


def test_bad_input_gets_a_clear_answer_never_a_500(demo, client):
    plan = lombardy_plan()
    login(client, "partner.lombardy@example.org")
    unknown_kind = client.post("/en/reports/invoice/1/", {"language": "en"})
    assert unknown_kind.status_code == 404
    assert "no kind of report called “invoice”" in unknown_kind.content.decode()
    assert ask(client, "plan", 999999).status_code == 404
    assert ask(client, "plan", 10**30).status_code == 404
    assert client.get(f"/en/reports/plan/{10**30}/status/").status_code == 404
    assert client.get("/en/reports/plan/abc/status/").status_code == 404

    bad = ask(client, "plan", plan.pk, "fr")
    assert bad.status_code == 400
    assert "Choose the report&#x27;s language: Dutch, English, German." in bad.content.decode()
    missing = client.post(f"/en/reports/plan/{plan.pk}/", {}, **HX)
    assert missing.status_code == 400
    assert not ReportFile.objects.exists()
    # Without htmx: back to the plan's page, with the message.
    plain = client.post(f"/en/reports/plan/{plan.pk}/", {"language": "xx"}, follow=True)
    assert plain.redirect_chain[-1][0] == f"/en/workspace/plans/{plan.pk}/"
    assert "Choose the report" in plain.content.decode()

    assert client.get(f"/en/reports/plan/{plan.pk}/xx.pdf").status_code == 404
    not_ready = client.get(f"/en/reports/plan/{plan.pk}/en.pdf")
    assert not_ready.status_code == 404
    assert client.get(f"/en/reports/plan/{plan.pk}/status/").status_code == 200
    assert client.get(f"/en/reports/plan/{plan.pk}/").status_code == 405


def test_the_status_costs_the_same_queries_for_one_language_as_for_three(demo, client):
    plan = lombardy_plan()
    login(client, "partner.lombardy@example.org")
    url = f"/en/reports/plan/{plan.pk}/status/"
    services.report_request(kind=kinds.get("plan"), subject=plan, language="en")
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for language in ("nl", "de"):
        services.report_request(kind=kinds.get("plan"), subject=plan, language=language)
    with CaptureQueriesContext(connection) as three:
        assert client.get(url).content.decode().count("<li>") == 3
    assert len(one) == len(three)


def test_gathering_a_plans_data_costs_the_same_queries_for_two_actions_as_for_twenty(demo):
    plan = lombardy_plan()
    kind = kinds.get("plan")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            services.prepare(kind, kind.load(plan.pk), "en")
        return len(captured)

    few = queries()
    desk = Action.objects.get(plan=plan, position=0)
    for n in range(2, 20):
        action = Action.objects.create(plan=plan, position=n, title=f"Action {n}")
        action.learnt_from.set(desk.learnt_from.all())
        Indicator.objects.create(action=action, name="Indicator", baseline=0, target=n)
    assert queries() == few


def test_gathering_a_progress_reports_data_does_not_grow_with_its_actions(demo):
    report = ProgressReport.objects.filter(plan=lombardy_plan(), period__number=2).get()
    kind = kinds.get("progress-report")

    def queries():
        with CaptureQueriesContext(connection) as captured:
            services.prepare(kind, kind.load(report.pk), "en")
        return len(captured)

    few = queries()
    first = report.actions.first()
    for n in range(5, 20):
        action = report.actions.create(position=n, title=f"Action {n}", status="on_track")
        for indicator in first.indicators.all():
            action.indicators.create(
                name=indicator.name, baseline=indicator.baseline, target=indicator.target
            )
    assert queries() == few
