"""The network's facts, in the portal's own words, in English and Dutch.

The facts come from the five seed articles in shared/seeds/. Where the foundation issue
asked for a fact they leave open, it comes from the projects' and partners' own public
pages, and the README ("Decisions worth knowing") lists each such fact with its source.
What neither gives is left out; a date the sources give only roughly is stored with that
precision (Event.date_precision, the first day of the period it names). What the demo adds
for illustration is marked as demo content where the reader sees it: the placeholder
documents and the Eye@RIS3 coding of the Saxony-Anhalt priority.
"""

from datetime import date

# Translated text is given as {"en": ..., "nl": ...}; German falls back to English.

THEMES = [
    (
        "sustainable-chemistry",
        {
            "en": "Sustainable chemistry and biobased economy",
            "nl": "Duurzame chemie en biogebaseerde economie",
        },
    ),
    (
        "high-tech-systems-materials",
        {"en": "High-tech systems and materials", "nl": "Hightech systemen en materialen"},
    ),
    (
        "life-sciences-health",
        {"en": "Life sciences and health", "nl": "Levenswetenschappen en gezondheid"},
    ),
    ("transport-logistics", {"en": "Transport and logistics", "nl": "Transport en logistiek"}),
    (
        "ri-infrastructure",
        {
            "en": "Research and innovation infrastructure",
            "nl": "Onderzoeks- en innovatie-infrastructuur",
        },
    ),
    ("smart-specialisation", {"en": "Smart specialisation", "nl": "Slimme specialisatie"}),
    ("clusters", {"en": "Clusters", "nl": "Clusters"}),
    (
        "personalised-medicine",
        {"en": "Personalised medicine", "nl": "Gepersonaliseerde geneeskunde"},
    ),
    ("photonics", {"en": "Photonics", "nl": "Fotonica"}),
    ("hydrogen", {"en": "Hydrogen technology", "nl": "Waterstoftechnologie"}),
    (
        "artificial-intelligence",
        {"en": "Artificial intelligence", "nl": "Artificiële intelligentie"},
    ),
]

# slug, NUTS code, country, type, parent slug, {name}, latitude, longitude
REGIONS = [
    (
        "netherlands",
        "NL",
        "NL",
        "nuts0",
        None,
        {"en": "Netherlands", "nl": "Nederland"},
        "52.13263",
        "5.29127",
    ),
    (
        "flanders",
        "BE2",
        "BE",
        "nuts1",
        None,
        {"en": "Flanders", "nl": "Vlaanderen"},
        "51.01000",
        "4.30000",
    ),
    (
        "brussels",
        "BE10",
        "BE",
        "nuts2",
        None,
        {"en": "Brussels-Capital Region", "nl": "Brussels Hoofdstedelijk Gewest"},
        "50.85034",
        "4.35171",
    ),
    (
        "wallonia",
        "BE3",
        "BE",
        "nuts1",
        None,
        {"en": "Wallonia", "nl": "Wallonië"},
        "50.41700",
        "4.83300",
    ),
    (
        "saxony-anhalt",
        "DEE0",
        "DE",
        "nuts2",
        None,
        {"en": "Saxony-Anhalt", "nl": "Saksen-Anhalt"},
        "51.95026",
        "11.69227",
    ),
    (
        "north-rhine-westphalia",
        "DEA",
        "DE",
        "nuts1",
        None,
        {"en": "North Rhine-Westphalia", "nl": "Noordrijn-Westfalen"},
        "51.43324",
        "7.66159",
    ),
    (
        "metropole-ruhr",
        None,
        "DE",
        "metro",
        "north-rhine-westphalia",
        {"en": "Metropole Ruhr", "nl": "Metropool Ruhrgebied"},
        "51.45657",
        "7.01228",
    ),
    (
        "chemnitz",
        "DED4",
        "DE",
        "nuts2",
        None,
        {"en": "Chemnitz", "nl": "Chemnitz"},
        "50.82785",
        "12.92137",
    ),
    (
        "lombardy",
        "ITC4",
        "IT",
        "nuts2",
        None,
        {"en": "Lombardy", "nl": "Lombardije"},
        "45.47907",
        "9.84525",
    ),
    (
        "emilia-romagna",
        "ITH5",
        "IT",
        "nuts2",
        None,
        {"en": "Emilia-Romagna", "nl": "Emilia-Romagna"},
        "44.49488",
        "11.34262",
    ),
    (
        "catalonia",
        "ES51",
        "ES",
        "nuts2",
        None,
        {"en": "Catalonia", "nl": "Catalonië"},
        "41.59116",
        "1.52086",
    ),
    (
        "asturias",
        "ES12",
        "ES",
        "nuts2",
        None,
        {"en": "Principality of Asturias", "nl": "Asturië"},
        "43.36140",
        "-5.84938",
    ),
    (
        "limburg-nl",
        "NL42",
        "NL",
        "nuts2",
        "netherlands",
        {"en": "Limburg (NL)", "nl": "Limburg"},
        "51.20000",
        "5.93333",
    ),
    (
        "noord-brabant",
        "NL41",
        "NL",
        "nuts2",
        "netherlands",
        {"en": "North Brabant", "nl": "Noord-Brabant"},
        "51.56667",
        "5.06667",
    ),
    (
        "mazovia",
        "PL9",
        "PL",
        "nuts1",
        None,
        {"en": "Mazovia", "nl": "Mazovië"},
        "52.22977",
        "21.01178",
    ),
    (
        "southeast-czechia",
        "CZ06",
        "CZ",
        "nuts2",
        None,
        {"en": "Southeast (Jihovýchod)", "nl": "Zuidoost (Jihovýchod)"},
        "49.19506",
        "16.60684",
    ),
    (
        "estonia",
        "EE00",
        "EE",
        "nuts2",
        None,
        {"en": "Estonia", "nl": "Estland"},
        "58.37798",
        "26.72903",
    ),
    (
        "vidzeme",
        "LV008",
        "LV",
        "nuts3",
        None,
        {"en": "Vidzeme", "nl": "Vidzeme"},
        "57.31250",
        "25.27160",
    ),
    ("skane", "SE224", "SE", "nuts3", None, {"en": "Skåne", "nl": "Skåne"}, "55.60498", "13.00382"),
]

REGION_SUMMARIES = {
    "saxony-anhalt": {
        "en": "German state whose Regional Innovation Strategy names chemistry and the "
        "bioeconomy a lead market. Its economy ministry leads the S3Chem project.",
        "nl": "Duitse deelstaat waarvan de regionale innovatiestrategie chemie en bio-economie "
        "als leidende markt aanwijst. Het ministerie van Economie leidt het project S3Chem.",
    },
    "metropole-ruhr": {
        "en": "Metropolitan area of the Ruhr in North Rhine-Westphalia. Business Metropole Ruhr "
        "and the municipalities drew up one of the first smart-specialisation strategies "
        "in Europe to start at sub-regional and local level.",
        "nl": "Grootstedelijk gebied van het Ruhrgebied in Noordrijn-Westfalen. Business "
        "Metropole Ruhr en de gemeenten stelden een van de eerste strategieën voor slimme "
        "specialisatie in Europa op die vertrekt van het subregionale en lokale niveau.",
    },
    "flanders": {
        "en": "Flemish Region of Belgium, partner of the Netherlands in a cooperation on "
        "economy, science and innovation since 2004.",
        "nl": "Vlaams Gewest, sinds 2004 partner van Nederland in een samenwerking op het vlak "
        "van economie, wetenschap en innovatie.",
    },
    "lombardy": {
        "en": "Italian region whose 2016 law on research and innovation was shared in S3Chem as "
        "a good practice of innovative governance.",
        "nl": "Italiaanse regio waarvan de wet op onderzoek en innovatie uit 2016 in S3Chem als "
        "goede praktijk van innovatief bestuur werd gedeeld.",
    },
}

