from actionplans.models.periods import MonitoringPeriod, MonitoringSchedule
from actionplans.models.plans import Action, ActionPlan, Indicator, PolicyInstrument
from actionplans.models.reports import (
    ActionProgress,
    Evidence,
    IndicatorProgress,
    InstrumentProgress,
    ProgressReport,
    ReportTransition,
    ReportVersion,
)
from actionplans.models.reviews import PlanTransition, ReviewComment
from actionplans.models.versions import PlanVersion

__all__ = [
    "Action",
    "ActionPlan",
    "ActionProgress",
    "Evidence",
    "Indicator",
    "IndicatorProgress",
    "InstrumentProgress",
    "MonitoringPeriod",
    "MonitoringSchedule",
    "PlanTransition",
    "PlanVersion",
    "PolicyInstrument",
    "ProgressReport",
    "ReportTransition",
    "ReportVersion",
    "ReviewComment",
]
