"""The words a document's content is described in: parts, fields, rows of fields.

A document kind (an action plan, a progress report) declares its content once, as a
`Shape` of `Part`s holding fields; a field may be `Rows` of further fields (a plan's
actions, an action's indicators). Each field type (here `Field` and `Rows`, the others in
actionplans.documents.fields) says, in one place, how its value is checked and kept as
JSON, asked for in a form and in the API, shown, and compared. The adapters of this
package (validation, forms, serializers, display, diff, store) walk a shape and ask its
fields, so a field added to a shape appears everywhere at once.

Values are kept as JSON types: text as strings, dates as ISO strings, amounts as decimal
strings, references to other records as sorted primary keys, files by their stored name.
"""

from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from rest_framework import serializers


@dataclass(eq=False)
class Field:
    """One value of a document. Subclasses say what kind of value."""

    name: str
    label: str
    required: bool = False
    help_text: str = ""
    # Left out wherever the public reads the document (a plan's contact person).
    private: bool = False
    # Set when the document is made and kept by every write (a report's copy of the
    # plan's action titles): shown, never asked for.
    fixed: bool = False
    # The table column that holds it, where that is not its name.
    column: str = ""

    empty = ""

    @property
    def db_column(self) -> str:
        return self.column or self.name

    # -- validation: any JSON in, the stored value out, or ValidationError with a message
    def clean(self, value):
        if value is None or value == "":
            value = self.empty
        value = self.parse(value)
        if self.required and self.is_empty(value):
            raise ValidationError(_("This field cannot be blank."), code="blank")
        return value

    def parse(self, value):
        return value

    def is_empty(self, value) -> bool:
        return value in (None, "", [], False)

    # -- forms
    def form_field(self, choices=None) -> forms.Field:
        raise NotImplementedError

    def form_options(self) -> dict:
        return {"label": self.label, "required": self.required, "help_text": self.help_text}

    def initial(self, value):
        return value

    def from_form(self, value):
        return self.clean(value)

    # -- API
    def api_field(self) -> serializers.Field:
        raise NotImplementedError

    def api_options(self) -> dict:
        options = {"help_text": self.help_text or None}
        if self.fixed:
            return {**options, "read_only": True}
        if not self.required:
            options["default"] = self.empty
        return options

    def to_api(self, value, refs, public: bool):
        return value

    def from_api(self, value):
        return value

    # -- display and comparison
    def display(self, value, refs, public: bool):
        return value

    def as_text(self, value, refs) -> str:
        shown = self.display(value, refs, public=False)
        return "" if shown is None else str(shown)

    # -- tables
    def to_column(self, value):
        return value

    def from_column(self, value):
        return value


@dataclass(eq=False)
class Rows(Field):
    """A list of items, each with the same fields: a plan's actions, an action's indicators.

    `keyed` rows carry their table row's id (`key`), so an item keeps its identity across
    saves (remarks stay attached to an action). `fixed_rows` cannot be added or removed:
    the document was made with them (a report has one row per action of the plan).
    """

    fields: list = field(default_factory=list)
    model: type | None = None
    parent: str = ""  # the foreign key from a row's table to the table above
    keyed: bool = False
    key: str = "id"
    key_help: str = ""
    fixed_rows: bool = False
    max_rows: int = 100
    # One item's name, numbered: "Performance indicator %(number)s"; or `legend(item,
    # number)`, where the item's fixed values name it.
    item_label: str = ""
    legend: object = None
    # Where one item sits, for comparisons: "Action %(number)s: %(title)s".
    item_where: str = ""
    removed_where: str = ""
    unknown_key_message: str = ""
    fixed_rows_message: str = ""
    # Compared as one line per item ("name (unit): 0 → 40"), or item by item.
    summary: object = None  # (display item) -> str
    checks: list = field(default_factory=list)  # (item) -> {field name: message}
    empty = ()

    def field_named(self, name):
        return next(f for f in self.fields if f.name == name)

    def api_options(self):
        return {"default": list, "help_text": self.help_text or None}


@dataclass(eq=False)
class Part:
    """A part of the document as its readers know it ("Part III: actions"): what one
    page of the editor asks for, and where a comparison says a change is.

    Its fields sit at the top of the content, or under `group` ("endorsement") when the
    part has a key of its own.
    """

    name: str
    title: str
    short: str = ""  # "Part III", for comparisons
    fields: list = field(default_factory=list)
    group: str = ""
    group_label: str = ""


@dataclass(eq=False)
class Shape:
    """A document kind's whole content."""

    name: str  # the prefix of its API components: "Plan", "Report"
    parts: list

    def part(self, name) -> Part:
        return next(p for p in self.parts if p.name == name)

    def field(self, path: str) -> Field:
        """A field by its place: "actions.indicators.target" (no row numbers)."""
        names = path.split(".")
        fields = [f for part in self.parts for f in part.fields]
        for part in self.parts:
            if part.group and names[0] == part.group:
                fields, names = part.fields, names[1:]
        found = None
        for name in names:
            found = next(f for f in fields if f.name == name)
            fields = getattr(found, "fields", [])
        return found


def walk_rows(fields, prefix=""):
    """Every Rows field below `fields`, with its place ("actions.indicators")."""
    for f in fields:
        if isinstance(f, Rows):
            place = f"{prefix}{f.name}"
            yield place, f
            yield from walk_rows(f.fields, place + ".")


def part_items(shape: Shape, content: dict):
    """(part, the dictionary its fields live in) for each part of a content."""
    for part in shape.parts:
        yield part, (content.get(part.group) or {}) if part.group else content