# slug, {name}, acronym, type, region slug, city, website, latitude, longitude
ORGANISATIONS = [
    (
        "mw-saxony-anhalt",
        {
            "en": "Ministry of Economy, Science and Digitalisation of Saxony-Anhalt",
            "nl": "Ministerie van Economie, Wetenschap en Digitalisering van Saksen-Anhalt",
        },
        "MW",
        "public_authority",
        "saxony-anhalt",
        "Magdeburg",
        "https://mw.sachsen-anhalt.de",
        "52.12773",
        "11.62916",
    ),
    (
        "isw",
        {
            "en": "isw Institute for Structural Policy and Economic Development",
            "nl": "isw Instituut voor Structuurbeleid en Economische Ontwikkeling",
        },
        "isw",
        "rto",
        "saxony-anhalt",
        "Halle (Saale)",
        "",
        "51.48158",
        "11.97947",
    ),
    (
        "regione-lombardia",
        {"en": "Lombardy Region", "nl": "Regio Lombardije"},
        "",
        "public_authority",
        "lombardy",
        "Milan",
        "https://www.regione.lombardia.it",
        "45.48449",
        "9.19500",
    ),
    (
        "accio",
        {
            "en": "ACCIÓ – Catalan agency for business competitiveness",
            "nl": "ACCIÓ – Catalaans agentschap voor concurrentievermogen van bedrijven",
        },
        "ACCIÓ",
        "development_agency",
        "catalonia",
        "Barcelona",
        "https://www.accio.gencat.cat",
        "41.38879",
        "2.15899",
    ),
    (
        "idepa",
        {
            "en": "IDEPA – Economic Development Institute of the Principality of Asturias",
            "nl": "IDEPA – Instituut voor Economische Ontwikkeling van Asturië",
        },
        "IDEPA",
        "development_agency",
        "asturias",
        "",
        "https://www.idepa.es",
        None,
        None,
    ),
    (
        "provincie-limburg",
        {"en": "Province of Limburg", "nl": "Provincie Limburg"},
        "",
        "public_authority",
        "limburg-nl",
        "Maastricht",
        "https://www.limburg.nl",
        "50.85138",
        "5.69097",
    ),
    (
        "mazovia-marshal-office",
        {
            "en": "Marshal's Office of the Mazowieckie Voivodeship",
            "nl": "Bureau van de maarschalk van het woiwodschap Mazovië",
        },
        "",
        "public_authority",
        "mazovia",
        "Warsaw",
        "",
        "52.22977",
        "21.01178",
    ),
    (
        "spw",
        {"en": "Walloon Public Service", "nl": "Waalse Overheidsdienst"},
        "SPW",
        "public_authority",
        "wallonia",
        "",
        "https://www.wallonie.be",
        None,
        None,
    ),
    (
        "flemish-government-ewi",
        {
            "en": "Flemish Government – Department of Economy, Science and Innovation",
            "nl": "Vlaamse overheid – Departement Economie, Wetenschap en Innovatie",
        },
        "EWI",
        "public_authority",
        "flanders",
        "Brussels",
        "",
        "50.85034",
        "4.35171",
    ),
    (
        "business-metropole-ruhr",
        {"en": "Business Metropole Ruhr", "nl": "Business Metropole Ruhr"},
        "BMR",
        "development_agency",
        "metropole-ruhr",
        "Essen",
        "https://www.business.ruhr",
        "51.45657",
        "7.01228",
    ),
    (
        "flanders-make",
        {"en": "Flanders Make", "nl": "Flanders Make"},
        "",
        "rto",
        "flanders",
        "Lommel",
        "https://www.flandersmake.be",
        "51.23000",
        "5.31333",
    ),
    (
        "brainport-development",
        {"en": "Brainport Development", "nl": "Brainport Development"},
        "",
        "development_agency",
        "noord-brabant",
        "Eindhoven",
        "https://brainporteindhoven.com",
        "51.44164",
        "5.46972",
    ),
    (
        "imec",
        {"en": "imec", "nl": "imec"},
        "",
        "rto",
        "flanders",
        "Leuven",
        "https://www.imec-int.com",
        "50.86330",
        "4.67570",
    ),
    (
        "aster",
        {"en": "ASTER consortium", "nl": "ASTER-consortium"},
        "ASTER",
        "development_agency",
        "emilia-romagna",
        "Bologna",
        "",
        "44.49488",
        "11.34262",
    ),
    (
        "brno-university-of-technology",
        {"en": "Brno University of Technology", "nl": "Technische Universiteit Brno"},
        "BUT",
        "university",
        "southeast-czechia",
        "Brno",
        "https://www.vut.cz",
        "49.19506",
        "16.60684",
    ),
    (
        "tartu-city-government",
        {"en": "Tartu City Government", "nl": "Stadsbestuur van Tartu"},
        "",
        "public_authority",
        "estonia",
        "Tartu",
        "https://www.tartu.ee",
        "58.37798",
        "26.72903",
    ),
    (
        "tu-chemnitz",
        {"en": "Chemnitz University of Technology", "nl": "Technische Universiteit Chemnitz"},
        "TUC",
        "university",
        "chemnitz",
        "Chemnitz",
        "https://www.tu-chemnitz.de",
        "50.81362",
        "12.92954",
    ),
    (
        "vidzeme-planning-region",
        {"en": "Vidzeme Planning Region", "nl": "Planningsregio Vidzeme"},
        "",
        "public_authority",
        "vidzeme",
        "",
        "",
        None,
        None,
    ),
    (
        "region-skane",
        {"en": "Region Skåne", "nl": "Regio Skåne"},
        "",
        "public_authority",
        "skane",
        "",
        "https://www.skane.se",
        None,
        None,
    ),
    (
        "dg-regio",
        {
            "en": "European Commission – DG Regional and Urban Policy",
            "nl": "Europese Commissie – DG Regionaal en Stedelijk Beleid",
        },
        "DG REGIO",
        "public_authority",
        "brussels",
        "Brussels",
        "",
        "50.84361",
        "4.38250",
    ),
    (
        "dg-grow",
        {
            "en": "European Commission – DG Internal Market, Industry, Entrepreneurship and SMEs",
            "nl": "Europese Commissie – DG Interne Markt, Industrie, Ondernemerschap en mkb",
        },
        "DG GROW",
        "public_authority",
        "brussels",
        "Brussels",
        "",
        "50.84361",
        "4.38250",
    ),
    (
        "ecrn",
        {"en": "European Chemical Regions Network", "nl": "European Chemical Regions Network"},
        "ECRN",
        "network",
        "brussels",
        "Brussels",
        "https://ecrn.net",
        None,
        None,
    ),
    (
        "vanguard-initiative",
        {"en": "Vanguard Initiative", "nl": "Vanguard Initiatief"},
        "",
        "network",
        "brussels",
        "Brussels",
        "",
        None,
        None,
    ),
]

