"""A content made readable: dates as dates, amounts as numbers, choices with their labels,
referenced records in place of their keys, rich text as safe HTML.

Pages, saved versions, the public page, comparisons and (later) PDFs all read a document
through this, so it reads the same wherever it is shown. It knows nothing of requests or
templates. For each field `x` it offers `x`; a choice also `x_label`, a multiple choice
`x_labels`, a file `has_x`; rows are lists of items numbered from 1 (`number`), keyed
rows with their `id`.
"""

from types import SimpleNamespace

from actionplans.documents.fields import Choice, File, MultiChoice, Refs
from actionplans.documents.shape import Rows, Shape


class Shown(SimpleNamespace):
    """One document, part or row, ready to read."""


def display(shape: Shape, content: dict, refs: dict, *, public: bool = False) -> Shown:
    """`refs` from `references`; on a public page private fields are left empty and only
    records the public may see are named."""
    shown = Shown()
    for part in shape.parts:
        source = (content.get(part.group) or {}) if part.group else content
        values = _shown(part.fields, source, refs, public)
        if part.group:
            setattr(shown, part.group, Shown(**values))
        else:
            shown.__dict__.update(values)
    return shown


def _shown(fields, source: dict, refs: dict, public: bool) -> dict:
    values = {}
    for f in fields:
        value = source.get(f.name)
        if isinstance(f, Rows):
            values[f.name] = shown_items(f, value or [], refs, public=public)
            continue
        if f.private and public:
            value = f.empty
        values[f.name] = f.display(value, refs, public)
        if isinstance(f, MultiChoice):
            values[f"{f.name}_labels"] = [f.label_of(v) for v in value or []]
        elif isinstance(f, Choice):
            values[f"{f.name}_label"] = f.label_of(value)
        elif isinstance(f, File):
            values[f.api_name] = bool(value)
    return values


def shown_items(rows: Rows, items: list, refs: dict, *, public: bool = False) -> list[Shown]:
    return [
        Shown(
            number=number,
            **({rows.key: item.get(rows.key)} if rows.keyed else {}),
            **_shown(rows.fields, item, refs, public),
        )
        for number, item in enumerate(items, start=1)
    ]


def references(shape: Shape, *contents) -> dict:
    """The records that contents name by key, one query per kind of reference:
    {field name: {primary key: record}}."""
    wanted: dict = {}

    def collect(fields, source):
        for f in fields:
            if isinstance(f, Rows):
                for item in source.get(f.name) or []:
                    collect(f.fields, item)
            elif isinstance(f, Refs):
                wanted.setdefault(f, set()).update(source.get(f.name) or [])

    for content in contents:
        for part in shape.parts:
            collect(part.fields, (content.get(part.group) or {}) if part.group else content)
    return {
        f.name: {record.pk: record for record in f.model.objects.filter(pk__in=keys)}
        for f, keys in wanted.items()
    }
