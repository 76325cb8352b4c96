"""Site search across the public content, with PostgreSQL full-text search.

Each kind of content is searched in the reader's language configuration (Dutch stemming
for Dutch, and so on) over the text in every language, ranked, with the matching passage
highlighted. The results of all kinds are merged by rank.
"""

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db.models import F, FloatField, Func, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy

from events.models import Event
from news.models import Article
from projects.models import Project
from projects.selectors import public_practices
from regions.models import Cooperation, Infrastructure, Organisation, Region

MAX_LENGTH = 200
LIMIT = 50
CONFIGS = {"nl": "dutch", "en": "english", "de": "german"}
FUZZY_THRESHOLD = 0.45
WORD = re.compile(r"\w+")


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    snippet: str
    rank: float


@dataclass
class Result:
    query: str
    hits: list[Hit] = field(default_factory=list)


# kind label, queryset factory, title field, text fields, url name
SOURCES = [
    (
        gettext_lazy("Event"),
        lambda: Event.objects.all(),
        "title",
        ["summary", "agenda"],
        "events:detail",
    ),
    (
        gettext_lazy("Good practice"),
        public_practices,
        "title",
        ["summary", "problem", "description"],
        "projects:practice-detail",
    ),
    (
        gettext_lazy("Project"),
        lambda: Project.objects.all(),
        "title",
        ["summary"],
        "projects:detail",
    ),
    (gettext_lazy("Region"), lambda: Region.objects.all(), "name", ["summary"], "regions:detail"),
    (
        gettext_lazy("Organisation"),
        lambda: Organisation.objects.all(),
        "name",
        ["summary"],
        "regions:organisation",
    ),
    (
        gettext_lazy("R&I infrastructure"),
        lambda: Infrastructure.objects.all(),
        "name",
        ["summary", "equipment", "access"],
        "regions:infrastructure",
    ),
    (
        gettext_lazy("News"),
        lambda: Article.objects.published(),
        "title",
        ["summary", "body"],
        "news:detail",
    ),
    (
        gettext_lazy("Cooperation"),
        lambda: Cooperation.objects.all(),
        "name",
        ["summary"],
        "regions:cooperation",
    ),
]


def _localised(name: str, language: str):
    """The field in the reader's language, falling back like the pages do."""
    order = [language] + [code for code in ("en", "nl", "de") if code != language]
    return Coalesce(
        *[NullIf(f"{name}_{code}", Value("")) for code in order],
        Value(""),
        output_field=TextField(),
    )


def _highlight(snippet: str) -> str:
    # The headline is built from stored text, so it is escaped before the marks go in.
    return str(escape(snippet or "")).replace(_START, "<mark>").replace(_STOP, "</mark>")


_START, _STOP = "\x02", "\x03"


def _search(kind, queryset, title, texts, url_name, query, language) -> list[Hit]:
    config = CONFIGS.get(language, "simple")
    vector = SearchVector(_localised(title, language), weight="A", config=config)
    for text in texts:
        vector += SearchVector(_localised(text, language), weight="B", config=config)
    # The "simple" configuration catches words the stemmer does not know (names, acronyms).
    vector += SearchVector(_localised(title, language), weight="A", config="simple")
    search_query = SearchQuery(query, search_type="websearch", config=config) | SearchQuery(
        query, search_type="websearch", config="simple"
    )
    words = WORD.findall(query)
    if words:
        # Prefixes find the start of Dutch and German compounds: "innovatie" finds
        # "innovatiestrategie".
        search_query |= SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
        )
    title_text = _localised(title, language)
    rows = (
        queryset()
        .annotate(
            _rank=SearchRank(vector, search_query),
            # Typos: trigram similarity of the query's words to the title's words.
            _fuzzy=Func(
                Value(query),
                title_text,
                function="portal_word_similarity",
                output_field=FloatField(),
            ),
            _title=title_text,
            _snippet=SearchHeadline(
                _localised(texts[0], language),
                SearchQuery(query, search_type="websearch", config=config),
                config=config,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
            ),
        )
        .filter(Q(_rank__gt=0.0) | Q(_fuzzy__gte=FUZZY_THRESHOLD) | Q(_title__icontains=query))
        .annotate(_score=F("_rank") + F("_fuzzy") * 0.5)
        .order_by(F("_score").desc(nulls_last=True))
        .values("slug", "_title", "_snippet", "_score")[:LIMIT]
    )
    return [
        Hit(
            str(kind),
            row["_title"],
            reverse(url_name, args=[row["slug"]]),
            _highlight(row["_snippet"]),
            row["_score"] or 0.0,
        )
        for row in rows
    ]


def run(query: str) -> Result:
    """Search for a query already validated by portal.forms.SearchForm."""
    result = Result(query=query)
    if not query:
        return result
    language = (get_language() or "en")[:2]
    for source in SOURCES:
        result.hits.extend(_search(*source, query=query, language=language))
    result.hits.sort(key=lambda hit: hit.rank, reverse=True)
    return result