ORGANISATION_SUMMARIES = {
    "flanders-make": {
        "en": "Strategic research centre for the manufacturing industry; it carries out INNO "
        "INFRA SHARE in Belgium.",
        "nl": "Strategisch onderzoekscentrum voor de maakindustrie; voert INNO INFRA SHARE uit "
        "in België.",
    },
    "business-metropole-ruhr": {
        "en": "Economic development agency of the Ruhr; it initiated the Metropole Ruhr's "
        "smart-specialisation strategy together with the municipalities.",
        "nl": "Agentschap voor economische ontwikkeling van het Ruhrgebied; nam samen met de "
        "gemeenten het initiatief voor de strategie voor slimme specialisatie.",
    },
    "vanguard-initiative": {
        "en": "Political initiative of 28 regions renewing manufacturing through interregional "
        "cooperation between their smart specialisations and clusters.",
        "nl": "Politiek initiatief van 28 regio's dat de maakindustrie vernieuwt via "
        "interregionale samenwerking tussen hun slimme specialisaties en clusters.",
    },
}

# key, organisation slug, name, {job title}, {department}, email, phone
CONTACTS = [
    (
        "mangelsdorf",
        "mw-saxony-anhalt",
        "André Mangelsdorf",
        {"en": "Project coordinator S3Chem", "nl": "Projectcoördinator S3Chem"},
        {},
        "andre.mangelsdorf@mw.sachsen-anhalt.de",
        "",
    ),
    (
        "geyer",
        "mw-saxony-anhalt",
        "Claudia Geyer",
        {"en": "Communication manager S3Chem", "nl": "Communicatiemanager S3Chem"},
        {},
        "claudia.geyer@mw.sachsen-anhalt.de",
        "",
    ),
    (
        "dewallef",
        "flemish-government-ewi",
        "Erwin Dewallef",
        {"en": "Adviser", "nl": "Adviseur"},
        {"en": "Strategy and Coordination Division", "nl": "Afdeling Strategie en Coördinatie"},
        "",
        "+32 472 72 40 48",
    ),
    (
        "domanski",
        "business-metropole-ruhr",
        "Dmitri Domanski",
        {"en": "Project leader, growth markets", "nl": "Projectleider groeimarkten"},
        {},
        "domanski@business.ruhr",
        "+49 201 632488-40",
    ),
]

REGION_CONTACTS = {"metropole-ruhr": ["domanski"], "flanders": ["dewallef"]}

PROGRAMMES = [
    (
        "interreg-europe-2014-2020",
        {"en": "Interreg Europe 2014-2020", "nl": "Interreg Europa 2014-2020"},
        2014,
        2020,
        "https://www.interregeurope.eu",
    ),
]

PROJECTS = [
    {
        "slug": "s3chem",
        "acronym": "S3Chem",
        "title": {
            "en": "Smart Chemistry Specialisation Strategy",
            "nl": "Slimme specialisatiestrategie voor chemie",
        },
        "programme": "interreg-europe-2014-2020",
        "start_date": date(2016, 4, 1),
        "end_date": date(2021, 3, 31),
        "budget": "2200000.00",
        "website": "https://projects2014-2020.interregeurope.eu/s3chem/",
        "summary": {
            "en": "Seven European chemical regions learn from each other how to put their "
            "Regional Innovation Strategies into practice for chemistry and the "
            "bioeconomy. Each region writes an action plan to give companies better "
            "access to innovation funding; phase 2 monitors the plans from April 2019 to "
            "March 2021.",
            "nl": "Zeven Europese chemieregio's leren van elkaar hoe ze hun regionale "
            "innovatiestrategie voor chemie en bio-economie in de praktijk brengen. Elke "
            "regio schrijft een actieplan om bedrijven vlotter toegang te geven tot "
            "innovatiefinanciering; fase 2 volgt de plannen op van april 2019 tot en met "
            "maart 2021.",
        },
        "themes": ["sustainable-chemistry", "smart-specialisation"],
        "contacts": ["mangelsdorf", "geyer"],
        "phases": [
            (1, date(2016, 4, 1), date(2019, 3, 31)),
            (2, date(2019, 4, 1), date(2021, 3, 31)),
        ],
        # organisation slug, role, region slug
        "partners": [
            ("mw-saxony-anhalt", "lead", "saxony-anhalt"),
            ("isw", "partner", "saxony-anhalt"),
            ("regione-lombardia", "partner", "lombardy"),
            ("accio", "partner", "catalonia"),
            ("idepa", "partner", "asturias"),
            ("provincie-limburg", "partner", "limburg-nl"),
            ("mazovia-marshal-office", "partner", "mazovia"),
            ("spw", "partner", "wallonia"),
        ],
    },
    {
        "slug": "inno-infra-share",
        "acronym": "INNO INFRA SHARE",
        "title": {
            "en": "Sharing Strategies for European Research and Innovation Infrastructures",
            "nl": "Strategieën delen voor Europese onderzoeks- en innovatie-infrastructuur",
        },
        "programme": "interreg-europe-2014-2020",
        "start_date": None,
        "end_date": None,
        "budget": None,
        "website": "https://projects2014-2020.interregeurope.eu/innoinfrashare/",
        "summary": {
            "en": "Partners from eight regions – in Belgium, Czechia, Estonia, Germany, Italy, "
            "Latvia, the Netherlands and Sweden – work to make local research and "
            "innovation infrastructure easier for SMEs to find and use. Each region first "
            "maps its infrastructure in a regional context profile; the shared learning "
            "feeds action plans that improve the policy instruments behind it.",
            "nl": "Partners uit acht regio's – in België, Duitsland, Estland, Italië, Letland, "
            "Nederland, Tsjechië en Zweden – maken lokale onderzoeks- en "
            "innovatie-infrastructuur beter vindbaar en bruikbaar voor kmo's. Elke regio "
            "brengt eerst haar infrastructuur in kaart in een regionaal contextprofiel; "
            "wat de partners samen leren, voedt actieplannen die de beleidsinstrumenten "
            "verbeteren.",
        },
        "themes": ["ri-infrastructure", "smart-specialisation"],
        "contacts": [],
        "phases": [],
        "partners": [
            ("flanders-make", "partner", "flanders"),
            ("brainport-development", "partner", "noord-brabant"),
            ("aster", "partner", "emilia-romagna"),
            ("brno-university-of-technology", "partner", "southeast-czechia"),
            ("tartu-city-government", "partner", "estonia"),
            ("tu-chemnitz", "partner", "chemnitz"),
            ("vidzeme-planning-region", "partner", "vidzeme"),
            ("region-skane", "partner", "skane"),
        ],
    },
]

