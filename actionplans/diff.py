"""What changed between two contents of a plan, field by field, in words a reader follows."""

import difflib
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from actionplans.document import document
from actionplans.models import Action, ActionPlan, Indicator
from portal.core.richtext import as_text


@dataclass
class Change:
    where: str
    label: str
    old: str
    new: str

    @property
    def inline(self):
        """The new text with removed words struck through and added words marked."""
        old, new = self.old.split(), self.new.split()
        # Screen readers mostly do not announce del and ins: the words say it as well.
        removed_label, added_label = escape(_("removed:")), escape(_("added:"))
        removed = f'<span class="visually-hidden">{removed_label} </span>'
        added = f'<span class="visually-hidden">{added_label} </span>'
        parts = []
        for op, a1, a2, b1, b2 in difflib.SequenceMatcher(a=old, b=new).get_opcodes():
            if op in ("delete", "replace"):
                parts.append(f"<del>{removed}{escape(' '.join(old[a1:a2]))}</del>")
            if op in ("insert", "replace"):
                parts.append(f"<ins>{added}{escape(' '.join(new[b1:b2]))}</ins>")
            if op == "equal":
                parts.append(escape(" ".join(old[a1:a2])))
        return mark_safe(" ".join(parts))


def _label(model, field) -> str:
    return str(model._meta.get_field(field).verbose_name).capitalize()


def _day(value) -> str:
    return date_format(value) if value else ""


def _plan_fields(doc):
    return {
        _label(ActionPlan, "title"): doc.title,
        _label(ActionPlan, "language"): doc.language,
        _label(ActionPlan, "other_organisations"): doc.other_organisations,
        _label(ActionPlan, "contact_name"): doc.contact_name,
        _label(ActionPlan, "contact_email"): doc.contact_email,
        _label(ActionPlan, "contact_phone"): doc.contact_phone,
    }


def _instruments(doc) -> str:
    return " · ".join(
        f"{i.name} ({i.type_label}: {', '.join(i.improvement_labels) or '–'})"
        for i in doc.instruments
    )


def _indicator(i) -> str:
    unit = f" ({i.unit})" if i.unit else ""
    return f"{i.name}{unit}: {i.baseline} → {i.target}"


def _action_fields(action) -> dict:
    return {
        _label(Action, "title"): action.title,
        _label(Action, "background"): as_text(action.background),
        _label(Action, "learnt_from"): ", ".join(r.name for r in action.learnt_from),
        _label(Action, "good_practices"): ", ".join(p.title for p in action.good_practices),
        _label(Action, "description"): as_text(action.description),
        _label(Action, "players"): as_text(action.players),
        _label(Action, "starts_on"): _day(action.starts_on),
        _label(Action, "ends_on"): _day(action.ends_on),
        _label(Action, "estimated_cost"): str(action.estimated_cost or ""),
        _label(Action, "funding_sources"): action.funding_sources,
        str(Indicator._meta.verbose_name_plural).capitalize(): " · ".join(
            _indicator(i) for i in action.indicators
        ),
    }


def _endorsement(doc) -> dict:
    return {
        _label(ActionPlan, "endorsed_by"): doc.endorsed_by,
        _label(ActionPlan, "endorsed_on"): _day(doc.endorsed_on),
        _label(ActionPlan, "endorsement_letter"): _("uploaded") if doc.has_letter else "",
    }


def _fields(where, old: dict, new: dict) -> list[Change]:
    return [
        Change(where, label, old.get(label, ""), new.get(label, ""))
        for label in dict.fromkeys([*old, *new])
        if old.get(label, "") != new.get(label, "")
    ]


def compare(old_content: dict, new_content: dict, refs) -> list[Change]:
    old, new = document(old_content, refs), document(new_content, refs)
    changes = _fields(_("Part I"), _plan_fields(old), _plan_fields(new))
    if _instruments(old) != _instruments(new):
        label = _("Policy instruments")
        changes.append(Change(_("Part II"), label, _instruments(old), _instruments(new)))
    old_actions = {a.id: a for a in old.actions if a.id is not None}
    for action in new.actions:
        before = old_actions.pop(action.id, None)
        where = _("Action %(number)s: %(title)s") % {"number": action.number, "title": action.title}
        if before is None:
            changes += _fields(where, {}, _action_fields(action))
        else:
            changes += _fields(where, _action_fields(before), _action_fields(action))
    for action in old_actions.values():
        where = _("Removed action: %(title)s") % {"title": action.title}
        changes += _fields(where, _action_fields(action), {})
    changes += _fields(_("Part IV"), _endorsement(old), _endorsement(new))
    return changes
