import pytest
from django.core.exceptions import ValidationError

from regions.models import PriorityDomain, Strategy
from tests.factories import RegionFactory

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
    assert priority.economic_domain_labels == ["C20 · Manufacturing", "Manufacturing"]


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
