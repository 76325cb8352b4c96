"""The project permissions that pages and services ask: filing for a partnership, and
reviewing a partner's proposals."""

import pytest
from django.contrib.auth.models import AnonymousUser

from tests.factories import PartnershipFactory, UserFactory, grant

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return UserFactory(is_superuser=True, is_staff=True)


def test_coordinator_reviews_but_does_not_file_for_other_partners(
    coordinator, project, partnership
):
    assert coordinator.has_perm("projects.review_partner_work", project)
    assert coordinator.has_perm("projects.view_review_queue")
    assert not coordinator.has_perm("projects.file_for_partnership", partnership)


def test_partner_member_files_for_its_own_partnership_only(partner_member, project, partnership):
    other = PartnershipFactory(project=project)
    assert partner_member.has_perm("projects.file_for_partnership", partnership)
    assert not partner_member.has_perm("projects.file_for_partnership", other)
    assert not partner_member.has_perm("projects.review_partner_work", project)
    assert not partner_member.has_perm("projects.view_review_queue")


def test_communication_manager_does_not_review(communication_manager, project, partnership):
    assert not communication_manager.has_perm("projects.review_partner_work", project)
    assert not communication_manager.has_perm("projects.view_review_queue")
    assert not communication_manager.has_perm("projects.file_for_partnership", partnership)


def test_a_coordinator_of_another_project_has_no_say_in_this_one(project, partnership):
    elsewhere = grant(PartnershipFactory(role="lead"), "coordinator")
    assert not elsewhere.has_perm("projects.review_partner_work", project)
    assert not elsewhere.has_perm("projects.file_for_partnership", partnership)
    # They do have a review queue: their own project's.
    assert elsewhere.has_perm("projects.view_review_queue")


def test_anonymous_visitors_may_do_none_of_it(project, partnership):
    anonymous = AnonymousUser()
    assert not anonymous.has_perm("projects.review_partner_work", project)
    assert not anonymous.has_perm("projects.view_review_queue")
    assert not anonymous.has_perm("projects.file_for_partnership", partnership)


def test_superusers_may_do_everything(superuser, project, partnership):
    assert superuser.has_perm("projects.review_partner_work", project)
    assert superuser.has_perm("projects.file_for_partnership", partnership)


def test_grants_are_read_once_per_user_object(
    partner_member, project, partnership, django_assert_num_queries
):
    with django_assert_num_queries(1):
        for _ in range(20):
            partner_member.has_perm("projects.review_partner_work", project)
            partner_member.has_perm("projects.file_for_partnership", partnership)
