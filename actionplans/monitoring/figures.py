"""The few sums monitoring is read by, in one place: the report pages, the dashboard, the
exports and the public results all count the same way."""

from decimal import Decimal

from actionplans.models import ActionProgress

Status = ActionProgress.Status
# Actions going as planned: what "share on track" counts.
GOING_WELL = (Status.ON_TRACK, Status.COMPLETED)


def indicator_progress(baseline, target, achieved) -> float | None:
    """How far an indicator has come from its baseline toward its target: 0 at the
    baseline, 1 at the target, held between the two (a target passed counts as reached).
    None when nothing was reported, or the target is the baseline."""
    if achieved is None or baseline is None or target is None:
        return None
    baseline, target, achieved = Decimal(baseline), Decimal(target), Decimal(achieved)
    if target == baseline:
        return None
    return float(max(Decimal(0), min(Decimal(1), (achieved - baseline) / (target - baseline))))


def share(part, whole) -> float | None:
    if not whole:
        return None
    return float(Decimal(part or 0) / Decimal(whole))


def percent(value) -> int | None:
    return None if value is None else round(value * 100)
