"""A document's editor pages, built from its shape.

An editor shows some of the document's fields as a form and the rows below them as
formsets: a part of the document (`PartEditor`: a plan's Part I, its policy instruments)
or one item of its rows on a page of its own (`ItemEditor`: one action). It reads its
initial values from the current content and `apply`s what was typed to a copy of it; the
service then saves the whole document. The version the editor started from travels in a
hidden field, so a save that crosses someone else's is caught, and the service's errors,
keyed by place ("actions.2.indicators.1.target"), go back onto the very field.
"""

import copy

from django import forms
from django.core.exceptions import ValidationError

from actionplans.documents.fields import File, Refs
from actionplans.documents.shape import Rows, Shape
from actionplans.documents.validation import matching


class VersionForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)


def form_class(fields, document, *, base=forms.Form, key: str = ""):
    """A form with a field for each editable field; `key` adds the row's hidden id."""
    declared = {
        f.name: f.form_field(f.choices(document) if isinstance(f, Refs) else None)
        for f in fields
        if not f.fixed and not isinstance(f, Rows)
    }
    if key:
        declared[key] = forms.IntegerField(widget=forms.HiddenInput, required=False)
    return type("DocumentForm", (base,), declared)


def initial(fields, values: dict) -> dict:
    return {
        f.name: f.initial(values.get(f.name))
        for f in fields
        if not f.fixed and not isinstance(f, Rows)
    }


