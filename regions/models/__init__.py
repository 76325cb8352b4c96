from regions.models.cooperations import Cooperation, Milestone
from regions.models.infrastructures import Infrastructure
from regions.models.organisations import Contact, Membership, Organisation
from regions.models.regions import PriorityDomain, Region, Strategy
from regions.models.themes import Theme

__all__ = [
    "Contact",
    "Cooperation",
    "Infrastructure",
    "Membership",
    "Milestone",
    "Organisation",
    "PriorityDomain",
    "Region",
    "Strategy",
    "Theme",
]
