"""The codes the EU's Eye@RIS3 database uses to describe smart-specialisation priorities.

A priority is coded on three axes: the economic domains it concerns (NACE Rev. 2), the
scientific domains it draws on (the OECD Fields of Science), and the EU policy objectives it
serves. Keeping the code lists here lets forms, the API and imports validate the same way.
"""

from django.utils.translation import gettext_lazy as _

NACE_SECTIONS = {
    "A": _("Agriculture, forestry and fishing"),
    "B": _("Mining and quarrying"),
    "C": _("Manufacturing"),
    "D": _("Electricity, gas, steam and air conditioning supply"),
    "E": _("Water supply; sewerage, waste management and remediation"),
    "F": _("Construction"),
    "G": _("Wholesale and retail trade; repair of motor vehicles"),
    "H": _("Transportation and storage"),
    "I": _("Accommodation and food service activities"),
    "J": _("Information and communication"),
    "K": _("Financial and insurance activities"),
    "L": _("Real estate activities"),
    "M": _("Professional, scientific and technical activities"),
    "N": _("Administrative and support service activities"),
    "O": _("Public administration and defence; compulsory social security"),
    "P": _("Education"),
    "Q": _("Human health and social work activities"),
    "R": _("Arts, entertainment and recreation"),
    "S": _("Other service activities"),
    "T": _("Activities of households as employers"),
    "U": _("Activities of extraterritorial organisations and bodies"),
}

# NACE Rev. 2 divisions (two digits) grouped by the section they belong to.
_DIVISION_RANGES = {
    "A": (1, 3),
    "B": (5, 9),
    "C": (10, 33),
    "D": (35, 35),
    "E": (36, 39),
    "F": (41, 43),
    "G": (45, 47),
    "H": (49, 53),
    "I": (55, 56),
    "J": (58, 63),
    "K": (64, 66),
    "L": (68, 68),
    "M": (69, 75),
    "N": (77, 82),
    "O": (84, 84),
    "P": (85, 85),
    "Q": (86, 88),
    "R": (90, 93),
    "S": (94, 96),
    "T": (97, 98),
    "U": (99, 99),
}
NACE_DIVISIONS = {
    f"{section}{number:02d}": section
    for section, (first, last) in _DIVISION_RANGES.items()
    for number in range(first, last + 1)
}

SCIENTIFIC_DOMAINS = [
    ("1", _("Natural sciences")),
    ("2", _("Engineering and technology")),
    ("3", _("Medical and health sciences")),
    ("4", _("Agricultural sciences")),
    ("5", _("Social sciences")),
    ("6", _("Humanities and the arts")),
]

POLICY_OBJECTIVES = [
    ("kets", _("Key enabling technologies")),
    ("digital", _("Digital transformation")),
    ("sustainable", _("Sustainable innovation")),
    ("health", _("Public health and security")),
    ("inclusive", _("Inclusive society")),
    ("blue", _("Blue growth")),
    ("creative", _("Cultural and creative industries")),
    ("service", _("Service innovation")),
    ("social", _("Social innovation")),
]


def nace_label(code: str) -> str:
    """'C20' -> 'C20 · Manufacturing'; a bare section letter gives the section's name."""
    section = code[0]
    name = NACE_SECTIONS.get(section, "")
    return f"{code} · {name}" if len(code) > 1 else str(name)