class Editor:
    """What the views need from any editor page."""

    title = ""
    conflict = None  # the refused save, when the view's save crossed another
    # Whether errors elsewhere in the document are another page's business.
    ignores_others = False

    def __init__(self, data, files, *, shape: Shape, document, content, title=""):
        self.shape, self.document, self.content = shape, document, content
        self.title = title or self.title
        self.uploads: dict = {}
        self.kept: dict = {}  # rows name -> the forms whose items go to the service

    def build(self, data, files, fields, values: dict, prefix: str):
        """The form for `fields` (values from `values`) and a formset per Rows among them."""
        self.prefix, self.values = prefix, values
        self.fields = [f for f in fields if not f.fixed and not isinstance(f, Rows)]
        self.form = form_class(fields, self.document, base=VersionForm)(
            data,
            files,
            initial={**initial(fields, values), "version": self.document.version},
        )
        self.rows = [f for f in fields if isinstance(f, Rows)]
        self.formsets = {rows.name: self._formset(rows, data, files) for rows in self.rows}

    def _formset(self, rows: Rows, data, files):
        formset_class = forms.formset_factory(
            form_class(rows.fields, self.document, key=rows.key if rows.keyed else ""),
            extra=0 if rows.fixed_rows else 1,
            can_delete=not rows.fixed_rows,
            max_num=rows.max_rows,
            validate_max=True,
        )
        items = self.values.get(rows.name) or []
        formset = formset_class(
            data,
            files,
            initial=[
                {
                    **initial(rows.fields, item),
                    **({rows.key: item.get(rows.key)} if rows.keyed else {}),
                }
                for item in items
            ],
            prefix=rows.name,
        )
        for number, form in enumerate(formset.forms, start=1):
            item = items[number - 1] if number <= len(items) else {}
            form.legend = (
                rows.legend(item, number)
                if rows.legend
                else (str(rows.item_label) % {"number": number})
            )
        return formset

    @property
    def formset(self):
        """The page's formset, where it has one (a plan's parts have at most one)."""
        return next(iter(self.formsets.values()), None)

    def formset_list(self):
        return [(rows, self.formsets[rows.name]) for rows in self.rows]

    def is_valid(self) -> bool:
        valid = self.form.is_valid()
        return all([formset.is_valid() for formset in self.formsets.values()]) and valid

    def typed(self) -> dict:
        """What was typed, over the values the page started from."""
        values = copy.deepcopy(self.values)
        data = self.form.cleaned_data
        for f in self.fields:
            if isinstance(f, File):
                if data.get(f.name):
                    self.uploads[self.prefix + f.name] = data[f.name]
            else:
                values[f.name] = f.from_form(data[f.name])
        for rows in self.rows:
            values[rows.name] = self._typed_rows(rows, self.values.get(rows.name) or [])
        return values

    def _typed_rows(self, rows: Rows, before_items: list) -> list:
        formset = self.formsets[rows.name]
        kept = [
            form
            for form in formset.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        # In the order their items go to the service, to put its errors back.
        self.kept[rows.name] = kept
        items = []
        for index, form in enumerate(kept):
            data = form.cleaned_data
            item = {rows.key: data.get(rows.key)} if rows.keyed else {}
            before = matching(rows, before_items, item, index)
            for f in rows.fields:
                if f.fixed or isinstance(f, Rows):
                    item[f.name] = copy.deepcopy(before.get(f.name, f.empty))
                elif isinstance(f, File):
                    item[f.name] = before.get(f.name, "")
                    if data.get(f.name):
                        self.uploads[f"{self.prefix}{rows.name}.{index}.{f.name}"] = data[f.name]
                else:
                    item[f.name] = f.from_form(data[f.name])
            items.append(item)
        return items

    def add_service_error(self, error: ValidationError) -> None:
        """The service's errors on the fields they name, the rest above the form."""
        if not hasattr(error, "error_dict"):
            self.form.add_error(None, error)
            return
        for key, messages in error.message_dict.items():
            form, field = self._place(key)
            for message in messages if form is not None else []:
                form.add_error(field, message)

    def _place(self, key: str):
        if key in self.form.fields:
            return self.form, key
        if not key.startswith(self.prefix):
            return (None, None) if self.ignores_others else (self.form, None)
        rest = key.removeprefix(self.prefix)
        if rest in self.form.fields:
            return self.form, rest
        head, _dot, tail = rest.partition(".")
        number, _dot, field = tail.partition(".")
        kept = self.kept.get(head, [])
        if number.isdigit() and int(number) < len(kept):
            form = kept[int(number)]
            return form, field if field in form.fields else None
        return self.form, None


class PartEditor(Editor):
    """A part of the document on one page: its fields, its rows as formsets."""

    def __init__(self, data=None, files=None, *, shape, part: str, document, content, title=""):
        super().__init__(data, files, shape=shape, document=document, content=content)
        self.part = shape.part(part)
        self.title = title or self.part.title
        group = self.part.group
        values = (content.get(group) or {}) if group else content
        self.build(data, files, self.part.fields, values, f"{group}." if group else "")

    def apply(self, content: dict) -> dict:
        content = copy.deepcopy(content)
        typed = self.typed()
        if self.part.group:
            content[self.part.group] = typed
        else:
            content.update(typed)
        return content


class ItemEditor(Editor):
    """One item of a document's rows on a page of its own; a new one without a key."""

    ignores_others = True

    def __init__(
        self, data=None, files=None, *, shape, rows: str, document, content, key=None, title=""
    ):
        super().__init__(data, files, shape=shape, document=document, content=content, title=title)
        self.rows_field = next(f for part in shape.parts for f in part.fields if f.name == rows)
        self.key = key
        items = content[rows]
        wanted = self.rows_field.key
        found = [i for i, item in enumerate(items) if key is not None and item.get(wanted) == key]
        self.index = found[0] if found else len(items)
        self.item = items[self.index] if found else self.empty_item()
        self.build(data, files, self.rows_field.fields, self.item, f"{rows}.{self.index}.")

    def empty_item(self) -> dict:
        rows = self.rows_field
        item = {rows.key: None} if rows.keyed else {}
        return {**item, **{f.name: copy.deepcopy(f.empty) for f in rows.fields}}

    def apply(self, content: dict) -> dict:
        content = copy.deepcopy(content)
        item = {**self.item, **self.typed()}
        items = content[self.rows_field.name]
        if self.index < len(items):
            items[self.index] = item
        else:
            items.append(item)
        return content
