"""Site search across the public content, with PostgreSQL full-text search.

Each kind of content is searched in the reader's language configuration (Dutch stemming
for Dutch, and so on) over the text in every language, ranked, with the matching passage
highlighted. The results of all kinds are merged by rank.
"""

from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.urls import reverse
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from events.models import Event
from news.models import Article
from portal.core.search import CONFIGS, localised, matching
from projects.models import Project
from projects.selectors import public_practices
from regions.models import Cooperation, Infrastructure, Organisation, Region

MAX_LENGTH = 200
LIMIT = 50


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
    error: str = ""


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


def _highlight(snippet: str) -> str:
    # The headline is built from stored text, so it is escaped before the marks go in.
    return str(escape(snippet or "")).replace(_START, "<mark>").replace(_STOP, "</mark>")


_START, _STOP = "\x02", "\x03"


def _search(kind, queryset, title, texts, url_name, query, language) -> list[Hit]:
    config = CONFIGS.get(language, "simple")
    rows = (
        matching(queryset(), query, title=title, texts=texts, language=language)
        .annotate(
            _snippet=SearchHeadline(
                localised(texts[0], language),
                SearchQuery(query, search_type="websearch", config=config),
                config=config,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
            ),
        )
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
    query = (query or "").strip()
    result = Result(query=query)
    if not query:
        return result
    if len(query) > MAX_LENGTH:
        result.error = _(
            "Your search is %(length)d characters long; please use at most %(limit)d."
        ) % {"length": len(query), "limit": MAX_LENGTH}
        return result
    language = (get_language() or "en")[:2]
    for source in SOURCES:
        result.hits.extend(_search(*source, query=query, language=language))
    result.hits.sort(key=lambda hit: hit.rank, reverse=True)
    return result
