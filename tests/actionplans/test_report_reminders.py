"""Reminders before a report's deadline and when it is overdue: once per report and
recipient, in the recipient's language, however often the task runs."""

import datetime

import pytest

from actionplans.models import ProgressReport
from actionplans.monitoring.reminders import reminders_send
from actionplans.monitoring.workflow import report_transition
from actionplans.tasks import send_report_reminders
from portal.core.models import OutgoingMail
from tests.actionplans.conftest import fill_report

pytestmark = pytest.mark.django_db


def _reminders():
    return list(
        OutgoingMail.objects.filter(key__startswith="report-reminder:")
        .order_by("pk")
        .values_list("to", "subject")
    )


def test_due_soon_then_overdue_each_once(approved, partner_member, periods):
    first = periods[0]  # April to September 2019, due 30 October 2019
    assert reminders_send(today=datetime.date(2019, 10, 1)) == 0  # not yet within 14 days
    assert reminders_send(today=datetime.date(2019, 10, 20)) == 1
    assert reminders_send(today=datetime.date(2019, 10, 21)) == 0
    assert reminders_send(today=datetime.date(2019, 11, 5)) == 1
    assert reminders_send(today=datetime.date(2019, 11, 6)) == 0
    project = approved.partnership.project.acronym
    assert _reminders() == [
        (partner_member.email, f"[{project}] Progress report for period 1 due on 30 October 2019"),
        (partner_member.email, f"[{project}] Progress report for period 1 is overdue"),
    ]
    assert first.number == 1


def test_a_report_handed_in_is_not_chased(report, partner_member, periods):
    fill_report(report, partner_member)
    report_transition(user=partner_member, report=report, step="submit")
    assert reminders_send(today=datetime.date(2019, 11, 5)) == 0


def test_a_draft_is_still_chased_in_the_readers_language(report, partner_member):
    partner_member.language = "de"
    partner_member.save()
    assert report.state == ProgressReport.State.DRAFT
    assert reminders_send(today=datetime.date(2019, 11, 5)) == 1
    mail = OutgoingMail.objects.get(key__startswith="report-reminder:overdue:")
    assert mail.subject.endswith("ist überfällig")
    assert f"/de/workspace/reports/{report.pk}/" in mail.body_text


def test_the_task_run_twice_by_a_real_worker_sends_each_reminder_once(
    celery_worker, approved, partner_member, periods
):
    # The worker lives in today's time: all four periods of 2019-2021 are overdue.
    for _ in range(2):
        assert send_report_reminders.delay().get(timeout=30) in (4, 0)
    reminders = OutgoingMail.objects.filter(key__startswith="report-reminder:")
    celery_worker.wait_for(lambda: reminders.filter(state=OutgoingMail.State.SENT).count() == 4)
    assert len(_reminders()) == 4
    sent = [m for m in celery_worker.sent() if "overdue" in m]
    assert sorted(m.split("Subject: ")[1].split("\n")[0] for m in sent) == [
        f"[{approved.partnership.project.acronym}] Progress report for period {n} is overdue"
        for n in range(1, 5)
    ]
