"""The codes the EU's Eye@RIS3 database uses to describe smart-specialisation priorities.

A priority is coded on three axes: the economic domains it concerns (NACE Rev. 2), the
scientific domains it draws on (the OECD Fields of Science), and the EU policy objectives it
serves; a free-text description says the rest. Keeping the code lists here lets forms, the
API and imports validate the same way.
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

# NACE Rev. 2 divisions, coded as Eye@RIS3 does: the section letter and two digits.
NACE_DIVISIONS = {
    "A01": _("Crop and animal production, hunting and related service activities"),
    "A02": _("Forestry and logging"),
    "A03": _("Fishing and aquaculture"),
    "B05": _("Mining of coal and lignite"),
    "B06": _("Extraction of crude petroleum and natural gas"),
    "B07": _("Mining of metal ores"),
    "B08": _("Other mining and quarrying"),
    "B09": _("Mining support service activities"),
    "C10": _("Manufacture of food products"),
    "C11": _("Manufacture of beverages"),
    "C12": _("Manufacture of tobacco products"),
    "C13": _("Manufacture of textiles"),
    "C14": _("Manufacture of wearing apparel"),
    "C15": _("Manufacture of leather and related products"),
    "C16": _("Manufacture of wood and of products of wood and cork, except furniture"),
    "C17": _("Manufacture of paper and paper products"),
    "C18": _("Printing and reproduction of recorded media"),
    "C19": _("Manufacture of coke and refined petroleum products"),
    "C20": _("Manufacture of chemicals and chemical products"),
    "C21": _("Manufacture of basic pharmaceutical products and pharmaceutical preparations"),
    "C22": _("Manufacture of rubber and plastic products"),
    "C23": _("Manufacture of other non-metallic mineral products"),
    "C24": _("Manufacture of basic metals"),
    "C25": _("Manufacture of fabricated metal products, except machinery and equipment"),
    "C26": _("Manufacture of computer, electronic and optical products"),
    "C27": _("Manufacture of electrical equipment"),
    "C28": _("Manufacture of machinery and equipment n.e.c."),
    "C29": _("Manufacture of motor vehicles, trailers and semi-trailers"),
    "C30": _("Manufacture of other transport equipment"),
    "C31": _("Manufacture of furniture"),
    "C32": _("Other manufacturing"),
    "C33": _("Repair and installation of machinery and equipment"),
    "D35": _("Electricity, gas, steam and air conditioning supply"),
    "E36": _("Water collection, treatment and supply"),
    "E37": _("Sewerage"),
    "E38": _("Waste collection, treatment and disposal activities; materials recovery"),
    "E39": _("Remediation activities and other waste management services"),
    "F41": _("Construction of buildings"),
    "F42": _("Civil engineering"),
    "F43": _("Specialised construction activities"),
    "G45": _("Wholesale and retail trade and repair of motor vehicles and motorcycles"),
    "G46": _("Wholesale trade, except of motor vehicles and motorcycles"),
    "G47": _("Retail trade, except of motor vehicles and motorcycles"),
    "H49": _("Land transport and transport via pipelines"),
    "H50": _("Water transport"),
    "H51": _("Air transport"),
    "H52": _("Warehousing and support activities for transportation"),
    "H53": _("Postal and courier activities"),
    "I55": _("Accommodation"),
    "I56": _("Food and beverage service activities"),
    "J58": _("Publishing activities"),
    "J59": _(
        "Motion picture, video and television programme production, sound recording and"
        " music publishing activities"
    ),
    "J60": _("Programming and broadcasting activities"),
    "J61": _("Telecommunications"),
    "J62": _("Computer programming, consultancy and related activities"),
    "J63": _("Information service activities"),
    "K64": _("Financial service activities, except insurance and pension funding"),
    "K65": _("Insurance, reinsurance and pension funding, except compulsory social security"),
    "K66": _("Activities auxiliary to financial services and insurance activities"),
    "L68": _("Real estate activities"),
    "M69": _("Legal and accounting activities"),
    "M70": _("Activities of head offices; management consultancy activities"),
    "M71": _("Architectural and engineering activities; technical testing and analysis"),
    "M72": _("Scientific research and development"),
    "M73": _("Advertising and market research"),
    "M74": _("Other professional, scientific and technical activities"),
    "M75": _("Veterinary activities"),
    "N77": _("Rental and leasing activities"),
    "N78": _("Employment activities"),
    "N79": _("Travel agency, tour operator and other reservation service and related activities"),
    "N80": _("Security and investigation activities"),
    "N81": _("Services to buildings and landscape activities"),
    "N82": _("Office administrative, office support and other business support activities"),
    "O84": _("Public administration and defence; compulsory social security"),
    "P85": _("Education"),
    "Q86": _("Human health activities"),
    "Q87": _("Residential care activities"),
    "Q88": _("Social work activities without accommodation"),
    "R90": _("Creative, arts and entertainment activities"),
    "R91": _("Libraries, archives, museums and other cultural activities"),
    "R92": _("Gambling and betting activities"),
    "R93": _("Sports activities and amusement and recreation activities"),
    "S94": _("Activities of membership organisations"),
    "S95": _("Repair of computers and personal and household goods"),
    "S96": _("Other personal service activities"),
    "T97": _("Activities of households as employers of domestic personnel"),
    "T98": _(
        "Undifferentiated goods- and services-producing activities of private households"
        " for own use"
    ),
    "U99": _("Activities of extraterritorial organisations and bodies"),
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
    """The code with its name: 'C20 · Manufacture of chemicals and chemical products'.

    A division is named itself, not by its section: 'C20' is chemicals, not manufacturing.
    """
    name = NACE_DIVISIONS.get(code) or NACE_SECTIONS.get(code) or ""
    return f"{code} · {name}" if name else code
