"""The plan's description and its tables agree, and one description drives every shape."""

import pytest
from django.db import models

from actionplans.api.serializers import ActionSerializer, ContentSerializer
from actionplans.content import PLAN
from actionplans.documents.fields import Amount, Choice, File, Refs, Text
from actionplans.documents.shape import Rows
from actionplans.forms import ActionPart, part_editor
from actionplans.models import ActionPlan


def _columns(shape):
    """(field, model column) for every field the description keeps in a table."""
    for part in shape.parts:
        for f in part.fields:
            yield from _field_columns(f, ActionPlan)


def _field_columns(f, model):
    if isinstance(f, Rows):
        for child in f.fields:
            yield from _field_columns(child, f.model)
    else:
        yield f, model._meta.get_field(f.db_column)


@pytest.mark.parametrize(
    ("field", "column"), list(_columns(PLAN)), ids=lambda v: getattr(v, "name", "")
)
def test_each_field_has_a_column_with_the_same_limits(field, column):
    if isinstance(field, Text) and getattr(column, "max_length", None):
        assert field.max_length == column.max_length
    if isinstance(field, Amount):
        assert (field.max_digits, field.decimal_places) == (
            column.max_digits,
            column.decimal_places,
        )
    if isinstance(field, Choice) and column.choices:
        assert dict(field.choices) == dict(column.choices)
    if isinstance(field, Refs):
        assert isinstance(column, models.ManyToManyField)
    if isinstance(field, File):
        assert isinstance(column, models.FileField)
    if field.required:
        assert not column.blank


def test_a_field_of_the_description_is_in_the_form_the_api_and_the_display(plan):
    from actionplans.content import content_of, plan_with_content
    from actionplans.documents.display import display

    content = content_of(plan_with_content(plan.pk))
    editor = ActionPart(plan=plan, content=content)
    assert "funding_sources" in editor.form.fields
    assert editor.form.fields["funding_sources"].label == "Funding sources"
    assert "funding_sources" in ActionSerializer().fields
    assert set(ContentSerializer().fields) >= {"title", "instruments", "actions", "endorsement"}
    general = part_editor("general", plan=plan, content=content)
    assert list(general.form.fields) == [
        "version",
        "title",
        "language",
        "other_organisations",
        "contact_name",
        "contact_email",
        "contact_phone",
    ]
    shown = display(PLAN, content, {})
    assert shown.title == "Our plan" and shown.endorsement.has_letter is False
