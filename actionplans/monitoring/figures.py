"""The few sums monitoring is read by, in one place: the report pages, the dashboard, the
exports and the public results all count the same way."""

from dataclasses import dataclass
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


@dataclass
class Figures:
    """How far a region (or the whole project) has come in one period."""

    reports: int = 0
    actions: int = 0
    going_well: int = 0  # on track or completed
    completed: int = 0
    delayed: int = 0
    indicators: int = 0
    indicator_sum: float = 0.0  # of each indicator's progress toward its target, 0..1
    instruments: int = 0
    improved: int = 0
    spent: Decimal = Decimal(0)
    estimated: Decimal = Decimal(0)

    def add(self, other: "Figures") -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def going_well_share(self):
        return share(self.going_well, self.actions)

    @property
    def indicator_share(self):
        return self.indicator_sum / self.indicators if self.indicators else None

    @property
    def improved_share(self):
        return share(self.improved, self.instruments)

    @property
    def budget_share(self):
        return share(self.spent, self.estimated)


def content_figures(content: dict) -> Figures:
    """A report content's figures, counted as the dashboard's queries count the tables."""
    found = Figures(reports=1)
    for action in content.get("actions") or []:
        found.actions += 1
        found.going_well += action.get("status") in GOING_WELL
        found.completed += action.get("status") == Status.COMPLETED
        found.delayed += action.get("status") == Status.DELAYED
        found.spent += Decimal(action.get("budget_spent") or 0)
        found.estimated += Decimal(action.get("estimated_cost") or 0)
        for indicator in action.get("indicators") or []:
            progress = indicator_progress(
                indicator.get("baseline"), indicator.get("target"), indicator.get("achieved")
            )
            if progress is not None:
                found.indicators += 1
                found.indicator_sum += progress
    for instrument in content.get("instruments") or []:
        found.instruments += 1
        found.improved += bool(instrument.get("improved"))
    return found
