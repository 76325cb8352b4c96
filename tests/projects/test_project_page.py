import datetime
from decimal import Decimal

import pytest

from projects.models import Phase
from tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "duration", "phase", "budget"),
    [
        ("en", "April 2016 – March 2021", "April 2019 – March 2021", "€2,200,000"),
        ("nl", "april 2016 – maart 2021", "april 2019 – maart 2021", "€\u00a02.200.000"),
        ("de", "April 2016 – März 2021", "April 2019 – März 2021", "2.200.000\u00a0€"),
    ],
)
def test_dates_and_amounts_read_as_each_language_writes_them(
    client, language, duration, phase, budget
):
    project = ProjectFactory(
        start_date=datetime.date(2016, 4, 1),
        end_date=datetime.date(2021, 3, 31),
        budget=Decimal("2200000.00"),
    )
    Phase.objects.create(
        project=project,
        kind=Phase.Kind.MONITORING,
        start_date=datetime.date(2019, 4, 1),
        end_date=datetime.date(2021, 3, 31),
    )
    html = client.get(f"/{language}/projects/{project.slug}/").content.decode()
    assert f"<dd>{duration}</dd>" in html
    assert f"<br>{phase}</li>" in html
    assert f"<dd>{budget}</dd>" in html