EVENTS = [
    {
        "slug": "s3plat-chemicals-kick-off-2018",
        "title": {
            "en": "Kick-off of the S3 Platform on the Thematic Area Chemicals",
            "nl": "Aftrap van het S3-platform voor het thematische domein chemie",
        },
        "type": "conference",
        "project": None,
        "start": date(2018, 10, 24),
        "end": date(2018, 10, 24),
        "precision": "day",
        "city": "Brussels",
        "country": "BE",
        "region": "brussels",
        "venue": {},
        "organisers": [],
        "summary": {
            "en": "Launch of the smart-specialisation platform for chemicals: regions exchanged "
            "ideas, ambitions and opportunities to work together. Almost all S3Chem "
            "partners took part.",
            "nl": "Start van het platform voor slimme specialisatie in de chemie: regio's "
            "wisselden ideeën, ambities en samenwerkingskansen uit. Bijna alle "
            "S3Chem-partners namen deel.",
        },
        "agenda": {},
    },
    {
        "slug": "s3chem-11th-iwg-brussels-2018",
        "title": {
            "en": "S3Chem: 11th Interregional Working Group meeting",
            "nl": "S3Chem: 11e bijeenkomst van de Interregionale Werkgroep",
        },
        "type": "working_group",
        "project": "s3chem",
        "start": date(2018, 11, 22),
        "end": date(2018, 11, 22),
        "precision": "day",
        "city": "Brussels",
        "country": "BE",
        "region": "brussels",
        "venue": {
            "en": "Representation of the State of Saxony-Anhalt to the EU",
            "nl": "Vertegenwoordiging van Saksen-Anhalt bij de EU",
        },
        "organisers": ["mw-saxony-anhalt"],
        "summary": {
            "en": "Partners from all seven regions presented their first ideas for the action "
            "plans that are to improve how their Regional Innovation Strategies are put "
            "into practice, with a focus on companies' access to innovation funding. "
            "Each partner then drafts its plan before phase 1 ends.",
            "nl": "De partners uit de zeven regio's stelden hun eerste ideeën voor de "
            "actieplannen voor, die de uitvoering van hun regionale innovatiestrategie "
            "moeten verbeteren, met de nadruk op de toegang van bedrijven tot "
            "innovatiefinanciering. Elke partner werkt zijn plan uit voor het einde van "
            "fase 1.",
        },
        "agenda": {
            "en": "Morning: first ideas for the regional action plans, drawn from the analyses "
            "of stakeholder involvement, project development, funding instruments and "
            "monitoring.\n"
            "Afternoon, with guests from European institutions and initiatives:\n"
            "- Andreas Fiedler (isw): S3Chem, its results and the action plans per region\n"
            "- Lieven Top (Flemish Government): the trilateral chemistry strategy of "
            "Limburg, North Rhine-Westphalia and Flanders\n"
            "- Laurent de Mercey (European Commission, DG REGIO): interregional and "
            "cross-border cooperation in the 2021-2027 budget period\n"
            "- Thomas Wobben (European Committee of the Regions): the EU debate on future "
            "interregional cooperation\n"
            "- Mikel Iruja (Vanguard Initiative): pooling resources across regions\n"
            "- Neli Georgieva (ECRN) and Andreas Pauer (Ecorys): the S3 Platform on the "
            "Thematic Area Chemicals\n"
            "Evening: reception on “Bauhaus – Modernism – Magdeburg in the 1920s”.",
            "nl": "Ochtend: eerste ideeën voor de regionale actieplannen, op basis van de "
            "analyses van betrokkenheid van stakeholders, projectontwikkeling, "
            "financieringsinstrumenten en monitoring.\n"
            "Namiddag, met gasten van Europese instellingen en initiatieven:\n"
            "- Andreas Fiedler (isw): S3Chem, de resultaten en de actieplannen per regio\n"
            "- Lieven Top (Vlaamse overheid): de trilaterale chemiestrategie van Limburg, "
            "Noordrijn-Westfalen en Vlaanderen\n"
            "- Laurent de Mercey (Europese Commissie, DG REGIO): interregionale en "
            "grensoverschrijdende samenwerking in de periode 2021-2027\n"
            "- Thomas Wobben (Europees Comité van de Regio's): het EU-debat over "
            "toekomstige interregionale samenwerking\n"
            "- Mikel Iruja (Vanguard Initiatief): middelen bundelen over regio's heen\n"
            "- Neli Georgieva (ECRN) en Andreas Pauer (Ecorys): het S3-platform voor "
            "chemie\n"
            "Avond: receptie rond “Bauhaus – Modernisme – Maagdenburg in de jaren "
            "twintig”.",
        },
    },
    {
        "slug": "s3chem-closing-conference-halle-2019",
        "title": {
            "en": "S3Chem phase 1 closing conference",
            "nl": "S3Chem: slotconferentie van fase 1",
        },
        "type": "conference",
        "project": "s3chem",
        "start": date(2019, 2, 26),
        "end": date(2019, 2, 27),
        "precision": "day",
        "city": "Halle (Saale)",
        "country": "DE",
        "region": "saxony-anhalt",
        "venue": {},
        "organisers": ["mw-saxony-anhalt"],
        "summary": {
            "en": "Two days in Saxony-Anhalt combining the last Interregional Working Group "
            "meeting, a company visit and the third dissemination event. The partners "
            "present the results of phase 1 and their regional action plans to a wider "
            "audience; stakeholders from the chemical industry are especially welcome.",
            "nl": "Twee dagen in Saksen-Anhalt met de laatste bijeenkomst van de Interregionale "
            "Werkgroep, een bedrijfsbezoek en het derde disseminatie-evenement. De "
            "partners stellen de resultaten van fase 1 en hun regionale actieplannen "
            "voor aan een breder publiek; stakeholders uit de chemische sector zijn "
            "bijzonder welkom.",
        },
        "agenda": {
            "en": "- Last meeting of the Interregional Working Group\n- Company visit\n"
            "- Third dissemination event: results of phase 1 and the regional action "
            "plans",
            "nl": "- Laatste bijeenkomst van de Interregionale Werkgroep\n- Bedrijfsbezoek\n"
            "- Derde disseminatie-evenement: resultaten van fase 1 en de regionale "
            "actieplannen",
        },
    },
    {
        "slug": "inno-infra-share-kick-off-bologna",
        "title": {
            "en": "INNO INFRA SHARE kick-off meeting",
            "nl": "INNO INFRA SHARE: startbijeenkomst",
        },
        "type": "partner_meeting",
        "project": "inno-infra-share",
        # The seed says "this spring"; the year is the project's first (it ran 2017-2020).
        "start": date(2017, 3, 1),
        "end": date(2017, 3, 1),
        "precision": "season",
        "city": "Bologna",
        "country": "IT",
        "region": "emilia-romagna",
        "venue": {},
        "organisers": [],
        "summary": {
            "en": "At their first meeting the partners introduced their organisations and the "
            "policy instruments they address, discussed the implementation plan and "
            "agreed the next steps, starting with regional context profiles of each "
            "region's research and innovation infrastructure.",
            "nl": "Op hun eerste bijeenkomst stelden de partners hun organisaties en "
            "beleidsinstrumenten voor, bespraken ze het implementatieplan en legden ze de "
            "volgende stappen vast, te beginnen met regionale contextprofielen van de "
            "onderzoeks- en innovatie-infrastructuur.",
        },
        "agenda": {},
    },
    {
        "slug": "inno-infra-share-study-visit-be-nl-2017",
        "title": {
            "en": "INNO INFRA SHARE study visit to Belgium and the Netherlands",
            "nl": "INNO INFRA SHARE: studiebezoek aan België en Nederland",
        },
        "type": "study_visit",
        "project": "inno-infra-share",
        # The seed says "mid last month" in an undated article that also reports the spring
        # kick-off: the year is all that can be defended.
        "start": date(2017, 1, 1),
        "end": date(2017, 1, 1),
        "precision": "year",
        "city": "Ghent, Heverlee",
        "country": "BE",
        "region": "flanders",
        "venue": {},
        "organisers": ["flanders-make", "brainport-development"],
        "summary": {
            "en": "The partners' first study visit: with regional stakeholders they went to "
            "Belgium and the Netherlands to learn how research and innovation "
            "infrastructure is made available to companies. Flanders Make and Brainport "
            "Development organised it.",
            "nl": "Het eerste studiebezoek van de partners: met regionale stakeholders trokken "
            "ze naar België en Nederland om te leren hoe onderzoeks- en "
            "innovatie-infrastructuur ter beschikking van bedrijven komt. Flanders Make en "
            "Brainport Development organiseerden het.",
        },
        "agenda": {
            "en": "In Belgium: research facilities in Ghent and the imec laboratories in Heverlee.",
            "nl": "In België: onderzoeksfaciliteiten in Gent en de imec-labo's in Heverlee.",
        },
    },
    {
        "slug": "grow-your-regio-2015",
        "title": {
            "en": "GROW your REGIOn: clusters as the DNA of smart specialisation",
            "nl": "GROW your REGIOn: clusters als DNA van slimme specialisatie",
        },
        "type": "conference",
        "project": None,
        # The seed gives 27-28 April without a year; see the README for why it is 2015.
        "start": date(2015, 4, 27),
        "end": date(2015, 4, 28),
        "precision": "day",
        "city": "Brussels",
        "country": "BE",
        "region": "brussels",
        "venue": {},
        "organisers": ["dg-grow", "dg-regio"],
        "summary": {
            "en": "Regional policy makers, EU institutions, companies and clusters looked for "
            "ways to more economic growth, with clusters, trust and cross-border "
            "cooperation at the centre. Clusters account for 39 % of European jobs; some "
            "2,000 are active in the EU.",
            "nl": "Regionale beleidsmakers, Europese instellingen, bedrijven en clusters zochten "
            "naar wegen naar meer economische groei, met clusters, vertrouwen en "
            "grensoverschrijdende samenwerking centraal. Clusters staan voor 39 % van de "
            "Europese banen; in de EU zijn er zo'n 2.000 actief.",
        },
        "agenda": {
            "en": "Day 1: cluster stories from Rhône-Alpes, Bavaria, Veneto and the Greek "
            "cluster organisation Corallia; group discussions on the circular economy and "
            "agri-food.\nDay 2: implementing smart-specialisation strategies.",
            "nl": "Dag 1: clusterverhalen uit Rhône-Alpes, Beieren, Veneto en van de Griekse "
            "clusterorganisatie Corallia; groepsgesprekken over de kringloopeconomie en "
            "agrofood.\nDag 2: de uitvoering van strategieën voor slimme specialisatie.",
        },
    },
]

