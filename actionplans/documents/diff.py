"""What changed between two contents of a document, field by field, in words a reader
follows: where (the part, the action), which field, the old and the new text."""

import difflib
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from actionplans.documents.display import shown_items
from actionplans.documents.shape import Rows, Shape


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


def changed_parts(shape: Shape, old: dict, new: dict) -> list[str]:
    """The names of the parts whose stored values differ, in the shape's order."""

    def values(part, content):
        if part.group:
            return content.get(part.group) or {}
        return {f.name: content.get(f.name) for f in part.fields}

    return [part.name for part in shape.parts if values(part, old) != values(part, new)]


def compare(shape: Shape, old: dict, new: dict, refs: dict) -> list[Change]:
    changes = []
    for part in shape.parts:
        before = (old.get(part.group) or {}) if part.group else old
        after = (new.get(part.group) or {}) if part.group else new
        changes += _fields(part.short or part.title, part.fields, before, after, refs)
    return changes


def _texts(fields, values: dict, refs: dict) -> dict:
    """Each field's value as one line of text, by label."""
    texts = {}
    for f in fields:
        if isinstance(f, Rows):
            if f.summary:
                items = shown_items(f, values.get(f.name) or [], refs)
                texts[f.label] = " · ".join(f.summary(item) for item in items)
        else:
            texts[f.label] = f.as_text(values.get(f.name), refs)
    return texts


def _fields(where, fields, old: dict, new: dict, refs: dict) -> list[Change]:
    old_texts, new_texts = _texts(fields, old, refs), _texts(fields, new, refs)
    changes = [
        Change(where, label, old_texts.get(label, ""), new_texts.get(label, ""))
        for label in dict.fromkeys([*old_texts, *new_texts])
        if old_texts.get(label, "") != new_texts.get(label, "")
    ]
    for f in fields:
        if isinstance(f, Rows) and not f.summary:
            changes += _items(f, old.get(f.name) or [], new.get(f.name) or [], refs)
    return changes


def _items(rows: Rows, old: list, new: list, refs: dict) -> list[Change]:
    """Item by item, matched by key (or by place): a renamed action is the same action."""
    by_key = {item.get(rows.key): item for item in old if item.get(rows.key) is not None}
    unmatched = list(old) if not rows.keyed else [i for i in old if i.get(rows.key) is None]
    changes = []
    for number, item in enumerate(new, start=1):
        if rows.keyed:
            before = by_key.pop(item.get(rows.key), None) or {}
        else:
            before = unmatched.pop(0) if unmatched else {}
        where = str(rows.item_where) % {"number": number, "title": _title(rows, item)}
        changes += _fields(where, rows.fields, before, item, refs)
    for item in [*by_key.values(), *(unmatched if not rows.keyed else [])]:
        where = str(rows.removed_where) % {"title": _title(rows, item)}
        changes += _fields(where, rows.fields, item, {}, refs)
    return changes


def _title(rows: Rows, item: dict) -> str:
    return str(item.get("title") or item.get("name") or "")
