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
    """The hits of one query, best first, read a page at a time with their counts.

    Django's and DRF's paginators take it as they take a queryset: `count()` and a slice.
    One statement (portal.core.search.engine.page) gives the counts per kind and a page of
    hits; it is run for the page the caller expects (`number`), and again only if the
    paginator asks for another (a page past the end shows the last).
    """

    def __init__(self, query: Query, language: str, kind: Kind | None, number, per_page: int):
        self.query, self.language, self.kind, self.per_page = query, language, kind, per_page
        try:
            self._wanted = max(int(number), 1) - 1
        except (TypeError, ValueError):
            self._wanted = 0
        self._window, self._counts, self._hits = None, {}, []

    def _fetch(self, start: int, stop: int) -> None:
        content_type = content_type_of(self.kind) if self.kind else None
        if not self.query:
            self._window = (start, stop)
            return
        self._counts, rows = engine.page(
            self.query,
            self.language,
            content_type=content_type,
            limit=stop - start,
            offset=start,
        )
        self._window = (start, stop)
        kinds = _kinds_by_content_type()
        # Best first; ties newest first (the statement's order, which UNION does not keep).
        rows.sort(key=lambda row: (-row[8], -(row[6].toordinal() if row[6] else 0), row[0]))
        self._hits = [
            Hit(
                kinds[content_type],
                object_id,
                title,
                kinds[content_type].url(slug, anchor, link),
                slug,
                _marked(passage),
                date,
                place,
                score,
            )
            for (
                _pk,
                content_type,
                object_id,
                slug,
                anchor,
                link,
                date,
                place,
                score,
                title,
                passage,
            ) in rows
        ]

    def counts(self) -> dict[int, int]:
        if self._window is None:
            start = self._wanted * self.per_page
            self._fetch(start, start + self.per_page)
        return self._counts

    def count(self) -> int:
        counts = self.counts()
        if self.kind:
            return counts.get(content_type_of(self.kind), 0)
        return sum(counts.values())

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Hit]:
        if not isinstance(window, slice):
            raise TypeError("Ranked hits are read a page (a slice) at a time")
        start, stop = window.start or 0, window.stop
        # The paginator cuts the last page to what there is: that lies within the window
        # already read.
        if self._window is None or not (
            self._window[0] <= start and stop is not None and stop <= self._window[1]
        ):
            self._fetch(start, stop)
        offset = start - self._window[0]
        return self._hits[offset : offset + (stop - start)]


@dataclass
class Results:
    query: Query
    counts: list[KindCount]
    total: int
    kind: Kind | None
    hits: Ranked

    @property
    def count(self) -> int:
        return self.hits.count()


def search(
    query: Query, language: str, kind: Kind | None = None, *, number=1, per_page: int = 20
) -> Results:
    """What `query` finds: how many of each kind, and the hits (of `kind`, or of all) for
    page `number`, read in one statement when the page is asked for."""
    hits = Ranked(query, language, kind, number, per_page)
    by_content_type = _kinds_by_content_type()
    counts = [
        KindCount(by_content_type[content_type], n)
        for content_type, n in hits.counts().items()
        if content_type in by_content_type
    ]
    counts.sort(key=lambda item: KINDS.index(item.kind))
    return Results(query, counts, sum(item.count for item in counts), kind, hits)


def suggestions(query: Query, language: str, limit: int = 8) -> list[Hit]:
    """The best few hits, titles only: for the header field while the visitor types."""
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
            0.0,
        )
        for content_type, object_id, slug, anchor, link, title in engine.titles(
            query, language, limit
        )
    ]


__all__ = ["BY_MODEL", "BY_SLUG", "KINDS", "Hit", "Results", "search", "suggestions"]