# Slugs of events an earlier version of this content loaded with a year no source gives;
# the loader removes them from databases filled before.
RETIRED_EVENTS = ["grow-your-regio-2017"]

COOPERATION = {
    "slug": "flanders-netherlands",
    "name": {
        "en": "Flanders–Netherlands cooperation on economy, science and innovation",
        "nl": "Vlaams-Nederlandse samenwerking op het vlak van economie, wetenschap en innovatie",
    },
    "summary": {
        "en": "Since 2004 a declaration of intent frames the strategic cooperation of the two "
        "Low Countries. Ministerial summits every two years give it momentum; a high-tech "
        "cooperation agenda, overseen by a stakeholder group, puts it into practice.",
        "nl": "Sinds 2004 omkadert een intentieverklaring de strategische samenwerking tussen "
        "de beide Lage Landen. Tweejaarlijkse ministeriële topontmoetingen geven ze "
        "vaart; een hightech samenwerkingsagenda, opgevolgd door een stakeholdersgroep, "
        "brengt ze in de praktijk.",
    },
    "regions": ["flanders", "netherlands"],
    "themes": [
        "high-tech-systems-materials",
        "sustainable-chemistry",
        "life-sciences-health",
        "transport-logistics",
    ],
    "started_on": date(2004, 4, 7),
    "contacts": ["dewallef"],
}

