import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from regions.eye_ris3 import NACE_DIVISIONS, NACE_SECTIONS

NUTS_PATTERN = re.compile(r"^[A-Z]{2}[0-9A-Z]{0,3}$")
# NUTS uses its own prefixes where they differ from ISO 3166 country codes.
NUTS_TO_ISO = {"EL": "GR", "UK": "GB"}
NUTS_LEVEL_BY_LENGTH = {2: 0, 3: 1, 4: 2, 5: 3}


def nuts_country(code: str) -> str:
    prefix = code[:2]
    return NUTS_TO_ISO.get(prefix, prefix)


def nuts_level(code: str) -> int:
    return NUTS_LEVEL_BY_LENGTH[len(code)]


def validate_nuts_format(code: str) -> None:
    if not NUTS_PATTERN.match(code or ""):
        raise ValidationError(
            _(
                "“%(code)s” is not a NUTS code: two capital letters for the country, then up"
                " to three letters or digits (for example BE2, DEE0, ITC4)."
            )
            % {"code": code},
            code="nuts_format",
        )


def validate_nace_code(code: str) -> None:
    if code in NACE_SECTIONS or code in NACE_DIVISIONS:
        return
    raise ValidationError(
        _("“%(code)s” is not a NACE Rev. 2 section (A–U) or division (for example C20).")
        % {"code": code},
        code="nace_code",
    )
