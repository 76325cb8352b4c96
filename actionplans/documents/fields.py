"""The field types a document's content is described with (see actionplans.documents.shape):
text, rich text, addresses, choices, yes or no, dates, amounts, references to other
records, files. Each says how its value is checked, kept as JSON, asked for in a form and
in the API, shown, and compared."""

import datetime
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from actionplans.documents.shape import Field
from portal.core.richtext import as_html, as_text, sanitize_html

RICH_TEXT_HELP = gettext_lazy(
    "HTML; anything outside p, br, strong, em, lists, blockquote, h3-h4 and links is removed."
)


SLUG = re.compile(r"[-a-zA-Z0-9_]{1,150}")


class SlugRefField(serializers.SlugRelatedField):
    """A record by slug; something that cannot be a slug is not looked up."""

    def to_internal_value(self, data):
        if not isinstance(data, str) or not SLUG.fullmatch(data):
            self.fail("does_not_exist", slug_name=self.slug_field, value=str(data)[:100])
        return super().to_internal_value(data)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


@dataclass(eq=False)
class Text(Field):
    # Every text has a limit, declared with it: without one a megabyte typed or sent once
    # would be copied into every later version of the document.
    max_length: int | None = None
    lines: int = 0  # a text area of this many rows; 0 is a single line

    def __post_init__(self):
        if not self.max_length:
            raise TypeError(f"The text field {self.name!r} needs a max_length.")

    def parse(self, value):
        if not isinstance(value, str):
            raise ValidationError(_("Expected text."), code="invalid")
        if self.max_length:
            validators.MaxLengthValidator(self.max_length)(value)
        return value

    def form_field(self, choices=None):
        widget = forms.Textarea(attrs={"rows": self.lines}) if self.lines else None
        return forms.CharField(max_length=self.max_length, widget=widget, **self.form_options())

    def api_field(self):
        return serializers.CharField(
            max_length=self.max_length, allow_blank=not self.required, **self.api_options()
        )


@dataclass(eq=False)
class RichText(Text):
    """HTML from the editor, cleaned against an allow-list whatever path it comes by."""

    lines: int = 6
    help_text: str = ""

    def parse(self, value):
        # The limit counts the HTML as it arrives, before cleaning: what is measured is what
        # was sent, so a form and the API refuse the same value.
        return sanitize_html(super().parse(value))

    def form_field(self, choices=None):
        widget = forms.Textarea(attrs={"data-rich-text": "", "rows": self.lines})
        return forms.CharField(max_length=self.max_length, widget=widget, **self.form_options())

    def api_options(self):
        return {**super().api_options(), "help_text": RICH_TEXT_HELP}

    def display(self, value, refs, public):
        return as_html(value or "")

    def as_text(self, value, refs):
        return as_text(value or "")


@dataclass(eq=False)
class Email(Text):
    max_length: int | None = 254

    def parse(self, value):
        value = super().parse(value)
        if value:
            validators.validate_email(value)
        return value

    def form_field(self, choices=None):
        return forms.EmailField(max_length=self.max_length, **self.form_options())

    def api_options(self):
        options = super().api_options()
        # No default: OpenAPI would call "" an invalid email address. Left out means empty.
        options.pop("default", None)
        return {**options, "required": False}

    def api_field(self):
        return serializers.EmailField(allow_blank=True, **self.api_options())


@dataclass(eq=False)
class Url(Text):
    max_length: int | None = 500

    def parse(self, value):
        value = super().parse(value).strip()
        if value:
            validators.URLValidator(schemes=["http", "https"])(value)
        return value

    def form_field(self, choices=None):
        return forms.URLField(
            max_length=self.max_length, assume_scheme="https", **self.form_options()
        )

    def api_field(self):
        return serializers.URLField(
            max_length=self.max_length, allow_blank=not self.required, **self.api_options()
        )


