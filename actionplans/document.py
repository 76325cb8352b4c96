"""A content document (actionplans.content) made readable: labels, dates, linked names.

The workspace, a saved version, the public page and the history comparison all render a
plan from its content this way, so a plan reads the same wherever it is shown.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from actionplans.models import PolicyInstrument
from portal.core.richtext import as_html


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _number(value):
    return Decimal(value) if value not in (None, "") else None


@dataclass
class IndicatorView:
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None


@dataclass
class ActionView:
    id: int | None
    number: int
    title: str
    background: str
    learnt_from: list
    good_practices: list
    description: str
    players: str
    starts_on: datetime.date | None
    ends_on: datetime.date | None
    estimated_cost: Decimal | None
    funding_sources: str
    indicators: list[IndicatorView] = field(default_factory=list)


@dataclass
class InstrumentView:
    name: str
    type: str
    type_label: str
    improvement_labels: list[str]


@dataclass
class PlanDocument:
    title: str
    language: str
    other_organisations: str
    contact_name: str
    contact_email: str
    contact_phone: str
    instruments: list[InstrumentView]
    actions: list[ActionView]
    endorsed_by: str
    endorsed_on: datetime.date | None
    has_letter: bool


def document(content: dict, refs, *, public: bool = False) -> PlanDocument:
    """`refs` comes from actionplans.selectors.references; on a public page only
    validated good practices are named."""
    types = dict(PolicyInstrument.Type.choices)
    improvements = dict(PolicyInstrument.Improvement.choices)
    actions = []
    for number, action in enumerate(content.get("actions") or [], start=1):
        practices = [
            refs.practices[pk] for pk in action.get("good_practices") or [] if pk in refs.practices
        ]
        if public:
            practices = [p for p in practices if p.status == p.Status.VALIDATED]
        actions.append(
            ActionView(
                id=action.get("id"),
                number=number,
                title=action.get("title") or "",
                background=as_html(action.get("background") or ""),
                learnt_from=[
                    refs.regions[pk] for pk in action.get("learnt_from") or [] if pk in refs.regions
                ],
                good_practices=practices,
                description=as_html(action.get("description") or ""),
                players=as_html(action.get("players") or ""),
                starts_on=_date(action.get("starts_on")),
                ends_on=_date(action.get("ends_on")),
                estimated_cost=_number(action.get("estimated_cost")),
                funding_sources=action.get("funding_sources") or "",
                indicators=[
                    IndicatorView(
                        name=row.get("name") or "",
                        unit=row.get("unit") or "",
                        baseline=_number(row.get("baseline")),
                        target=_number(row.get("target")),
                    )
                    for row in action.get("indicators") or []
                ],
            )
        )
    endorsement = content.get("endorsement") or {}
    return PlanDocument(
        title=content.get("title") or "",
        language=content.get("language") or "",
        other_organisations=content.get("other_organisations") or "",
        contact_name=content.get("contact_name") or "",
        contact_email=content.get("contact_email") or "",
        contact_phone=content.get("contact_phone") or "",
        instruments=[
            InstrumentView(
                name=row.get("name") or "",
                type=row.get("type") or "",
                type_label=str(types.get(row.get("type"), row.get("type") or "")),
                improvement_labels=[
                    str(improvements.get(i, i)) for i in row.get("improvements") or []
                ],
            )
            for row in content.get("instruments") or []
        ],
        actions=actions,
        endorsed_by=endorsement.get("endorsed_by") or "",
        endorsed_on=_date(endorsement.get("endorsed_on")),
        has_letter=bool(endorsement.get("letter")),
    )
