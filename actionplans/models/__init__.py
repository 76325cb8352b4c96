from actionplans.models.plans import Action, ActionPlan, Indicator, PolicyInstrument
from actionplans.models.reviews import PlanTransition, ReviewComment
from actionplans.models.versions import PlanVersion

__all__ = [
    "Action",
    "ActionPlan",
    "Indicator",
    "PlanTransition",
    "PlanVersion",
    "PolicyInstrument",
    "ReviewComment",
]