@dataclass(eq=False)
class Choice(Field):
    choices: list = field(default_factory=list)

    def labels(self) -> dict:
        return {str(value): label for value, label in self.choices}

    def parse(self, value):
        if value != "" and str(value) not in self.labels():
            raise ValidationError(
                _("“%(value)s” is not one of the choices.") % {"value": str(value)[:100]},
                code="invalid_choice",
            )
        return str(value)

    def form_field(self, choices=None):
        # An empty first option even when a choice is required: a row left empty in a
        # formset must not send a choice, or it would count as filled in.
        return forms.ChoiceField(choices=[("", "—"), *self.choices], **self.form_options())

    def api_field(self):
        choices = list(self.choices) if self.required else [("", ""), *self.choices]
        return serializers.ChoiceField(choices=choices, **self.api_options())

    def display(self, value, refs, public):
        return value

    def label_of(self, value) -> str:
        return str(self.labels().get(value, value or ""))

    def as_text(self, value, refs):
        return self.label_of(value)


@dataclass(eq=False)
class MultiChoice(Choice):
    empty = ()

    def parse(self, value):
        if not isinstance(value, list | tuple):
            raise ValidationError(_("Expected a list of choices."), code="invalid")
        known = self.labels()
        unknown = [str(v) for v in value if str(v) not in known]
        if unknown:
            raise ValidationError(
                _("“%(value)s” is not one of the choices.") % {"value": unknown[0][:100]},
                code="invalid_choice",
            )
        # In the order the choices are declared, so two saves of the same ticks compare equal.
        chosen = {str(v) for v in value}
        return [choice for choice in known if choice in chosen]

    def clean(self, value):
        return super().clean([] if value in (None, "") else value)

    def form_field(self, choices=None):
        return forms.MultipleChoiceField(
            choices=self.choices, widget=forms.CheckboxSelectMultiple, **self.form_options()
        )

    def api_field(self):
        child = serializers.ChoiceField(choices=self.choices)
        options = self.api_options()
        if "default" in options:
            options["default"] = list
        return serializers.ListField(child=child, **options)

    def as_text(self, value, refs):
        return ", ".join(self.label_of(v) for v in value or [])


@dataclass(eq=False)
class Boolean(Field):
    empty = False

    def parse(self, value):
        if not isinstance(value, bool):
            raise ValidationError(_("Expected true or false."), code="invalid")
        return value

    def form_field(self, choices=None):
        return forms.BooleanField(**{**self.form_options(), "required": False})

    def api_field(self):
        return serializers.BooleanField(**self.api_options())

    def as_text(self, value, refs):
        return _("yes") if value else _("no")


@dataclass(eq=False)
class Date(Field):
    empty = None

    def parse(self, value):
        if value is None:
            return None
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            raise ValidationError(
                _("“%(value)s” is not a date (YYYY-MM-DD).") % {"value": str(value)[:100]},
                code="invalid",
            ) from None

    def form_field(self, choices=None):
        return forms.DateField(widget=DateInput, **self.form_options())

    def api_field(self):
        return serializers.DateField(allow_null=not self.required, **self.api_options())

    def from_api(self, value):
        return value.isoformat() if value else None

    def display(self, value, refs, public):
        return datetime.date.fromisoformat(value) if value else None

    def as_text(self, value, refs):
        return date_format(self.display(value, refs, False)) if value else ""

    def to_column(self, value):
        return self.display(value, None, False)

    def from_column(self, value):
        return value.isoformat() if value else None


@dataclass(eq=False)
class Amount(Field):
    """A decimal number: money, an indicator's value."""

    max_digits: int = 14
    decimal_places: int = 2
    min_value: int | None = None
    empty = None

    def parse(self, value):
        if value is None:
            return None
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            number = None
        if isinstance(value, bool) or number is None or not number.is_finite():
            raise ValidationError(
                _("“%(value)s” is not a number.") % {"value": str(value)[:100]}, code="invalid"
            )
        validators.DecimalValidator(self.max_digits, self.decimal_places)(number)
        if self.min_value is not None:
            validators.MinValueValidator(self.min_value)(number)
        return str(number.quantize(Decimal(1).scaleb(-self.decimal_places)))

    def form_field(self, choices=None):
        return forms.DecimalField(
            max_digits=self.max_digits,
            decimal_places=self.decimal_places,
            min_value=self.min_value,
            **self.form_options(),
        )

    def api_field(self):
        return serializers.DecimalField(
            max_digits=self.max_digits,
            decimal_places=self.decimal_places,
            min_value=self.min_value,
            allow_null=not self.required,
            **self.api_options(),
        )

    def from_api(self, value):
        return None if value is None else str(value)

    def display(self, value, refs, public):
        return None if value in (None, "") else Decimal(value)

    def to_column(self, value):
        return self.display(value, None, False)

    def from_column(self, value):
        return None if value is None else str(value)


