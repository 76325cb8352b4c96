import pytest
from django.core.exceptions import ValidationError

from regions.models import PriorityDomain, Strategy
from tests.factories import InfrastructureFactory, RegionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def strategy():
    return Strategy.objects.create(region=RegionFactory(), title="RIS3")


def test_priorities_are_coded_as_eye_ris3_codes_them(strategy):
    priority = PriorityDomain(
        strategy=strategy,
        name="Chemistry and bioeconomy",
        economic_domains=["C20", "C"],
        scientific_domains=["1", "2"],
        policy_objectives=["sustainable"],
    )
    priority.full_clean()
    priority.save()
    assert priority.economic_domain_labels == [
        "C20 · Manufacture of chemicals and chemical products",
        "C · Manufacturing",
    ]
    assert priority.scientific_domain_labels == ["Natural sciences", "Engineering and technology"]
    assert priority.policy_objective_labels == ["Sustainable innovation"]


def test_the_region_page_shows_all_four_axes_of_a_priority(client, strategy):
    PriorityDomain.objects.create(
        strategy=strategy,
        name="Chemistry and bioeconomy",
        description="Biobased plastics from regional feedstock.",
        economic_domains=["C22"],
        scientific_domains=["2"],
        policy_objectives=["kets", "sustainable"],
    )
    html = client.get(f"/en/regions/{strategy.region.slug}/").content.decode()
    assert "Biobased plastics from regional feedstock." in html
    assert "<dd>C22 · Manufacture of rubber and plastic products</dd>" in html
    assert "<dd>Engineering and technology</dd>" in html
    assert "<dd>Key enabling technologies; Sustainable innovation</dd>" in html


def test_the_infrastructure_page_names_the_ways_in(client):
    lab = InfrastructureFactory(access_routes=["service", "open_access"])
    html = client.get(f"/en/infrastructure/{lab.slug}/").content.decode()
    assert "<li>Paid service or measurement</li><li>Open access call</li>" in html


@pytest.mark.parametrize(
    ("field", "value"),
    [("economic_domains", ["C99"]), ("scientific_domains", ["9"]), ("policy_objectives", ["x"])],
)
def test_unknown_codes_are_refused(strategy, field, value):
    priority = PriorityDomain(strategy=strategy, name="X", **{field: value})
    with pytest.raises(ValidationError) as info:
        priority.full_clean()
    assert field in info.value.message_dict


def test_a_strategy_cannot_end_before_it_starts(strategy):
    strategy.period_start, strategy.period_end = 2020, 2014
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        strategy.full_clean()
