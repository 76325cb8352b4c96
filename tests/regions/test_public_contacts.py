import pytest

from regions import selectors
from regions.models import Contact
from tests.factories import InfrastructureFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("is_public", [True, False])
def test_an_infrastructure_reads_its_contact_only_if_public(client, is_public):
    lab = InfrastructureFactory()
    lab.contact = Contact.objects.create(
        organisation=lab.owner, name="Lab Manager", email="lab@example.org", is_public=is_public
    )
    lab.save()
    assert (selectors.infrastructure_detail(lab.slug).contact is not None) is is_public
    html = client.get(f"/en/infrastructure/{lab.slug}/").content.decode()
    assert ("lab@example.org" in html) is is_public
