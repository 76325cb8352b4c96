"""Phase 2 cut into reporting periods: semesters by default, any length a project sets,
a shorter last period when the phase does not divide evenly."""

import datetime
import itertools

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from actionplans.models import MonitoringPeriod
from actionplans.monitoring.periods import period_dates, periods_generate, schedule_save
from projects.models import Phase

D = datetime.date


def test_s3chems_phase_two_is_four_semesters():
    assert period_dates(D(2019, 4, 1), D(2021, 3, 31), 6) == [
        (D(2019, 4, 1), D(2019, 9, 30)),
        (D(2019, 10, 1), D(2020, 3, 31)),
        (D(2020, 4, 1), D(2020, 9, 30)),
        (D(2020, 10, 1), D(2021, 3, 31)),
    ]


def test_an_uneven_phase_ends_with_a_short_period():
    assert period_dates(D(2019, 4, 1), D(2020, 5, 15), 6) == [
        (D(2019, 4, 1), D(2019, 9, 30)),
        (D(2019, 10, 1), D(2020, 3, 31)),
        (D(2020, 4, 1), D(2020, 5, 15)),
    ]


def test_a_phase_starting_at_a_months_end_keeps_its_rhythm():
    # 31 January + 1 month is 29 February in a leap year; the next start is 31 March,
    # counted from the phase's first day, not from the shortened month.
    periods = period_dates(D(2020, 1, 31), D(2020, 4, 30), 1)
    assert periods == [
        (D(2020, 1, 31), D(2020, 2, 28)),
        (D(2020, 2, 29), D(2020, 3, 30)),
        (D(2020, 3, 31), D(2020, 4, 29)),
        (D(2020, 4, 30), D(2020, 4, 30)),
    ]


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (D(2020, 5, 1), D(2020, 5, 1), [(D(2020, 5, 1), D(2020, 5, 1))]),  # one day
        (D(2020, 5, 2), D(2020, 5, 1), []),  # ends before it starts
        (None, D(2020, 5, 1), []),
        (D(2020, 5, 1), None, []),
    ],
)
def test_edge_phases(start, end, expected):
    assert period_dates(start, end, 6) == expected


def test_years_leave_no_gap_and_no_overlap():
    periods = period_dates(D(2019, 7, 15), D(2024, 2, 10), 12)
    assert periods[0][0] == D(2019, 7, 15) and periods[-1][1] == D(2024, 2, 10)
    for (_first, last), (next_first, _next_last) in itertools.pairwise(periods):
        assert next_first == last + datetime.timedelta(days=1)


@pytest.mark.django_db
def test_periods_get_deadlines_and_follow_a_new_schedule(project, coordinator, periods):
    assert [(p.number, p.due_on) for p in periods] == [
        (1, D(2019, 10, 30)),
        (2, D(2020, 4, 30)),
        (3, D(2020, 10, 30)),
        (4, D(2021, 4, 30)),
    ]
    schedule_save(
        user=coordinator, project=project, months_per_period=12, due_days=15, reminder_days=7
    )
    assert list(
        MonitoringPeriod.objects.filter(project=project).values_list("number", "due_on")
    ) == [
        (1, D(2020, 4, 15)),
        (2, D(2021, 4, 15)),
    ]
    assert periods_generate(project=project)[1].due_on == D(2021, 4, 15)  # again: no change


@pytest.mark.django_db
def test_a_period_with_reports_is_not_cut_away(project, coordinator, report):
    with pytest.raises(ValidationError, match="Period 1 has progress reports"):
        Phase.objects.filter(project=project, kind=2).update(end_date=None)
        periods_generate(project=project)
    assert MonitoringPeriod.objects.filter(project=project).count() == 4


@pytest.mark.django_db
def test_only_the_coordinator_sets_the_schedule(project, partner_member, periods):
    with pytest.raises(PermissionDenied):
        schedule_save(
            user=partner_member, project=project, months_per_period=3, due_days=10, reminder_days=5
        )


@pytest.mark.django_db
def test_the_schedule_page_refuses_nonsense_with_the_field_named(
    client, project, coordinator, periods
):
    from django.urls import reverse

    client.force_login(coordinator)
    url = reverse("actionplans:monitoring-schedule", args=[project.slug])
    response = client.post(url, {"months_per_period": "0", "due_days": "x", "reminder_days": "7"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_months_per_period_error"' in html and 'id="id_due_days_error"' in html
    response = client.post(url, {"months_per_period": "3", "due_days": "20", "reminder_days": "7"})
    assert response.status_code == 302
    assert MonitoringPeriod.objects.filter(project=project).count() == 8
