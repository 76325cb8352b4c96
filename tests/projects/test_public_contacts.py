"""Contact persons are shown only with their consent (is_public), read so in the selectors."""

import pytest

from projects import selectors
from regions.models import Contact
from tests.factories import GoodPracticeFactory, OrganisationFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def _contact(is_public: bool) -> Contact:
    return Contact.objects.create(
        organisation=OrganisationFactory(),
        name="Public Person" if is_public else "Hidden Person",
        email="public@example.org" if is_public else "hidden@example.org",
        is_public=is_public,
    )


def test_a_project_with_only_private_contacts_shows_no_contact_heading(
    client, django_capture_on_commit_callbacks
):
    project = ProjectFactory()
    project.contacts.add(_contact(is_public=False))
    html = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "Hidden Person" not in html
    assert "<h2>Contact</h2>" not in html
    with django_capture_on_commit_callbacks(execute=True):  # the cached page retires
        project.contacts.add(_contact(is_public=True))
    html = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert "<h2>Contact</h2>" in html and "Public Person" in html


@pytest.mark.parametrize("is_public", [True, False])
def test_a_practice_reads_its_contact_only_if_public(client, is_public):
    contact = _contact(is_public)
    practice = GoodPracticeFactory(contact=contact)
    read = selectors.practice_detail(practice.slug).contact
    assert read == (contact if is_public else None)
    html = client.get(f"/en/good-practices/{practice.slug}/").content.decode()
    assert (contact.email in html) is is_public
