"""The admin shows plans and their history, and changes neither content nor state."""

import re

import pytest
from django.urls import reverse

from tests import factories
from tests.actionplans.conftest import advance

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_user(db):
    return factories.UserFactory(is_staff=True, is_superuser=True)


def test_the_admin_shows_a_plan_with_its_steps_and_versions_read_only(
    client, admin_user, plan, partner_member, coordinator
):
    advance(plan, partner_member, coordinator, "submitted")
    client.force_login(admin_user)
    url = reverse("admin:actionplans_actionplan_change", args=[plan.pk])
    html = client.get(url).content.decode()
    assert "Draft" in html and "Submitted" in html  # the workflow step, source and target
    assert 'name="title"' not in html  # content is edited in the workspace, versioned
    assert 'name="due_on"' in html

    title = plan.title
    form = _form_data(html)  # the inlines' management forms, as the browser would send them
    form.update({"due_on": "2030-01-31", "title": "Sneaked in", "state": "approved"})
    assert client.post(url, form).status_code == 302
    plan.refresh_from_db()
    assert (plan.title, plan.state, str(plan.due_on)) == (title, "submitted", "2030-01-31")


def _form_data(html: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', html))


def test_plans_cannot_be_added_or_deleted_in_the_admin(client, admin_user, plan):
    client.force_login(admin_user)
    assert client.get(reverse("admin:actionplans_actionplan_add")).status_code == 403
    delete = reverse("admin:actionplans_actionplan_delete", args=[plan.pk])
    assert client.get(delete).status_code == 403


def test_staff_with_every_model_permission_but_no_role_see_no_plan(client, plan):
    from django.contrib.auth.models import Permission

    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename__endswith="actionplan"))
    client.force_login(staff)
    changelist = client.get(reverse("admin:actionplans_actionplan_changelist"))
    assert changelist.status_code == 403
    url = reverse("admin:actionplans_actionplan_change", args=[plan.pk])
    assert client.get(url).status_code in (302, 403)
    assert plan.title not in client.get(reverse("admin:index")).content.decode()


def test_a_coordinator_on_the_staff_sees_and_dates_only_their_projects_plans(
    client, plan, coordinator
):
    other = factories.PartnershipFactory()
    member = factories.grant(other, "partner_member")
    from actionplans import services

    foreign = services.plan_create(user=member, partnership=other, title="Not theirs")
    coordinator.is_staff = True
    coordinator.save()
    client.force_login(coordinator)
    changelist = client.get(reverse("admin:actionplans_actionplan_changelist")).content.decode()
    assert "Our plan" in changelist and "Not theirs" not in changelist
    url = reverse("admin:actionplans_actionplan_change", args=[foreign.pk])
    assert client.get(url).status_code in (302, 403, 404)
