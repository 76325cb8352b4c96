"""Every text of a plan and of a progress report has a length it may not pass, declared
once in the content description: the editor, the API and the services refuse more, and
nothing of it reaches a stored version."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actionplans import services
from actionplans.content import PLAN, content_of, plan_with_content
from actionplans.documents.fields import Text
from actionplans.documents.shape import Rows
from actionplans.models import PlanVersion, ReportVersion
from actionplans.monitoring import services as reporting
from actionplans.monitoring.content import REPORT
from tests.actionplans.conftest import complete, report_content
from tests.actionplans.test_api import _url, api

pytestmark = pytest.mark.django_db

MEGABYTE = "x" * 1_000_000


def _texts(fields, place=""):
    for f in fields:
        if isinstance(f, Rows):
            yield from _texts(f.fields, f"{place}{f.name}.")
        elif isinstance(f, Text):
            yield f"{place}{f.name}", f


@pytest.mark.parametrize("shape", [PLAN, REPORT], ids=["plan", "report"])
def test_every_text_field_of_a_description_has_a_limit(shape):
    unlimited = [
        place
        for part in shape.parts
        for place, f in _texts(part.fields)
        if not f.fixed and not f.max_length
    ]
    assert unlimited == []


def test_a_megabyte_of_other_organisations_is_refused_by_the_service(plan, partner_member):
    with pytest.raises(ValidationError) as caught:
        services.plan_write(
            user=partner_member,
            plan=plan,
            expected_version=0,
            content=complete(plan, other_organisations=MEGABYTE),
        )
    assert list(caught.value.message_dict) == ["other_organisations"]
    assert "at most 2000 characters" in caught.value.message_dict["other_organisations"][0]
    assert not PlanVersion.objects.filter(plan=plan, number__gt=0).exists()


def test_a_megabyte_in_a_plan_text_field_is_a_400_naming_it(plan, partner_member):
    response = api(partner_member).patch(
        _url(plan), {"version": 0, "other_organisations": MEGABYTE}, format="json"
    )
    assert response.status_code == 400
    assert list(response.json()) == ["other_organisations"]
    assert "2000" in response.json()["other_organisations"][0]
    assert plan.versions.count() == 1


def test_an_overlong_rich_text_of_an_action_is_a_400_naming_its_place(plan, partner_member):
    action = {"title": "Vouchers", "background": f"<p>{'word ' * 20_000}</p>", "version": 0}
    response = api(partner_member).post(_url(plan, "actions/"), action, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["background"]
    assert plan.versions.count() == 1


def test_the_editor_refuses_an_overlong_text_on_its_field(client, plan, partner_member):
    client.force_login(partner_member)
    response = client.post(
        reverse("actionplans:edit", args=[plan.pk, "general"]),
        {"version": 0, "title": "Our plan", "language": "en", "other_organisations": MEGABYTE},
    )
    assert response.status_code == 200
    errors = response.context["part"].form.errors
    assert list(errors) == ["other_organisations"]
    assert plan.versions.count() == 1


def test_a_refused_crossed_save_does_not_keep_a_megabyte(plan, partner_member):
    services.plan_write(user=partner_member, plan=plan, expected_version=0, content=complete(plan))
    with pytest.raises(ValidationError) as caught:
        services.plan_write(
            user=partner_member,
            plan=plan,
            expected_version=0,
            content=complete(plan, other_organisations=MEGABYTE),
        )
    assert list(caught.value.message_dict) == ["other_organisations"]
    assert not plan.versions.filter(kind=PlanVersion.Kind.CONFLICT).exists()


def test_a_report_has_the_same_caps(report, partner_member):
    content = report_content(report)
    content["summary"] = f"<p>{MEGABYTE}</p>"
    content["actions"][0]["narrative"] = f"<p>{MEGABYTE}</p>"
    with pytest.raises(ValidationError) as caught:
        reporting.report_write(
            user=partner_member, report=report, expected_version=0, content=content
        )
    assert set(caught.value.message_dict) == {"summary", "actions.0.narrative"}
    assert not ReportVersion.objects.filter(report=report, number__gt=0).exists()


def test_a_report_text_over_its_cap_is_a_400_in_the_api(report, partner_member):
    response = api(partner_member).patch(
        f"/api/v1/workspace/reports/{report.pk}/",
        {"version": 0, "summary": f"<p>{MEGABYTE}</p>"},
        format="json",
    )
    assert response.status_code == 400
    assert list(response.json()) == ["summary"]


def test_content_within_the_caps_is_saved(plan, partner_member):
    saved = services.plan_write(
        user=partner_member,
        plan=plan,
        expected_version=0,
        content=complete(plan, other_organisations="o" * 2000),
    )
    assert content_of(plan_with_content(saved.pk))["other_organisations"] == "o" * 2000
