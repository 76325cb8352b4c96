"""What a progress report contains, declared once (see actionplans.documents).

A report is made from the approved plan: one row per action, with the action's indicators
and estimated costs, and one per policy instrument. Those are fixed; the partner says how
each action went (status, what happened, budget spent, indicator values achieved, the
evidence) and whether each policy instrument has been improved, with its evidence.
Amounts and indicator values are what was reached so far, since the phase began.
"""

from django.utils.translation import gettext_lazy as _

from actionplans.content import RICH_TEXT_LIMIT
from actionplans.documents.fields import Amount, Boolean, Choice, File, Number, RichText, Text, Url
from actionplans.documents.shape import Part, Rows, Shape
from actionplans.models import (
    ActionProgress,
    Evidence,
    IndicatorProgress,
    InstrumentProgress,
)
from portal.core.validators import validate_document_file

Status = ActionProgress.Status
FIXED_ROWS = _("The rows of a report come from the approved plan: none can be added or removed.")


def _evidence_complete(item: dict) -> dict:
    if item.get("kind") == Evidence.Kind.DOCUMENT and not item.get("file"):
        return {"file": _("Upload the document.")}
    if item.get("kind") in (Evidence.Kind.LINK, Evidence.Kind.PRESS) and not item.get("url"):
        return {"url": _("Give the web address.")}
    return {}


def _figure(value) -> str:
    return "–" if value is None else f"{value.normalize():f}"


def _indicator_legend(item: dict, number: int) -> str:
    return _("%(name)s: baseline %(baseline)s, target %(target)s %(unit)s") % {
        "name": item.get("name") or number,
        "baseline": item.get("baseline"),
        "target": item.get("target"),
        "unit": item.get("unit") or "",
    }


def _indicator(item) -> str:
    unit = f" {item.unit}" if item.unit else ""
    return _("%(name)s: %(achieved)s of %(target)s%(unit)s (baseline %(baseline)s)") % {
        "name": item.name,
        "achieved": _figure(item.achieved),
        "target": _figure(item.target),
        "baseline": _figure(item.baseline),
        "unit": unit,
    }


def _evidence(item) -> str:
    where = item.url or (_("file") if item.has_file else "")
    return f"{item.kind_label}: {item.title}" + (f" ({where})" if where else "")


def _instrument(item) -> str:
    improved = _("improved") if item.improved else _("not improved yet")
    return f"{item.name}: {improved}"


INDICATOR_VALUES = Rows(
    "indicators",
    _("Indicator values"),
    model=IndicatorProgress,
    parent="action",
    fixed_rows=True,
    fixed_rows_message=FIXED_ROWS,
    legend=_indicator_legend,
    summary=_indicator,
    fields=[
        Text("name", _("Indicator"), fixed=True, max_length=250),
        Text("unit", _("Unit"), fixed=True, max_length=60),
        Amount("baseline", _("Baseline"), fixed=True, max_digits=14, decimal_places=2),
        Amount("target", _("Target"), fixed=True, max_digits=14, decimal_places=2),
        Amount(
            "achieved",
            _("Achieved so far"),
            max_digits=14,
            decimal_places=2,
            help_text=_("The indicator's value now, counted since the phase began."),
        ),
    ],
)

EVIDENCE = Rows(
    "evidence",
    _("Evidence"),
    model=Evidence,
    parent="action",
    keyed=True,
    max_rows=20,
    item_label=_("Evidence %(number)s"),
    unknown_key_message=_("This action has no evidence %(id)s."),
    summary=_evidence,
    checks=[_evidence_complete],
    fields=[
        Choice("kind", _("Kind"), required=True, choices=Evidence.Kind.choices),
        Text("title", _("Title"), required=True, max_length=250),
        Url("url", _("Web address"), help_text=_("For a web page or a press article.")),
        File(
            "file",
            _("Document"),
            validator=validate_document_file,
            help_text=_("PDF, an image or an office document."),
            foreign_message=_("That file does not belong to this report."),
        ),
    ],
)

ACTIONS = Rows(
    "actions",
    _("Actions"),
    model=ActionProgress,
    parent="report",
    keyed=True,
    fixed_rows=True,
    fixed_rows_message=FIXED_ROWS,
    item_where=_("Action %(number)s: %(title)s"),
    removed_where=_("Removed action: %(title)s"),
    key_help=_("The id of this action's row in the report."),
    fields=[
        Number("action", _("Action of the plan"), column="action_id"),
        Text("title", _("Action"), fixed=True, max_length=250),
        Amount(
            "estimated_cost",
            _("Estimated costs (EUR)"),
            fixed=True,
            max_digits=12,
            decimal_places=2,
        ),
        Choice("status", _("Status"), choices=Status.choices),
        RichText(
            "narrative",
            _("What happened"),
            max_length=RICH_TEXT_LIMIT,
            help_text=_("What was done in this period, and what delayed or changed the action."),
        ),
        Amount(
            "budget_spent",
            _("Budget spent so far (EUR)"),
            max_digits=12,
            decimal_places=2,
            min_value=0,
        ),
        INDICATOR_VALUES,
        EVIDENCE,
    ],
)

INSTRUMENTS = Rows(
    "instruments",
    _("Policy instruments"),
    model=InstrumentProgress,
    parent="report",
    fixed_rows=True,
    fixed_rows_message=FIXED_ROWS,
    legend=lambda item, number: item.get("name") or str(number),
    summary=_instrument,
    fields=[
        Text("name", _("Policy instrument"), fixed=True, max_length=300),
        Boolean("improved", _("This policy instrument has been improved")),
        RichText(
            "evidence",
            _("Evidence of the improvement"),
            lines=4,
            max_length=RICH_TEXT_LIMIT,
            help_text=_(
                "What changed in the instrument — new projects, its management, its focus — "
                "and where that can be seen."
            ),
        ),
    ],
)

REPORT = Shape(
    "Report",
    [
        Part(
            "overview",
            _("Summary and policy instruments"),
            short=_("Summary"),
            fields=[
                RichText(
                    "summary",
                    _("Summary of the period"),
                    lines=4,
                    max_length=RICH_TEXT_LIMIT,
                    help_text=_("The main steps forward and setbacks, in a few sentences."),
                ),
                INSTRUMENTS,
            ],
        ),
        Part("actions", _("Actions"), short=_("Actions"), fields=[ACTIONS]),
    ],
)
