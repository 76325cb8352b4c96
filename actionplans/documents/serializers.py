"""A document's content in the API, built from its shape.

The API speaks the stored content with three differences: records are named by slug
(stable across databases) instead of by primary key, a file is `has_<name>` (uploaded
through an endpoint of its own), and what the public may not read is left out.
Serializer classes are made once per shape and named after it ("PlanAction"), which
names their components in the OpenAPI schema.
"""

from rest_framework import serializers

from actionplans.documents.fields import File
from actionplans.documents.shape import Rows, Shape, part_items
from actionplans.documents.validation import matching

_made: dict = {}


def _make(name: str, fields: dict) -> type:
    if name not in _made:
        _made[name] = type(f"{name}Serializer", (serializers.Serializer,), fields)
    return _made[name]


def _singular(name: str) -> str:
    return name.title().replace("_", "").removesuffix("s")


def _api_fields(prefix: str, fields) -> dict:
    declared = {}
    for f in fields:
        if isinstance(f, Rows):
            declared[f.name] = item_serializer(prefix, f)(many=True, **f.api_options())
        elif isinstance(f, File):
            declared[f.api_name] = f.api_field()
        else:
            declared[f.name] = f.api_field()
    return declared


def item_serializer(prefix: str, rows: Rows) -> type:
    """The serializer of one item of `rows`; `prefix` is the shape's name."""
    declared = {}
    if rows.keyed:
        declared[rows.key] = serializers.IntegerField(
            required=False, allow_null=True, help_text=rows.key_help or None
        )
    declared.update(_api_fields(prefix, rows.fields))
    return _make(prefix + _singular(rows.name), declared)


def content_serializer(shape: Shape) -> type:
    declared = {}
    for part in shape.parts:
        fields = _api_fields(shape.name, part.fields)
        if part.group:
            group = _make(shape.name + _singular(part.group), fields)
            declared[part.group] = group(default=dict, help_text=part.group_label or None)
        else:
            declared.update(fields)
    return _make(f"{shape.name}Content", declared)


def to_api(shape: Shape, content: dict, refs: dict, *, public: bool = False) -> dict:
    """A stored content as the API shows it; `refs` from the display module's references."""
    shown = {}
    for part, source in part_items(shape, content):
        values = _to_api(part.fields, source, refs, public)
        if part.group:
            shown[part.group] = values
        else:
            shown.update(values)
    return shown


def _to_api(fields, source: dict, refs: dict, public: bool) -> dict:
    values = {}
    for f in fields:
        if public and f.private:
            continue
        if isinstance(f, Rows):
            values[f.name] = [
                {
                    **({f.key: item.get(f.key)} if f.keyed else {}),
                    **_to_api(f.fields, item, refs, public),
                }
                for item in source.get(f.name) or []
            ]
        elif isinstance(f, File):
            values[f.api_name] = f.to_api(source.get(f.name), refs, public)
        else:
            values[f.name] = f.to_api(source.get(f.name), refs, public)
    return values


def from_api(shape: Shape, data: dict, current: dict) -> dict:
    """Validated API content as a stored content, keeping what the API does not carry
    (files, fixed values) from the current one."""
    content = {}
    for part in shape.parts:
        if part.group:
            before = current.get(part.group) or {}
            content[part.group] = _from_api(part.fields, data.get(part.group) or {}, before)
        else:
            content.update(_from_api(part.fields, data, current))
    return content


def item_from_api(rows: Rows, data: dict, before: dict) -> dict:
    """One validated item of `rows` as stored; `before` is the item it replaces, if any."""
    item = {rows.key: data.get(rows.key)} if rows.keyed else {}
    return {**item, **_from_api(rows.fields, data, before)}


def _from_api(fields, data: dict, before: dict) -> dict:
    values = {}
    for f in fields:
        if f.fixed or isinstance(f, File):
            values[f.name] = before.get(f.name, f.empty)
        elif isinstance(f, Rows):
            before_items = before.get(f.name) or []
            values[f.name] = [
                item_from_api(f, item, matching(f, before_items, item, index))
                for index, item in enumerate(data.get(f.name) or [])
            ]
        elif f.name in data:
            values[f.name] = f.from_api(data[f.name])
        else:
            values[f.name] = f.empty
    return values