# date, kind, {title}, place, {summary}, [theme slugs], [(document title en, nl, kind, file)]
MILESTONES = [
    (
        date(2004, 4, 7),
        "declaration",
        {"en": "Declaration of intent on innovation", "nl": "Intentieverklaring over innovatie"},
        "",
        {
            "en": "The competent ministers of Flanders and the Netherlands sign a joint "
            "declaration to strengthen their strategic cooperation on innovation.",
            "nl": "De bevoegde bewindslieden van Vlaanderen en Nederland ondertekenen een "
            "gezamenlijke verklaring om hun strategische samenwerking rond innovatie te "
            "versterken.",
        },
        [],
        [],
    ),
    (
        date(2008, 4, 17),
        "renewal",
        {"en": "Declaration renewed and widened", "nl": "Verklaring hernieuwd en verbreed"},
        "",
        {
            "en": "The declaration is renewed and extended to economy and science.",
            "nl": "De verklaring wordt hernieuwd en uitgebreid naar economie en wetenschap.",
        },
        [],
        [],
    ),
    (
        date(2011, 7, 4),
        "summit",
        {"en": "First ministerial summit", "nl": "Eerste ministeriële topontmoeting"},
        "Hingene",
        {
            "en": "Devoted to the economy: how closer cooperation can add to both "
            "countries' earning power in 2020-2040. Flanders and the Netherlands "
            "agree to present themselves as one economic region, the Delta region, "
            "and to set up a joint think tank on the future.",
            "nl": "In het teken van de economie: hoe nauwere samenwerking kan bijdragen "
            "aan de verdiencapaciteit van beide landen in 2020-2040. Vlaanderen en "
            "Nederland spreken af zich als één economische regio, de Deltaregio, te "
            "profileren en een gezamenlijke denkgroep toekomstverkenning op te "
            "richten.",
        },
        [],
        [],
    ),
    (
        date(2013, 6, 7),
        "report",
        {
            "en": "Think-tank report on the future",
            "nl": "Rapport van de denkgroep toekomstverkenning",
        },
        "",
        {
            "en": "The joint think tank delivers its report on long-term developments and the "
            "policies both countries best shape together.",
            "nl": "De gezamenlijke denkgroep levert zijn rapport op over ontwikkelingen op lange "
            "termijn en het beleid dat beide landen best samen uitstippelen.",
        },
        [],
        [
            (
                "Think-tank report on the future (2013)",
                "Rapport denkgroep toekomstverkenning (2013)",
                "report",
                "rapport_denkgroep_toekomstverkenning_2013.pdf",
            )
        ],
    ),
    (
        date(2013, 10, 8),
        "summit",
        {"en": "Second ministerial summit", "nl": "Tweede ministeriële topontmoeting"},
        "Maastricht",
        {
            "en": "With the ministers for economy, innovation, transport and logistics. "
            "Four themes are chosen for the cooperation, and joint strategies are "
            "to be drawn up for high-tech systems and materials and for "
            "(sustainable) chemistry.",
            "nl": "Met de vakministers voor economie, innovatie, transport en "
            "logistiek. Vier thema's worden gekozen, en voor hightech systemen "
            "en materialen en voor (duurzame) chemie komt er een gezamenlijke "
            "strategie.",
        },
        [
            "high-tech-systems-materials",
            "sustainable-chemistry",
            "life-sciences-health",
            "transport-logistics",
        ],
        [
            (
                "Conclusions of the summit of 8 October 2013",
                "Conclusies van de topontmoeting van 8 oktober 2013",
                "conclusions",
                "conclusies_vl-nl_topontmoeting_8oktober2013.pdf",
            )
        ],
    ),
    (
        date(2016, 11, 7),
        "summit",
        {"en": "Third ministerial summit", "nl": "Derde ministeriële topontmoeting"},
        "Ghent",
        {
            "en": "The ministers endorse the Flemish-Dutch high-tech cooperation agenda, "
            "drawn up by a stakeholder group founded early 2016 around six themes: "
            "energy innovation, factories of the future, flexible electronics, "
            "photonics, life sciences and health, and new materials.",
            "nl": "De bewindslieden onderschrijven de Vlaams-Nederlandse hightech "
            "samenwerkingsagenda, opgesteld door een begin 2016 opgerichte "
            "stakeholdersgroep rond zes thema's: energie-innovatie, fabrieken van de "
            "toekomst, flexibele elektronica, fotonica, levenswetenschappen en "
            "gezondheid, en nieuwe materialen.",
        },
        ["high-tech-systems-materials", "photonics", "life-sciences-health"],
        [
            (
                "High-tech cooperation agenda (2016)",
                "Hightech samenwerkingsagenda (2016)",
                "report",
                "vl-nl_samenwerkingsagenda_high_tech_2016.pdf",
            ),
            (
                "Final declaration of the summit of 7 November 2016",
                "Slotverklaring van de topontmoeting van 7 november 2016",
                "declaration",
                "slotverklaring_vl-nl_topontmoeting_7november2016.pdf",
            ),
        ],
    ),
    (
        date(2018, 11, 5),
        "summit",
        {"en": "Fourth ministerial summit", "nl": "Vierde ministeriële topontmoeting"},
        "Middelburg",
        {
            "en": "Progress on the high-tech agenda; a memorandum of understanding on "
            "personalised medicine; a Flemish-Dutch Science and Innovation Day "
            "to be held every two years, between the summits.",
            "nl": "Stand van zaken van de hightech agenda; een memorandum van "
            "overeenstemming over gepersonaliseerde geneeskunde; een "
            "tweejaarlijkse Vlaams-Nederlandse Wetenschaps- en Innovatiedag, "
            "afwisselend met de topontmoetingen.",
        },
        ["personalised-medicine"],
        [
            (
                "Final declaration of the summit of 5 November 2018",
                "Slotverklaring van de topontmoeting van 5 november 2018",
                "declaration",
                "slotverklaring_vl-nl_topontmoeting_5november2018.pdf",
            )
        ],
    ),
    (
        date(2019, 10, 28),
        "event",
        {"en": "First Science and Innovation Day", "nl": "Eerste Wetenschaps- en Innovatiedag"},
        "",
        {
            "en": "Policy makers, researchers and companies give direction to the next themes of "
            "the cooperation; the seeds of the hydrogen and AI themes are sown here.",
            "nl": "Beleidsmakers, kenniswereld en bedrijven geven richting aan de volgende thema's "
            "van de samenwerking; hier ontstaan de thema's waterstof en AI.",
        },
        ["hydrogen", "artificial-intelligence"],
        [],
    ),
    (
        date(2020, 11, 4),
        "summit",
        {"en": "Fifth ministerial summit", "nl": "Vijfde ministeriële topontmoeting"},
        "Brasschaat",
        {
            "en": "Held partly online despite the pandemic. The agenda is extended with "
            "hydrogen technology and artificial intelligence, with attention to "
            "personalised medicine, photonics and solar energy.",
            "nl": "Ondanks de coronacrisis, deels digitaal. De agenda wordt uitgebreid "
            "met waterstoftechnologie en artificiële intelligentie, met aandacht "
            "voor gepersonaliseerde geneeskunde, fotonica en zonne-energie.",
        },
        ["hydrogen", "artificial-intelligence", "personalised-medicine", "photonics"],
        [
            (
                "Final declaration of the summit of 4 November 2020",
                "Slotverklaring van de topontmoeting van 4 november 2020",
                "declaration",
                "slotverklaring_vl-nl_topontmoeting_4november2020.pdf",
            )
        ],
    ),
]

STRATEGIES = [
    {
        "region": "metropole-ruhr",
        "title": {
            "en": "Smart-specialisation strategy of the Metropole Ruhr",
            "nl": "Strategie voor slimme specialisatie van de Metropool Ruhr",
        },
        "author": "business-metropole-ruhr",
        "summary": {
            "en": "Continues the Ruhr's transformation into a highly innovative, climate-neutral "
            "region built on knowledge-based value creation. Developed by Business "
            "Metropole Ruhr with the region's municipalities, it is one of the first "
            "strategies in Germany and Europe to start at sub-regional and local level. "
            "It is the basis for targeted applications for European funding, supports the "
            "municipalities in joint innovation projects and helps them divide resources "
            "and work efficiently.",
            "nl": "Zet de omvorming van het Ruhrgebied voort tot een zeer innovatieve, "
            "klimaatneutrale regio met kennisgedreven waardecreatie. Business Metropole "
            "Ruhr werkte ze uit met de gemeenten van de regio; het is een van de eerste "
            "strategieën in Duitsland en Europa die op subregionaal en lokaal niveau "
            "vertrekt. Ze is de basis om gericht Europese middelen aan te trekken, "
            "ondersteunt gezamenlijke innovatieprojecten van de gemeenten en helpt hen "
            "middelen en werk efficiënt te verdelen.",
        },
        "contacts": ["domanski"],
        "document": (
            "Smart-specialisation strategy of the Metropole Ruhr",
            "Strategie voor slimme specialisatie van de Metropool Ruhr",
            "metropole-ruhr-s3-strategy.pdf",
        ),
        "priorities": [],
    },
    {
        "region": "saxony-anhalt",
        "title": {
            "en": "Regional Innovation Strategy Saxony-Anhalt 2014-2020",
            "nl": "Regionale innovatiestrategie Saksen-Anhalt 2014-2020",
        },
        "author": "mw-saxony-anhalt",
        "period": (2014, 2020),
        "summary": {
            "en": "The strategy S3Chem helps to implement; chemistry and the bioeconomy form one "
            "of its lead markets and the basis for ERDF innovation funding.",
            "nl": "De strategie die S3Chem helpt uitvoeren; chemie en bio-economie vormen een "
            "van de leidende markten en de basis voor innovatiesteun uit het EFRO.",
        },
        "contacts": [],
        "document": None,
        "priorities": [
            {
                "name": {"en": "Chemistry and bioeconomy", "nl": "Chemie en bio-economie"},
                # Illustration: no source gives this priority's Eye@RIS3 coding, so the page
                # says the codes are the demo's.
                "description": {
                    "en": "The lead market S3Chem focuses on. Demo content: the codes below "
                    "were chosen to illustrate the Eye@RIS3 coding and are not taken from "
                    "the Eye@RIS3 database.",
                    "nl": "De leidende markt waarop S3Chem zich richt. Democontent: de codes "
                    "hieronder illustreren de Eye@RIS3-codering en komen niet uit de "
                    "Eye@RIS3-databank.",
                },
                "nace": ["C20", "C22"],
                "science": ["1", "2"],
                "policy": ["sustainable", "kets"],
            },
        ],
    },
]

