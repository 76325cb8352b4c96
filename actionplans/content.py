"""What an action plan contains, declared once: the four parts of the Interreg Europe
template, their fields, types, limits and choices.

This description drives the editor's forms, the API's serializers, the checks every save
passes, the JSON each version keeps, the display and the comparison of versions
(actionplans.documents). A field added here — and as a column of its table — appears in
all of them.
"""

from django.conf import settings
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from actionplans.documents import store
from actionplans.documents.fields import (
    Amount,
    Choice,
    Date,
    Email,
    File,
    MultiChoice,
    Refs,
    RichText,
    Text,
)
from actionplans.documents.shape import Part, Rows, Shape
from actionplans.models import Action, ActionPlan, Indicator, PolicyInstrument
from portal.core.validators import validate_pdf_file
from projects.models import GoodPractice
from projects.selectors import public_practices
from regions.models import Region


def choosable_regions(plan):
    """Regions a plan can say it learnt from: the other regions of its project."""
    return (
        Region.objects.filter(partnerships__project_id=plan.partnership.project_id)
        .exclude(pk=plan.partnership.region_id)
        .distinct()
        .order_by("name")
    )


def choosable_practices(plan):
    return public_practices().select_related("region").order_by("title")


def _ends_after_start(action: dict) -> dict:
    starts, ends = action.get("starts_on"), action.get("ends_on")
    if starts and ends and ends < starts:
        return {
            "ends_on": _("The action cannot end before it starts (%(start)s).") % {"start": starts}
        }
    return {}


def _instrument(item) -> str:
    return f"{item.name} ({item.type_label}: {', '.join(item.improvements_labels) or '–'})"


def _indicator(item) -> str:
    unit = f" ({item.unit})" if item.unit else ""
    return f"{item.name}{unit}: {item.baseline} → {item.target}"


def _letter_help():
    return _("A PDF of at most %(limit)d MB.") % {"limit": settings.ENDORSEMENT_MAX_UPLOAD_MB}


# An action's texts in HTML, markup included: about ten pages of prose each, more than the
# Interreg Europe template asks for, far less than a pasted document.
RICH_TEXT_LIMIT = 20_000

INDICATORS = Rows(
    "indicators",
    _("Performance indicators"),
    model=Indicator,
    parent="action",
    max_rows=20,
    item_label=_("Performance indicator %(number)s"),
    summary=_indicator,
    fields=[
        Text("name", _("Indicator"), required=True, max_length=250),
        Text("unit", _("Unit"), max_length=60),
        Amount("baseline", _("Baseline"), required=True, max_digits=14, decimal_places=2),
        Amount("target", _("Target"), required=True, max_digits=14, decimal_places=2),
    ],
)

ACTIONS = Rows(
    "actions",
    _("Actions"),
    model=Action,
    parent="plan",
    keyed=True,
    key_help=_(
        "The action's id, to change it in place (review remarks stay attached to it); "
        "leave it out for a new action."
    ),
    unknown_key_message=_("This plan has no action %(id)s."),
    item_where=_("Action %(number)s: %(title)s"),
    removed_where=_("Removed action: %(title)s"),
    checks=[_ends_after_start],
    fields=[
        Text("title", _("Title of the action"), required=True, max_length=250),
        RichText(
            "background",
            _("Background"),
            max_length=RICH_TEXT_LIMIT,
            help_text=_("What was learnt in the project, and from which region or good practice."),
        ),
        Refs(
            "learnt_from",
            _("Learnt from regions"),
            model=Region,
            valid=Region.objects.all,
            choices=choosable_regions,
            unknown_message=_("Unknown region."),
        ),
        Refs(
            "good_practices",
            _("Inspiring good practices"),
            model=GoodPractice,
            valid=public_practices,
            choices=choosable_practices,
            unknown_message=_("Only validated good practices can be linked."),
            shown_publicly=lambda practice: practice.status == GoodPractice.Status.VALIDATED,
        ),
        RichText("description", _("The action"), max_length=RICH_TEXT_LIMIT),
        RichText("players", _("Players involved and their roles"), max_length=RICH_TEXT_LIMIT),
        Date("starts_on", _("Starts")),
        Date("ends_on", _("Ends")),
        Amount(
            "estimated_cost",
            _("Estimated costs (EUR)"),
            max_digits=12,
            decimal_places=2,
            min_value=0,
        ),
        Text("funding_sources", _("Funding sources"), lines=2, max_length=2000),
        INDICATORS,
    ],
)

PLAN = Shape(
    "Plan",
    [
        Part(
            "general",
            _("Part I: general information"),
            short=_("Part I"),
            fields=[
                Text("title", _("Title of the plan"), required=True, max_length=250),
                Choice("language", _("Written in"), required=True, choices=settings.LANGUAGES),
                Text(
                    "other_organisations",
                    _("Other organisations involved"),
                    lines=3,
                    max_length=2000,
                ),
                Text("contact_name", _("Contact person"), max_length=150, private=True),
                Email("contact_email", _("Contact email"), private=True),
                Text("contact_phone", _("Contact phone"), max_length=40, private=True),
            ],
        ),
        Part(
            "policy",
            _("Part II: policy context"),
            short=_("Part II"),
            fields=[
                Rows(
                    "instruments",
                    _("Policy instruments"),
                    model=PolicyInstrument,
                    parent="plan",
                    max_rows=10,
                    item_label=_("Policy instrument %(number)s"),
                    summary=_instrument,
                    fields=[
                        Text(
                            "name",
                            _("Name of the policy instrument"),
                            required=True,
                            max_length=300,
                        ),
                        Choice(
                            "type", _("Type"), required=True, choices=PolicyInstrument.Type.choices
                        ),
                        MultiChoice(
                            "improvements",
                            _("Improvement sought"),
                            choices=PolicyInstrument.Improvement.choices,
                        ),
                    ],
                )
            ],
        ),
        Part("actions", _("Part III: actions"), short=_("Part III"), fields=[ACTIONS]),
        Part(
            "endorsement",
            _("Part IV: endorsement"),
            short=_("Part IV"),
            group="endorsement",
            fields=[
                Text(
                    "endorsed_by",
                    _("Endorsed by"),
                    max_length=250,
                    help_text=_("Name and position of the person who signed for the policy owner."),
                ),
                Date("endorsed_on", _("Endorsed on")),
                File(
                    "letter",
                    _("Signed endorsement letter"),
                    column="endorsement_letter",
                    validator=validate_pdf_file,
                    accept="application/pdf,.pdf",
                    help_text=lazy(_letter_help, str)(),
                    foreign_message=_("That endorsement letter does not belong to this plan."),
                ),
            ],
        ),
    ],
)


def plan_with_content(pk: int) -> ActionPlan:
    """A plan with everything content_of reads, in a fixed number of queries."""
    return (
        ActionPlan.objects.select_related("partnership")
        .prefetch_related(*store.prefetches(PLAN))
        .get(pk=pk)
    )


def content_of(plan: ActionPlan) -> dict:
    """The plan's current content, from its tables (see plan_with_content)."""
    return store.read(PLAN, plan)


def find_action(content: dict, action_id) -> dict | None:
    return next((a for a in content["actions"] if a.get("id") == action_id), None)
