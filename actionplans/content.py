"""A plan's content as one document: what a version stores and what a save writes.

The same dictionary shape is produced from the database (`content_of`), kept in every
PlanVersion, compared by the history page, sent and received by the API, and written
back by `actionplans.services.plan_write`. Values are JSON types: dates as ISO strings,
money and indicator values as decimal strings, regions and practices by primary key.
"""

from decimal import Decimal

from django.db.models import Prefetch

from actionplans.models import Action, ActionPlan

PLAN_FIELDS = (
    "title",
    "language",
    "other_organisations",
    "contact_name",
    "contact_email",
    "contact_phone",
)
ENDORSEMENT_FIELDS = ("endorsed_by", "endorsed_on", "letter")
INSTRUMENT_FIELDS = ("name", "type", "improvements")
ACTION_FIELDS = (
    "title",
    "background",
    "learnt_from",
    "good_practices",
    "description",
    "players",
    "starts_on",
    "ends_on",
    "estimated_cost",
    "funding_sources",
)
INDICATOR_FIELDS = ("name", "unit", "baseline", "target")


def _json(value):
    if value is None:
        return None
    if isinstance(value, Decimal):
        return str(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def plan_with_content(pk: int) -> ActionPlan:
    """A plan with everything content_of reads, in a fixed number of queries."""
    actions = Action.objects.prefetch_related("indicators", "learnt_from", "good_practices")
    return (
        ActionPlan.objects.select_related("partnership")
        .prefetch_related("instruments", Prefetch("actions", queryset=actions))
        .get(pk=pk)
    )


def content_of(plan: ActionPlan) -> dict:
    return {
        **{field: getattr(plan, field) for field in PLAN_FIELDS},
        "instruments": [
            {
                "name": instrument.name,
                "type": instrument.type,
                "improvements": list(instrument.improvements),
            }
            for instrument in plan.instruments.all()
        ],
        "actions": [
            {
                "id": action.pk,
                "title": action.title,
                "background": action.background,
                "learnt_from": sorted(region.pk for region in action.learnt_from.all()),
                "good_practices": sorted(p.pk for p in action.good_practices.all()),
                "description": action.description,
                "players": action.players,
                "starts_on": _json(action.starts_on),
                "ends_on": _json(action.ends_on),
                "estimated_cost": _json(action.estimated_cost),
                "funding_sources": action.funding_sources,
                "indicators": [
                    {field: _json(getattr(indicator, field)) for field in INDICATOR_FIELDS}
                    for indicator in action.indicators.all()
                ],
            }
            for action in plan.actions.all()
        ],
        "endorsement": {
            "endorsed_by": plan.endorsed_by,
            "endorsed_on": _json(plan.endorsed_on),
            "letter": plan.endorsement_letter.name or "",
        },
    }


def empty_action() -> dict:
    return {"id": None, **{field: None for field in ACTION_FIELDS}, "indicators": []}


def find_action(content: dict, action_id) -> dict | None:
    return next((a for a in content["actions"] if a.get("id") == action_id), None)