GOOD_PRACTICES = [
    {
        "slug": "lombardy-research-and-innovation-law",
        "title": {
            "en": "“Lombardy is Research and Innovation”: regional law 29/2016",
            "nl": "“Lombardije is Onderzoek en Innovatie”: regionale wet 29/2016",
        },
        "project": "s3chem",
        "organisation": "regione-lombardia",
        "region": "lombardy",
        "approach": "governance",
        "themes": ["smart-specialisation", "life-sciences-health"],
        "summary": {
            "en": "The first regional law to steer research and innovation policy that was "
            "written and shared with the quadruple helix – international researchers, "
            "academia and citizens – and an example of innovative governance for other "
            "regions.",
            "nl": "De eerste regionale wet die het onderzoeks- en innovatiebeleid aanstuurt en "
            "samen met de quadruple helix – internationale onderzoekers, academici en "
            "burgers – werd opgesteld en gedeeld; een voorbeeld van innovatief bestuur "
            "voor andere regio's.",
        },
        "problem": {
            "en": "Raising regional investment in research and innovation so that it lifts the "
            "competitiveness of the productive system, human capital and sustainability, "
            "as well as social well-being and the services offered to citizens and "
            "companies.",
            "nl": "De regionale investeringen in onderzoek en innovatie verhogen, zodat ze het "
            "concurrentievermogen, het menselijk kapitaal en de duurzaamheid versterken, "
            "net als het maatschappelijk welzijn en de dienstverlening aan burgers en "
            "bedrijven.",
        },
        "description": {
            "en": "Adopted in November 2016, the law introduced four instruments:\n"
            "- an inter-ministerial steering group chaired by the President of the "
            "Region, which coordinates research, innovation and technology-transfer "
            "policy and adopts a three-year Strategic Programme;\n"
            "- the Regional Forum for Research and Innovation, an independent body of ten "
            "highly qualified experts from the natural and social sciences and the "
            "humanities, selected through a transparent international procedure;\n"
            "- public consultation on the Open Innovation Platform, where people who live "
            "and work in the region name the traits of social innovation and the factors "
            "that drive its development;\n"
            "- Research Day, every 8 November, with a yearly prize of €1 million for "
            "researchers and companies that excel in health and life sciences.",
            "nl": "De wet, aangenomen in november 2016, voerde vier instrumenten in:\n"
            "- een interministeriële stuurgroep onder voorzitterschap van de President "
            "van de Regio, die het beleid voor onderzoek, innovatie en "
            "technologieoverdracht coördineert en een driejarig Strategisch Programma "
            "vaststelt;\n"
            "- het Regionaal Forum voor Onderzoek en Innovatie, een onafhankelijk orgaan "
            "van tien hooggekwalificeerde experts uit de natuur-, sociale en "
            "menswetenschappen, gekozen via een transparante internationale procedure;\n"
            "- publieke consultatie op het Open Innovatie Platform, waar wie in de regio "
            "woont en werkt de kenmerken van sociale innovatie en de drijvende factoren "
            "benoemt;\n"
            "- de Onderzoeksdag, elk jaar op 8 november, met een jaarlijkse prijs van "
            "€ 1 miljoen voor onderzoekers en bedrijven die uitblinken in gezondheid en "
            "levenswetenschappen.",
        },
        "resources": {
            "en": "A yearly prize budget of €1 million for Research Day.",
            "nl": "Een jaarlijks prijzengeld van € 1 miljoen voor de Onderzoeksdag.",
        },
        "transferability": {
            "en": "Other regions can take over the governance model: a law co-created with the "
            "quadruple helix, an independent expert forum and open public consultation.",
            "nl": "Andere regio's kunnen het bestuursmodel overnemen: een wet die samen met de "
            "quadruple helix tot stand komt, een onafhankelijk expertenforum en open "
            "publieke consultatie.",
        },
    },
]

INFRASTRUCTURES = [
    {
        "slug": "imec-laboratories-heverlee",
        "name": {"en": "imec laboratories, Heverlee", "nl": "imec-labo's, Heverlee"},
        "kind": "laboratory",
        "owner": "imec",
        "region": "flanders",
        "city": "Leuven (Heverlee)",
        "themes": ["ri-infrastructure", "high-tech-systems-materials"],
        "summary": {
            "en": "The research laboratories of imec, the nanoelectronics and digital "
            "technology research centre, visited by the INNO INFRA SHARE partners on "
            "their first study visit as an example of infrastructure opened to "
            "companies.",
            "nl": "De onderzoekslabo's van imec, het onderzoekscentrum voor nano-elektronica en "
            "digitale technologie, die de INNO INFRA SHARE-partners op hun eerste "
            "studiebezoek bezochten als voorbeeld van infrastructuur die openstaat voor "
            "bedrijven.",
        },
        "website": "https://www.imec-int.com",
        "latitude": "50.86330",
        "longitude": "4.67570",
    },
]

