"""Site search across the public content, with PostgreSQL full-text search.

Each kind of content is searched in the reader's language configuration (Dutch stemming
for Dutch, and so on) over the text in every language, and ranked; the results of all
kinds are merged by rank. Ranking is cheap and covers every match, so the results can be
paginated as one list; the highlighted passage is costly and is made only for the hits
on the page shown (`highlight`).
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.html import escape
from django.utils.translation import get_language, gettext_lazy

from events.models import Event
from news.selectors import published_articles
from portal.core.search import CONFIGS, localised, matching
from projects.models import Project
from projects.selectors import public_practices
from regions.models import Cooperation, Infrastructure, Organisation, Region

MAX_LENGTH = 200


# Compared by identity: hits are grouped by the source they came from.
@dataclass(frozen=True, eq=False)
class Source:
    kind: Promise
    queryset: Callable[[], QuerySet]
    title: str
    texts: list[str]
    url_name: str


@dataclass
class Hit:
    source: Source
    pk: int
    slug: str
    title: str
    rank: float
    snippet: str = ""

    @property
    def kind(self) -> str:
        return str(self.source.kind)

    @property
    def url(self) -> str:
        return reverse(self.source.url_name, args=[self.slug])


SOURCES = [
    Source(
        gettext_lazy("Event"),
        lambda: Event.objects.all(),
        "title",
        ["summary", "agenda"],
        "events:detail",
    ),
    Source(
        gettext_lazy("Good practice"),
        public_practices,
        "title",
        ["summary", "problem", "description"],
        "projects:practice-detail",
    ),
    Source(
        gettext_lazy("Project"),
        lambda: Project.objects.all(),
        "title",
        ["summary"],
        "projects:detail",
    ),
    Source(
        gettext_lazy("Region"), lambda: Region.objects.all(), "name", ["summary"], "regions:detail"
    ),
    Source(
        gettext_lazy("Organisation"),
        lambda: Organisation.objects.all(),
        "name",
        ["summary"],
        "regions:organisation",
    ),
    Source(
        gettext_lazy("R&I infrastructure"),
        lambda: Infrastructure.objects.all(),
        "name",
        ["summary", "equipment", "access"],
        "regions:infrastructure",
    ),
    Source(
        gettext_lazy("News"),
        published_articles,
        "title",
        ["summary", "body"],
        "news:detail",
    ),
    Source(
        gettext_lazy("Cooperation"),
        lambda: Cooperation.objects.all(),
        "name",
        ["summary"],
        "regions:cooperation",
    ),
]


def _language() -> str:
    return (get_language() or "en")[:2]


_START, _STOP = "\x02", "\x03"


def _marked(snippet: str) -> str:
    # The headline is built from stored text, so it is escaped before the marks go in.
    return str(escape(snippet or "")).replace(_START, "<mark>").replace(_STOP, "</mark>")


def _rank(source: Source, query: str, language: str) -> list[Hit]:
    rows = matching(
        source.queryset(), query, title=source.title, texts=source.texts, language=language
    ).values_list("pk", "slug", "_title", "_score")
    return [Hit(source, pk, slug, title, score or 0.0) for pk, slug, title, score in rows]


def run(query: str) -> list[Hit]:
    """Every hit for a query already validated by portal.forms.SearchForm, best first."""
    if not query:
        return []
    language = _language()
    hits = [hit for source in SOURCES for hit in _rank(source, query, language)]
    hits.sort(key=lambda hit: hit.rank, reverse=True)
    return hits


def highlight(hits, query: str) -> None:
    """Fill in the highlighted passage of these hits: one query per kind of content."""
    language = _language()
    config = CONFIGS.get(language, "simple")
    by_source = defaultdict(list)
    for hit in hits:
        by_source[hit.source].append(hit)
    for source, source_hits in by_source.items():
        snippets = dict(
            source.queryset()
            .filter(pk__in=[hit.pk for hit in source_hits])
            .annotate(
                _snippet=SearchHeadline(
                    localised(source.texts[0], language),
                    SearchQuery(query, search_type="websearch", config=config),
                    config=config,
                    start_sel=_START,
                    stop_sel=_STOP,
                    max_words=30,
                    min_words=12,
                )
            )
            .values_list("pk", "_snippet")
        )
        for hit in source_hits:
            hit.snippet = _marked(snippets.get(hit.pk))
