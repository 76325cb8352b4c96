"""Cutting a project's phase 2 into reporting periods.

Semesters by default, or any number of months a project's coordinator chooses; a phase
that does not divide evenly ends with a shorter period. Each period's report is due a
number of days after it ends.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplans.models import MonitoringPeriod, MonitoringSchedule
from actionplans.rules import can
from projects.models import Phase

# More would be a schedule mistyped, not a phase anyone reports on.
MOST_PERIODS = 60


def period_dates(
    start: datetime.date, end: datetime.date, months: int
) -> list[tuple[datetime.date, datetime.date]]:
    """(first day, last day) of each period from `start` to `end`, both included.

    Each period starts `months` after the phase's first day, counted from that day (so a
    phase starting on 31 January has periods starting on 28 February, 31 March...), and
    ends the day before the next one starts.
    """
    if not start or not end or end < start:
        return []
    periods = []
    while True:
        first = start + relativedelta(months=len(periods) * months)
        if first > end:
            return periods
        last = (
            start + relativedelta(months=(len(periods) + 1) * months) - datetime.timedelta(days=1)
        )
        periods.append((first, min(last, end)))


def schedule_of(project) -> MonitoringSchedule:
    """The project's schedule, or the defaults (unsaved) if it has none."""
    try:
        return project.monitoring_schedule
    except MonitoringSchedule.DoesNotExist:
        return MonitoringSchedule(project=project)


@transaction.atomic
def periods_generate(*, project) -> list[MonitoringPeriod]:
    """Make the project's periods match its phase 2 and its schedule; safe to run again.

    Periods keep their numbers, so reports stay with them when dates move. A period that
    the new cut no longer has is removed only if no report was started for it.
    """
    phase = Phase.objects.filter(project=project, kind=Phase.Kind.MONITORING).first()
    schedule = schedule_of(project)
    dates = period_dates(
        phase and phase.start_date, phase and phase.end_date, schedule.months_per_period
    )
    if len(dates) > MOST_PERIODS:
        raise ValidationError(
            {
                "months_per_period": _(
                    "That cuts phase 2 into %(count)d periods; at most %(most)d are possible."
                )
                % {"count": len(dates), "most": MOST_PERIODS}
            }
        )
    existing = {
        p.number: p for p in MonitoringPeriod.objects.select_for_update().filter(project=project)
    }
    dropped = [p for number, p in existing.items() if number > len(dates)]
    kept_reports = [p for p in dropped if p.reports.exists()]
    if kept_reports:
        raise ValidationError(
            _(
                "Period %(number)s has progress reports, so phase 2 cannot be cut into "
                "fewer periods than %(number)s."
            )
            % {"number": max(p.number for p in kept_reports)}
        )
    MonitoringPeriod.objects.filter(pk__in=[p.pk for p in dropped]).delete()
    periods = []
    for number, (first, last) in enumerate(dates, start=1):
        due = last + datetime.timedelta(days=schedule.due_days)
        period = existing.get(number) or MonitoringPeriod(project=project, number=number)
        if (period.starts_on, period.ends_on, period.due_on) != (first, last, due):
            period.starts_on, period.ends_on, period.due_on = first, last, due
            period.save()
        periods.append(period)
    return periods


def schedule_save(*, user, project, months_per_period: int, due_days: int, reminder_days: int):
    """A coordinator's choice of period length, deadline and reminder, and the periods
    it makes."""
    if not can(user, "actionplans.manage_monitoring", project):
        raise PermissionDenied(_("The monitoring schedule is set by the project's coordinator."))
    with transaction.atomic():
        schedule = schedule_of(project)
        schedule.months_per_period = months_per_period
        schedule.due_days = due_days
        schedule.reminder_days = reminder_days
        schedule.full_clean(exclude=["project"])
        schedule.save()
        periods_generate(project=project)
    return schedule