# An article carries the date its source was published where that is known (the Flanders
# Make article appeared on 21 August 2017), else the date of what it reports.
ARTICLES = [
    {
        "slug": "grow-your-regio-clusters-dna-smart-specialisation",
        "published": date(2015, 4, 28),
        "project": None,
        "region": "brussels",
        "event": "grow-your-regio-2015",
        "themes": ["clusters", "smart-specialisation"],
        "byline": "Bert Schampers, Huis van de Nederlandse Provincies",
        "title": {
            "en": "GROW your REGIOn: clusters are the DNA of smart specialisation",
            "nl": "GROW your REGIOn: clusters zijn het DNA van slimme specialisatie",
        },
        "summary": {
            "en": "Two days in Brussels on how regions show that their smart-specialisation "
            "strategies drive economic development – with clusters, trust and "
            "cross-border cooperation at the centre.",
            "nl": "Twee dagen in Brussel over hoe regio's aantonen dat hun strategieën voor "
            "slimme specialisatie economische ontwikkeling aandrijven – met clusters, "
            "vertrouwen en grensoverschrijdende samenwerking centraal.",
        },
        "body": {
            "en": "DG GROW and DG REGIO, which work closely together on clusters, industrial "
            "policy and smart specialisation, organised the interactive conference "
            "together. Walter Deffaa, Director-General of DG REGIO, called clusters the "
            "source of the knowledge smart specialisation needs; Daniel Calleja of DG "
            "GROW sees them as the driving force of new growth. Clusters account for 39 % "
            "of European jobs, and about 2,000 are active in the EU.\n\n"
            "Stories from Rhône-Alpes, Bavaria, Veneto and the Greek cluster "
            "organisation Corallia showed how much informal contacts matter when a "
            "cluster is built. The Vanguard Initiative, in which 28 regions renew "
            "manufacturing through their smart specialisations and clusters, came up "
            "several times.\n\n"
            "On the second day the Commission was asked to do more on implementing the "
            "strategies and to meet companies' needs better. Mikel Landabaso, head of "
            "cabinet of Commissioner Corina Crețu, called clusters the DNA of smart "
            "specialisation and urged managing authorities to take more risks and invest "
            "in other regions, as the ERDF allows. The results feed a new cluster policy.",
            "nl": "DG GROW en DG REGIO, die nauw samenwerken rond clusters, industriebeleid en "
            "slimme specialisatie, organiseerden de interactieve conferentie samen. "
            "Walter Deffaa, directeur-generaal van DG REGIO, noemde clusters de bron van "
            "de kennis die slimme specialisatie nodig heeft; Daniel Calleja van DG GROW "
            "ziet ze als de motor van nieuwe groei. Clusters staan voor 39 % van de "
            "Europese banen, en in de EU zijn er zo'n 2.000 actief.\n\n"
            "Verhalen uit Rhône-Alpes, Beieren, Veneto en van de Griekse "
            "clusterorganisatie Corallia toonden hoeveel informele contacten betekenen "
            "bij het uitbouwen van een cluster. Het Vanguard Initiatief, waarin 28 "
            "regio's de maakindustrie vernieuwen via hun slimme specialisaties en "
            "clusters, kwam meermaals ter sprake.\n\n"
            "Op de tweede dag werd de Commissie gevraagd meer te doen voor de uitvoering "
            "van de strategieën en beter in te spelen op wat bedrijven nodig hebben. "
            "Mikel Landabaso, kabinetschef van eurocommissaris Corina Crețu, noemde "
            "clusters het DNA van slimme specialisatie en riep de managementautoriteiten "
            "op meer risico te nemen en in andere regio's te investeren, zoals het EFRO "
            "toelaat. De resultaten voeden een nieuw clusterbeleid.",
        },
    },
    {
        "slug": "flanders-make-opens-ri-infrastructure-to-smes",
        "published": date(2017, 8, 21),
        "project": "inno-infra-share",
        "region": "flanders",
        "event": None,
        "themes": ["ri-infrastructure"],
        "byline": "",
        "title": {
            "en": "Flanders Make works to open local R&I infrastructure to SMEs",
            "nl": "Flanders Make maakt lokale O&I-infrastructuur toegankelijker voor kmo's",
        },
        "summary": {
            "en": "With partners from eight regions, Flanders Make joins INNO INFRA SHARE to "
            "make research and innovation infrastructure easier for SMEs to use.",
            "nl": "Met partners uit acht regio's stapt Flanders Make in INNO INFRA SHARE om "
            "onderzoeks- en innovatie-infrastructuur beter bruikbaar te maken voor "
            "kmo's.",
        },
        "body": {
            "en": "The partners, all with similar smart-specialisation priorities, follow a "
            "joint learning process to improve their policy instruments for research "
            "and innovation infrastructure and its accessibility for SMEs. In Belgium "
            "the project is carried out by Flanders Make, the strategic research centre "
            "for the manufacturing industry.\n\n"
            "At the kick-off in Bologna in the spring the partners presented their "
            "organisations and policy instruments and agreed the next steps. First, "
            "every region maps its infrastructure in a regional context profile, which "
            "also brings out shared features and good practices.\n\n"
            "Partners and regional stakeholders then made a first study visit to Belgium "
            "and the Netherlands, organised by Flanders Make and Brainport Development, "
            "with visits to research facilities in Ghent and the imec laboratories in "
            "Heverlee.",
            "nl": "De partners, allemaal met gelijkaardige prioriteiten voor slimme "
            "specialisatie, doorlopen samen een leerproces om hun beleidsinstrumenten "
            "voor onderzoeks- en innovatie-infrastructuur en de toegang ertoe voor kmo's "
            "te verbeteren. In België voert Flanders Make, het strategisch "
            "onderzoekscentrum voor de maakindustrie, het project uit.\n\n"
            "Op de startbijeenkomst in Bologna dit voorjaar stelden de partners hun "
            "organisaties en beleidsinstrumenten voor en legden ze de volgende stappen "
            "vast. Eerst brengt elke regio haar infrastructuur in kaart in een regionaal "
            "contextprofiel, dat ook gemeenschappelijke kenmerken en goede praktijken "
            "naar boven haalt.\n\n"
            "Daarna trokken partners en regionale stakeholders op een eerste "
            "studiebezoek naar België en Nederland, georganiseerd door Flanders Make en "
            "Brainport Development, met bezoeken aan onderzoeksfaciliteiten in Gent en "
            "de imec-labo's in Heverlee.",
        },
    },
    {
        "slug": "s3chem-partners-meet-in-brussels",
        "published": date(2018, 11, 22),
        "project": "s3chem",
        "region": "brussels",
        "event": "s3chem-11th-iwg-brussels-2018",
        "themes": ["sustainable-chemistry"],
        "byline": "",
        "title": {
            "en": "S3Chem partners shape their action plans in Brussels",
            "nl": "S3Chem-partners geven hun actieplannen vorm in Brussel",
        },
        "summary": {
            "en": "At the 11th Interregional Working Group meeting the seven regions presented "
            "first ideas for action plans to improve their Regional Innovation "
            "Strategies, and discussed them with European institutions and networks.",
            "nl": "Op de 11e bijeenkomst van de Interregionale Werkgroep stelden de zeven "
            "regio's hun eerste ideeën voor actieplannen voor, en bespraken ze met "
            "Europese instellingen en netwerken.",
        },
        "body": {
            "en": "Building on earlier analyses of stakeholder involvement, project "
            "development, funding instruments and monitoring, each region will define "
            "actions that widen companies' access to innovation funding. Every partner "
            "now drafts its plan before phase 1 ends; phase 2, from April 2019 to March "
            "2021, monitors how the plans are carried out.\n\n"
            "The European Commission announced more focus on interregional innovative "
            "investment in 2021-2027. Five of the seven partners already take part in "
            "the S3 Platform on the Thematic Area Chemicals, presented at the meeting by "
            "ECRN and Ecorys.",
            "nl": "Voortbouwend op eerdere analyses van betrokkenheid van stakeholders, "
            "projectontwikkeling, financieringsinstrumenten en monitoring bepaalt elke "
            "regio acties die de toegang van bedrijven tot innovatiefinanciering "
            "vergroten. Elke partner schrijft nu zijn plan vóór het einde van fase 1; "
            "fase 2, van april 2019 tot en met maart 2021, volgt de uitvoering op.\n\n"
            "De Europese Commissie kondigde voor 2021-2027 meer aandacht aan voor "
            "interregionale innovatieve investeringen. Vijf van de zeven partners nemen "
            "al deel aan het S3-platform voor chemie, dat ECRN en Ecorys op de "
            "bijeenkomst voorstelden.",
        },
    },
    {
        "slug": "save-the-date-s3chem-closing-conference-halle",
        "published": date(2018, 11, 22),
        "project": "s3chem",
        "region": "saxony-anhalt",
        "event": "s3chem-closing-conference-halle-2019",
        "themes": ["sustainable-chemistry"],
        "byline": "",
        "title": {
            "en": "Save the date: S3Chem closing conference in Halle (Saale)",
            "nl": "Save the date: slotconferentie van S3Chem in Halle (Saale)",
        },
        "summary": {
            "en": "On 26 and 27 February 2019 the partners present the results of phase 1 and "
            "their regional action plans; stakeholders from the chemical sector are "
            "invited.",
            "nl": "Op 26 en 27 februari 2019 stellen de partners de resultaten van fase 1 en "
            "hun regionale actieplannen voor; stakeholders uit de chemische sector zijn "
            "uitgenodigd.",
        },
        "body": {},
    },
]
