from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from regions.models import Region
from tests.factories import RegionFactory

pytestmark = pytest.mark.django_db


def _errors(region) -> dict:
    with pytest.raises(ValidationError) as info:
        region.full_clean()
    return info.value.message_dict


def test_a_well_formed_nuts_2_region_is_valid():
    Region(
        name="Lombardy", slug="lombardy", nuts_code="ITC4", country="IT", type="nuts2"
    ).full_clean()


@pytest.mark.parametrize("code", ["itc4", "I", "IT-C4", "ITC4XX", "1TC4"])
def test_a_malformed_nuts_code_is_refused_and_the_message_shows_the_expected_shape(code):
    region = Region(name="X", slug="x", nuts_code=code, country="IT", type="nuts2")
    assert (
        f"“{code}” is not a NUTS code: two capital letters for the country, then up to three"
        " letters or digits (for example BE2, DEE0, ITC4)."
    ) in _errors(region)["nuts_code"]


def test_the_code_length_must_match_the_level():
    region = Region(name="Lombardy", slug="lombardy", nuts_code="ITC", country="IT", type="nuts2")
    assert _errors(region)["nuts_code"] == [
        "ITC is a NUTS 1 code, but the region is of type NUTS 2 region."
    ]


def test_the_code_must_belong_to_the_country():
    region = Region(name="Lombardy", slug="lombardy", nuts_code="ITC4", country="DE", type="nuts2")
    assert "belongs to country IT, not DE" in _errors(region)["nuts_code"][0]


def test_greece_uses_el_in_nuts_and_gr_in_iso():
    Region(name="Attica", slug="attica", nuts_code="EL30", country="GR", type="nuts2").full_clean()


def test_a_nuts_region_needs_a_code_and_a_metropolitan_area_has_none():
    assert (
        "needs its NUTS code"
        in _errors(Region(name="X", slug="x", country="DE", type="nuts1"))["nuts_code"][0]
    )
    metro = Region(name="Ruhr", slug="ruhr", nuts_code="DEA", country="DE", type="metro")
    assert "no NUTS code of its own" in _errors(metro)["nuts_code"][0]


def test_nuts_codes_are_unique():
    RegionFactory(nuts_code="ITC4", country="IT", type="nuts2")
    region = Region(name="Again", slug="again", nuts_code="ITC4", country="IT", type="nuts2")
    assert "already exists" in _errors(region)["nuts_code"][0]


def test_a_child_must_lie_within_its_parent():
    parent = RegionFactory(nuts_code="DEA", country="DE", type="nuts1")
    child = Region(
        name="Saxony-Anhalt",
        slug="sa",
        nuts_code="DEE0",
        country="DE",
        type="nuts2",
        parent=parent,
    )
    assert "does not lie within" in _errors(child)["parent"][0]


def test_a_location_outside_the_globe_is_refused():
    region = Region(
        name="X",
        slug="x",
        nuts_code="ITC4",
        country="IT",
        type="nuts2",
        latitude=Decimal("91"),
        longitude=Decimal("9"),
    )
    assert "latitude" in _errors(region)


def test_containment_follows_the_parent_chain():
    nrw = RegionFactory(nuts_code="DEA", country="DE", type="nuts1")
    ruhr = RegionFactory(nuts_code=None, country="DE", type="metro", parent=nrw)
    elsewhere = RegionFactory()
    assert nrw.contains(ruhr)
    assert not ruhr.contains(nrw)
    assert not nrw.contains(elsewhere)
