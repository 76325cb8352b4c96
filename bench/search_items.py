"""20,000 generated news articles for the search benchmark, indexed as the portal would.

Each article has a title, a summary and a body made of words drawn from fixed lists with a
fixed seed, so every run searches the same content: one of 50 topic words (each in some 2 %
of the articles, as a subject is in a real archive), one of 40 cities, and filler words
(each in about 3 % of them). Made with bulk_create, which sends no signals; the search
entries are then written in batches by the code a save uses (portal.search.index.rebuild).
"""

import datetime
import random

from django.db import transaction
from django.utils import timezone

from news.models import Article
from portal.search.index import rebuild
from portal.search.kinds import BY_MODEL

COUNT = 20_000
PREFIX = "bench-search-"
TOPICS = [
    "hydrogen",
    "battery",
    "photonics",
    "bioplastics",
    "recycling",
    "semiconductor",
    "aquaculture",
    "textiles",
    "robotics",
    "microelectronics",
    "biorefinery",
    "catalysis",
    "composites",
    "geothermal",
    "logistics",
    "pharmaceuticals",
    "nanomaterials",
    "wind",
    "solar",
    "cybersecurity",
    "agrifood",
    "forestry",
    "tourism",
    "mobility",
    "healthcare",
    "ceramics",
    "polymers",
    "fermentation",
    "sensors",
    "lasers",
    "drones",
    "space",
    "ports",
    "steel",
    "glass",
    "paper",
    "water",
    "cement",
    "packaging",
    "fertilisers",
    "coatings",
    "adhesives",
    "enzymes",
    "algae",
    "biogas",
    "carbon",
    "lithium",
    "cobalt",
    "quantum",
    "genomics",
]
# Each article also names one of 40 cities: 100 of the "hydrogen" ones name Ghent.
CITIES = [
    "Ghent",
    "Bologna",
    "Eindhoven",
    "Halle",
    "Barcelona",
    "Oviedo",
    "Milan",
    "Namur",
    "Maastricht",
    "Warsaw",
    "Leuven",
    "Tallinn",
    "Riga",
    "Brno",
    "Lund",
    "Dortmund",
    "Lyon",
    "Porto",
    "Graz",
    "Turku",
    "Aarhus",
    "Bilbao",
    "Turin",
    "Lille",
    "Cork",
    "Gdansk",
    "Kosice",
    "Cluj",
    "Varna",
    "Split",
    "Malaga",
    "Bremen",
    "Antwerp",
    "Delft",
    "Tampere",
    "Uppsala",
    "Vilnius",
    "Pilsen",
    "Linz",
    "Nantes",
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ten",
    "ra",
    "vel",
    "sor",
    "din",
    "pa",
    "qu",
    "ex",
    "bri",
    "mon",
    "tal",
    "ser",
    "gu",
    "fa",
    "nor",
    "pi",
    "lex",
    "tro",
    "ven",
    "dra",
    "col",
]


def _fillers(rng: random.Random, n: int = 3000) -> list[str]:
    words = set()
    while len(words) < n:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def seed(count: int = COUNT) -> int:
    """Make the articles (once) and their search entries; returns how many there are."""
    existing = Article.objects.filter(slug__startswith=PREFIX).count()
    if existing >= count:
        return existing
    rng = random.Random(20261130)
    fillers = _fillers(rng)
    start = timezone.now() - datetime.timedelta(days=3650)
    articles = []
    for n in range(existing, count):
        topic = TOPICS[n % len(TOPICS)]
        city = CITIES[n % len(CITIES)]

        def words(k):
            return " ".join(rng.choice(fillers) for _ in range(k))

        articles.append(
            Article(
                slug=f"{PREFIX}{n}",
                title_en=f"{words(3).capitalize()} {topic} in {city}",
                summary_en=f"{words(12)} {topic} {words(12)}.",
                body_en=f"{words(60)}. {words(60)} {topic}. {words(30)}.",
                published_at=start + datetime.timedelta(hours=n * 4),
                is_published=True,
            )
        )
    with transaction.atomic():
        Article.objects.bulk_create(articles, batch_size=1000)
    rebuild([BY_MODEL[Article]])
    return Article.objects.filter(slug__startswith=PREFIX).count()