@dataclass(eq=False)
class Number(Field):
    """A whole number the document keeps for itself, such as the plan action a report row
    is about; always fixed."""

    empty = None
    fixed: bool = True

    def api_field(self):
        return serializers.IntegerField(**self.api_options())


@dataclass(eq=False)
class Refs(Field):
    """Other records, by primary key; in the API by slug.

    `valid` gives the records a value may name; `choices(document)` the ones a form
    offers, which may be fewer (a plan learns from the other regions of its project).
    """

    model: type | None = None
    valid: object = None  # () -> QuerySet
    choices: object = None  # (document row) -> QuerySet
    unknown_message: str = ""
    # Whether the public may see a referenced record (a practice still under review not).
    shown_publicly: object = None  # (record) -> bool
    empty = ()

    def clean(self, value):
        if value in (None, ""):
            value = []
        if not isinstance(value, list | tuple):
            raise ValidationError(_("Expected a list."), code="invalid")
        try:
            return sorted({int(v) for v in value if not isinstance(v, bool)})
        except (TypeError, ValueError):
            raise ValidationError(str(self.unknown_message), code="unknown") from None

    def form_field(self, choices=None):
        return forms.ModelMultipleChoiceField(
            queryset=choices, widget=forms.CheckboxSelectMultiple, **self.form_options()
        )

    def from_form(self, value):
        return sorted(record.pk for record in value)

    def api_field(self):
        return SlugRefField(
            many=True, slug_field="slug", queryset=self.valid(), default=list, help_text=None
        )

    def records(self, value, refs, public) -> list:
        found = [refs[self.name][pk] for pk in value or [] if pk in refs.get(self.name, {})]
        if public and self.shown_publicly:
            found = [record for record in found if self.shown_publicly(record)]
        return found

    def to_api(self, value, refs, public):
        return [record.slug for record in self.records(value, refs, public)]

    def from_api(self, value):
        return sorted(record.pk for record in value)

    def display(self, value, refs, public):
        return self.records(value, refs, public)

    def as_text(self, value, refs):
        return ", ".join(str(record) for record in self.records(value, refs, False))


@dataclass(eq=False)
class File(Field):
    """An uploaded file, kept by its stored name. A value may only name a file this
    document has held before, so no one can point it at another document's file."""

    validator: object = None  # (upload) -> None, raises ValidationError
    accept: str = ""
    foreign_message: str = ""

    def clean(self, value):
        if value in (None, ""):
            return ""
        if not isinstance(value, str):
            raise ValidationError(_("Expected a file name."), code="invalid")
        return value

    def form_field(self, choices=None):
        return forms.FileField(
            validators=[self.validator] if self.validator else [],
            widget=forms.ClearableFileInput(attrs={"accept": self.accept} if self.accept else {}),
            **{**self.form_options(), "required": False},
        )

    def initial(self, value):
        return None

    @property
    def api_name(self) -> str:
        return f"has_{self.name}"

    def api_field(self):
        return serializers.BooleanField(read_only=True, help_text=self.help_text or None)

    def to_api(self, value, refs, public):
        return bool(value)

    def display(self, value, refs, public):
        return value or ""

    def as_text(self, value, refs):
        return _("uploaded") if value else ""

    def to_column(self, value):
        return value or ""

    def from_column(self, value):
        return value.name or ""
