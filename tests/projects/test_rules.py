"""The permission predicates, asked as pages, the API and the admin ask them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import PartnershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def test_coordinator_reviews_and_publishes_but_does_not_file_for_other_partners(
    coordinator, project, partnership, lead
):
    assert coordinator.has_perm("projects.change_project", project)
    assert coordinator.has_perm("projects.review_partner_work", project)
    assert coordinator.has_perm("projects.publish_communication", project)
    assert coordinator.has_perm("projects.view_workspace", project)
    assert not coordinator.has_perm("projects.file_for_partnership", partnership)


def test_partner_member_files_for_its_own_partnership_only(partner_member, project, partnership):
    other = PartnershipFactory(project=project)
    assert partner_member.has_perm("projects.file_for_partnership", partnership)
    assert not partner_member.has_perm("projects.file_for_partnership", other)
    assert partner_member.has_perm("projects.view_workspace", project)
    assert not partner_member.has_perm("projects.review_partner_work", project)
    assert not partner_member.has_perm("projects.change_project", project)
    assert not partner_member.has_perm("projects.publish_communication", project)


def test_communication_manager_publishes_but_does_not_review(communication_manager, project):
    assert communication_manager.has_perm("projects.publish_communication", project)
    assert not communication_manager.has_perm("projects.review_partner_work", project)


def test_an_outsider_has_no_say_in_someone_elses_project(outsider, project, partnership):
    for perm in (
        "projects.change_project",
        "projects.view_workspace",
        "projects.review_partner_work",
        "projects.publish_communication",
    ):
        assert not outsider.has_perm(perm, project), perm
    assert not outsider.has_perm("projects.file_for_partnership", partnership)
    assert outsider.has_perm("projects.view_project", project)


def test_anonymous_visitors_only_view(project, partnership):
    anonymous = AnonymousUser()
    assert anonymous.has_perm("projects.view_project", project)
    assert not anonymous.has_perm("projects.view_workspace", project)
    assert not anonymous.has_perm("projects.file_for_partnership", partnership)


def test_superusers_may_do_everything(superuser, project, partnership):
    assert superuser.has_perm("projects.change_project", project)
    assert superuser.has_perm("projects.file_for_partnership", partnership)


def test_roles_on_events_follow_the_events_project(
    coordinator, communication_manager, partner_member, project
):
    from tests.factories import EventFactory

    event = EventFactory(project=project)
    assert communication_manager.has_perm("events.change_event", event)
    assert coordinator.has_perm("events.change_event", event)
    assert not partner_member.has_perm("events.change_event", event)
    assert not communication_manager.has_perm("events.change_event", EventFactory())


def test_organisation_staff_edit_their_own_profile(partner_member, partnership, lead):
    assert partner_member.has_perm("regions.change_organisation", partnership.organisation)
    assert not partner_member.has_perm("regions.change_organisation", lead.organisation)


def test_grants_are_read_once_per_user_object(
    partner_member, project, partnership, django_assert_num_queries
):
    with django_assert_num_queries(1):
        for _ in range(20):
            partner_member.has_perm("projects.view_workspace", project)
            partner_member.has_perm("projects.file_for_partnership", partnership)
