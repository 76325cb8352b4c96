"""A content document turned into the plan's unsaved rows, with every error it holds.

Checks the whole document before anything is written, so a refused save names each
problem at once, keyed by its place in the document ("actions.0.indicators.1.target"),
the same keys the API returns.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actionplans.content import PLAN_FIELDS
from actionplans.models import Action, ActionPlan, Indicator, PlanVersion, PolicyInstrument
from portal.core.validators import validate_pdf_file
from projects.selectors import public_practices
from regions.models import Region


@dataclass
class Rows:
    instruments: list[PolicyInstrument]
    # (action, region ids, good-practice ids, indicators) for each action, in order
    actions: list[tuple[Action, set[int], set[int], list[Indicator]]]


def build_rows(plan: ActionPlan, content: dict, letter=None) -> Rows:
    """Set the plan's own fields from `content` and build its other rows, unsaved."""
    errors: dict[str, list[str]] = {}
    _check_plan_fields(plan, content, letter, errors)
    instruments = _check_instruments(plan, content.get("instruments") or [], errors)
    actions = _check_actions(plan, content.get("actions") or [], errors)
    if errors:
        raise ValidationError(errors)
    return Rows(instruments, actions)


def _collect(errors, prefix, error: ValidationError):
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            key = prefix.rstrip(".") if field == "__all__" else f"{prefix}{field}"
            errors.setdefault(key or "__all__", []).extend(messages)
    else:
        errors.setdefault(prefix.rstrip(".") or "__all__", []).extend(error.messages)


def _date(value, errors, key):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        errors.setdefault(key, []).append(
            _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": value}
        )
        return None


def _decimal(value, errors, key):
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        errors.setdefault(key, []).append(_("“%(value)s” is not a number.") % {"value": value})
        return None
    return number


def _text(value) -> str:
    return "" if value is None else str(value)


def _check_plan_fields(plan, content, letter, errors):
    for field in PLAN_FIELDS:
        setattr(plan, field, _text(content.get(field)))
    endorsement = content.get("endorsement") or {}
    plan.endorsed_by = _text(endorsement.get("endorsed_by"))
    plan.endorsed_on = _date(endorsement.get("endorsed_on"), errors, "endorsement.endorsed_on")
    if letter is not None:
        try:
            validate_pdf_file(letter)
        except ValidationError as error:
            _collect(errors, "endorsement.letter", error)
    else:
        name = _text(endorsement.get("letter"))
        # Only a letter this plan has had before: a name cannot reach another plan's file.
        if name and name != plan.endorsement_letter.name and name not in _past_letters(plan):
            errors.setdefault("endorsement.letter", []).append(
                _("That endorsement letter does not belong to this plan.")
            )
        else:
            plan.endorsement_letter.name = name
    try:
        plan.full_clean(exclude=["partnership", "slug", "endorsement_letter"])
    except ValidationError as error:
        _collect(errors, "", error)


def _past_letters(plan) -> set[str]:
    return {
        (content.get("endorsement") or {}).get("letter")
        for content in plan.versions.exclude(kind=PlanVersion.Kind.CONFLICT).values_list(
            "content", flat=True
        )
    }


def _check_instruments(plan, rows, errors) -> list[PolicyInstrument]:
    instruments = []
    for position, row in enumerate(rows):
        instrument = PolicyInstrument(
            plan=plan,
            position=position,
            name=_text(row.get("name")),
            type=_text(row.get("type")),
            improvements=list(row.get("improvements") or []),
        )
        try:
            instrument.full_clean(exclude=["plan"])
        except ValidationError as error:
            _collect(errors, f"instruments.{position}.", error)
        instruments.append(instrument)
    return instruments


def _ids(values, known, errors, key, message) -> set[int]:
    try:
        ids = {int(value) for value in values or []}
    except (TypeError, ValueError):
        ids = None
    if ids is None or ids - known:
        errors.setdefault(key, []).append(message)
        return set()
    return ids


def _check_actions(plan, rows, errors) -> list:
    existing = {action.pk: action for action in plan.actions.all()}
    region_ids = set(Region.objects.values_list("pk", flat=True))
    practice_ids = set(public_practices().values_list("pk", flat=True))
    checked = []
    for position, row in enumerate(rows):
        prefix = f"actions.{position}."
        action = existing.pop(row.get("id"), None) or Action(plan=plan)
        action.position = position
        for field in ("title", "background", "description", "players", "funding_sources"):
            setattr(action, field, _text(row.get(field)))
        action.starts_on = _date(row.get("starts_on"), errors, prefix + "starts_on")
        action.ends_on = _date(row.get("ends_on"), errors, prefix + "ends_on")
        action.estimated_cost = _decimal(
            row.get("estimated_cost"), errors, prefix + "estimated_cost"
        )
        try:
            action.full_clean(exclude=["plan"])
        except ValidationError as error:
            _collect(errors, prefix, error)
        learnt_from = _ids(
            row.get("learnt_from"), region_ids, errors, prefix + "learnt_from", _("Unknown region.")
        )
        practices = _ids(
            row.get("good_practices"),
            practice_ids,
            errors,
            prefix + "good_practices",
            _("Only validated good practices can be linked."),
        )
        indicators = []
        for number, data in enumerate(row.get("indicators") or []):
            key = f"{prefix}indicators.{number}."
            indicator = Indicator(
                position=number,
                name=_text(data.get("name")),
                unit=_text(data.get("unit")),
                baseline=_decimal(data.get("baseline"), errors, key + "baseline"),
                target=_decimal(data.get("target"), errors, key + "target"),
            )
            try:
                indicator.full_clean(exclude=["action"])
            except ValidationError as error:
                _collect(errors, key, error)
            indicators.append(indicator)
        checked.append((action, learnt_from, practices, indicators))
    return checked
