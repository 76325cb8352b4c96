"""Search results for the page, the suggestions under the header field and the API."""

import datetime
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from portal.core.search import engine
from portal.core.search.query import Query
from portal.search.kinds import BY_MODEL, BY_SLUG, KINDS, Kind


def _kinds_by_content_type() -> dict[int, Kind]:
    # ContentType caches its rows: after the first call this asks no query.
    return {ContentType.objects.get_for_model(kind.model).pk: kind for kind in KINDS}


def content_type_of(kind: Kind) -> int:
    return ContentType.objects.get_for_model(kind.model).pk


@dataclass
class Hit:
    kind: Kind
    object_id: int
    title: str
    url: str
    slug: str
    snippet: SafeString
    date: datetime.date | None
    place: str
    score: float


@dataclass
class KindCount:
    kind: Kind
    count: int


def _marked(passage: str) -> SafeString:
    # The passage is stored text: escaped first, then the marks go in.
    start, stop = engine._START, engine._STOP
    return mark_safe(str(escape(passage or "")).replace(start, "<mark>").replace(stop, "</mark>"))


class Ranked:
    """The hits of one query, best first, fetched a page at a time.

    Django's and DRF's paginators take it as they take a queryset: `count()` is known
    from the counts per kind, and a slice asks for one page of hits and their passages.
    """

    def __init__(self, query: Query, language: str, kind: Kind | None, total: int):
        self.query, self.language, self.kind, self.total = query, language, kind, total

    def count(self) -> int:
        return self.total

    def __len__(self) -> int:
        return self.total

    def __getitem__(self, window: slice) -> list[Hit]:
        if not isinstance(window, slice):
            raise TypeError("Ranked hits are read a page (a slice) at a time")
        content_types = [content_type_of(self.kind)] if self.kind else None
        rows = list(
            engine.ranked(self.query, self.language, content_types).values_list(
                "pk",
                "content_type_id",
                "object_id",
                "slug",
                "anchor",
                "link",
                "date",
                "place",
                "score",
            )[window]
        )
        texts = engine.headlines(self.query, self.language, [row[0] for row in rows])
        kinds = _kinds_by_content_type()
        hits = []
        for pk, content_type, object_id, slug, anchor, link, date, place, score in rows:
            kind = kinds[content_type]
            title, passage = texts.get(pk, ("", ""))
            hits.append(
                Hit(
                    kind,
                    object_id,
                    title,
                    kind.url(slug, anchor, link),
                    slug,
                    _marked(passage),
                    date,
                    place,
                    score,
                )
            )
        return hits


@dataclass
class Results:
    query: Query
    counts: list[KindCount]
    total: int
    kind: Kind | None
    hits: Ranked

    @property
    def count(self) -> int:
        return self.hits.total


def search(query: Query, language: str, kind: Kind | None = None) -> Results:
    """What `query` finds: how many of each kind, and the hits (of `kind`, or of all)."""
    by_content_type = _kinds_by_content_type()
    found = engine.counts(query) if query else {}
    counts = [
        KindCount(by_content_type[content_type], n)
        for content_type, n in found.items()
        if content_type in by_content_type
    ]
    counts.sort(key=lambda item: KINDS.index(item.kind))
    total = sum(item.count for item in counts)
    selected = next((item.count for item in counts if item.kind == kind), 0) if kind else total
    return Results(query, counts, total, kind, Ranked(query, language, kind, selected))


def suggestions(query: Query, language: str, limit: int = 8) -> list[Hit]:
    """The best few hits, titles only: for the header field while the visitor types."""
    rows = list(
        engine.ranked(query, language)
        .annotate(_title=engine.localised("title", language))
        .values_list("content_type_id", "object_id", "slug", "anchor", "link", "_title", "score")[
            :limit
        ]
    )
    kinds = _kinds_by_content_type()
    return [
        Hit(
            kinds[content_type],
            object_id,
            title,
            kinds[content_type].url(slug, anchor, link),
            slug,
            mark_safe(""),
            None,
            "",
            score,
        )
        for content_type, object_id, slug, anchor, link, title, score in rows
    ]


__all__ = ["BY_MODEL", "BY_SLUG", "KINDS", "Hit", "Results", "search", "suggestions"]
