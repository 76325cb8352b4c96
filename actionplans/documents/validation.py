"""A submitted content checked against its shape: the value to store, or every problem.

Checks the whole document before anything is written, so a refused save names each
problem at once, keyed by its place in the document ("actions.0.indicators.1.target"),
the keys the API returns and the editor puts back on its fields. Whatever arrives — from
a form, the API, a restore or the demo loader — passes here on its way to the tables.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from actionplans.documents.fields import File, Refs
from actionplans.documents.shape import Rows, Shape


@dataclass
class Checking:
    """What a check needs beyond the content itself."""

    current: dict
    # (pattern such as "actions.evidence.file") -> every file name this document has held
    known_files: object = None
    # place ("endorsement.letter") -> a newly uploaded file
    uploads: dict = field(default_factory=dict)
    errors: dict = field(default_factory=dict)
    _valid_ids: dict = field(default_factory=dict)

    def fail(self, key, messages):
        if isinstance(messages, ValidationError):
            messages = messages.messages
        self.errors.setdefault(key or "__all__", []).extend(
            [messages] if isinstance(messages, str) else messages
        )

    def valid_ids(self, refs: Refs) -> set:
        if refs.name not in self._valid_ids:
            self._valid_ids[refs.name] = set(refs.valid().values_list("pk", flat=True))
        return self._valid_ids[refs.name]


def validate(shape: Shape, content, checking: Checking) -> dict:
    """The content as it will be stored; ValidationError naming each problem by its place."""
    if not isinstance(content, dict):
        raise ValidationError({"__all__": [_("The content must be an object.")]})
    cleaned = {}
    for part in shape.parts:
        if part.group:
            source = content.get(part.group) or {}
            if not isinstance(source, dict):
                checking.fail(part.group, _("Expected an object."))
                source = {}
            before = checking.current.get(part.group) or {}
            cleaned[part.group] = _fields(part.fields, source, before, f"{part.group}.", checking)
        else:
            cleaned.update(_fields(part.fields, content, checking.current, "", checking))
    if checking.errors:
        raise ValidationError(checking.errors)
    return cleaned


def _fields(fields, source: dict, before: dict, prefix: str, checking: Checking) -> dict:
    values = {}
    for f in fields:
        key = prefix + f.name
        if f.fixed:
            values[f.name] = before.get(f.name, f.empty)
        elif isinstance(f, Rows):
            values[f.name] = _rows(f, source.get(f.name), before.get(f.name) or [], key, checking)
        elif isinstance(f, File):
            values[f.name] = _file(f, key, source.get(f.name), before.get(f.name) or "", checking)
        else:
            try:
                values[f.name] = f.clean(source.get(f.name))
            except ValidationError as error:
                checking.fail(key, error)
                values[f.name] = f.empty
                continue
            if isinstance(f, Refs) and set(values[f.name]) - checking.valid_ids(f):
                checking.fail(key, str(f.unknown_message))
                values[f.name] = []
    return values


def matching(rows: Rows, before_items: list, item: dict, index: int) -> dict:
    """The stored item a submitted one stands for: by its place in fixed rows, or by key."""
    if rows.fixed_rows:
        return before_items[index] if index < len(before_items) else {}
    if rows.keyed:
        wanted = item.get(rows.key)
        return next((b for b in before_items if b.get(rows.key) == wanted), {}) if wanted else {}
    return {}


def _rows(rows: Rows, items, before_items: list, key: str, checking: Checking) -> list:
    if items is None or items == "":
        items = []
    if not isinstance(items, list):
        checking.fail(key, _("Expected a list."))
        return []
    if len(items) > rows.max_rows:
        checking.fail(key, _("At most %(limit)d, please.") % {"limit": rows.max_rows})
        return []
    if rows.fixed_rows and len(items) != len(before_items):
        checking.fail(key, str(rows.fixed_rows_message))
        return before_items
    known = {b.get(rows.key) for b in before_items} if rows.keyed else set()
    cleaned = []
    for index, item in enumerate(items):
        place = f"{key}.{index}"
        if not isinstance(item, dict):
            checking.fail(place, _("Expected an object."))
            continue
        values = {}
        before = matching(rows, before_items, item, index)
        if rows.keyed and rows.fixed_rows:
            values[rows.key] = before.get(rows.key)
        elif rows.keyed:
            wanted = item.get(rows.key)
            if wanted not in (None, "") and (isinstance(wanted, bool) or wanted not in known):
                checking.fail(
                    f"{place}.{rows.key}", str(rows.unknown_key_message) % {"id": str(wanted)[:20]}
                )
                continue
            values[rows.key] = wanted or None
        values.update(_fields(rows.fields, item, before, place + ".", checking))
        for check in rows.checks:
            for name, message in check(values).items():
                checking.fail(f"{place}.{name}", message)
        cleaned.append(values)
    return cleaned


def _file(f: File, key: str, value, before: str, checking: Checking) -> str:
    upload = checking.uploads.get(key)
    if upload is not None:
        try:
            if f.validator:
                f.validator(upload)
        except ValidationError as error:
            checking.fail(key, error)
        return upload.name  # the store writes the upload under the name storage gives it
    try:
        name = f.clean(value)
    except ValidationError as error:
        checking.fail(key, error)
        return before
    if name and name != before and name not in checking.known_files(_pattern(key)):
        checking.fail(key, str(f.foreign_message))
        return before
    return name


def _pattern(key: str) -> str:
    """ "actions.2.evidence.0.file" -> "actions.evidence.file" """
    return ".".join(part for part in key.split(".") if not part.isdigit())


def file_names(content: dict, pattern: str) -> set:
    """Every file name a content holds at a pattern's places."""
    values = [content]
    for name in pattern.split("."):
        found = []
        for value in values:
            value = value.get(name) if isinstance(value, dict) else None
            found.extend(value if isinstance(value, list) else [value])
        values = found
    return {value for value in values if isinstance(value, str) and value}
