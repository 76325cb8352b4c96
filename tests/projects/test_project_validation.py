import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from projects.models import Partnership, Phase, ProjectRole
from tests.factories import (
    OrganisationFactory,
    PartnershipFactory,
    RegionFactory,
    UserFactory,
    grant,
)

pytestmark = pytest.mark.django_db
D = datetime.date


def test_a_project_cannot_end_before_it_starts(project):
    project.start_date, project.end_date = D(2021, 1, 1), D(2016, 1, 1)
    with pytest.raises(ValidationError) as info:
        project.full_clean()
    assert info.value.message_dict["end_date"] == [
        "The project cannot end (2016-01-01) before it starts (2021-01-01)."
    ]


def test_phases_lie_within_the_project_and_monitoring_follows_learning(project):
    Phase.objects.create(project=project, kind=1, start_date=D(2016, 4, 1), end_date=D(2019, 3, 31))
    early = Phase(project=project, kind=2, start_date=D(2019, 1, 1), end_date=D(2021, 3, 31))
    with pytest.raises(ValidationError, match="Monitoring starts after phase 1 ends"):
        early.full_clean()
    late = Phase(project=project, kind=2, start_date=D(2019, 4, 1), end_date=D(2022, 1, 1))
    with pytest.raises(ValidationError, match="past the project's end"):
        late.full_clean()
    Phase(project=project, kind=2, start_date=D(2019, 4, 1), end_date=D(2021, 3, 31)).full_clean()


def test_a_partnership_must_represent_the_organisations_own_region(project):
    organisation = OrganisationFactory()
    foreign_region = RegionFactory()
    partnership = Partnership(
        project=project, organisation=organisation, role="partner", region=foreign_region
    )
    with pytest.raises(ValidationError) as info:
        partnership.full_clean()
    message = info.value.message_dict["region"][0]
    assert organisation.name in message
    assert "cannot represent" in message


def test_an_organisation_may_represent_the_wider_region_it_lies_in(project):
    nrw = RegionFactory(nuts_code="DEA", country="DE", type="nuts1")
    ruhr = RegionFactory(nuts_code=None, country="DE", type="metro", parent=nrw)
    organisation = OrganisationFactory(region=ruhr)
    Partnership(project=project, organisation=organisation, role="partner", region=nrw).full_clean()


def test_a_project_has_one_lead_partner(lead):
    second = PartnershipFactory.build(project=lead.project, role="lead")
    second.organisation.region.save()
    second.organisation.save()
    with pytest.raises(ValidationError, match="only one lead partner"):
        second.full_clean()
    with pytest.raises(IntegrityError):
        second.save()


def test_a_project_role_needs_a_membership_of_the_partner_organisation(partnership):
    role = ProjectRole(user=UserFactory(), partnership=partnership, role="partner_member")
    with pytest.raises(ValidationError, match="does not work for"):
        role.full_clean()


def test_coordinators_come_from_the_lead_partner(partnership, lead):
    user = grant(partnership, "partner_member")
    role = ProjectRole(user=user, partnership=partnership, role="coordinator")
    with pytest.raises(ValidationError, match="staff of the lead partner"):
        role.full_clean()
    lead_user = grant(lead, "partner_member")
    ProjectRole(user=lead_user, partnership=lead, role="coordinator").full_clean()
