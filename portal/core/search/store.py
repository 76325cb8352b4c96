"""Writing search entries, and the vocabulary drawn from them."""

import datetime
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection, transaction

from portal.core.search import CONFIGS, LANGUAGES

# A tsvector holds at most 1 MB and positions up to 16,383; a long PDF is cut.
MAX_TEXT = 60_000
WEIGHTS = "ABCD"


@dataclass
class Entry:
    """What one object says, per language (`en`, `nl`, `de`) and by weight.

    A is the title, B names, places and labels, C the summary, D the rest. What is the same
    in every language goes in `codes` (an acronym, a NUTS code: weight A) and `names` (a
    city, a venue: weight B).
    """

    model: type
    pk: int
    titles: dict[str, str]
    codes: list[str] = field(default_factory=list)
    names: list[str] = field(default_factory=list)
    labels: dict[str, list[str]] = field(default_factory=dict)
    summary: dict[str, str] = field(default_factory=dict)
    body: dict[str, str] = field(default_factory=dict)
    slug: str = ""
    anchor: str = ""
    link: str = ""
    date: datetime.date | None = None
    place: str = ""
    public_from: datetime.datetime | None = None

    def title(self) -> str:
        return next((self.titles.get(code) for code in LANGUAGES if self.titles.get(code)), "")

    def weighted(self, language: str) -> list[str]:
        """The texts of weights A to D in `language`."""
        labels = [text for text in self.names + self.labels.get(language, []) if text]
        return [
            " ".join([self.titles.get(language) or "", *filter(None, self.codes)]),
            " · ".join(labels),
            self.summary.get(language) or "",
            (self.body.get(language) or "")[:MAX_TEXT],
        ]

    def text(self, language: str) -> str:
        """What the highlighted passage is cut from: all but the title."""
        _title, names, summary, body = self.weighted(language)
        return "\n".join(part for part in (names, summary, body) if part)


def _vector(language: str, weights: str = WEIGHTS) -> str:
    config = CONFIGS[language]
    return " || ".join(f"setweight(to_tsvector('{config}', %s), '{weight}')" for weight in weights)


_COLUMNS = (
    "content_type_id, object_id, slug, anchor, link, title_en, title_nl, title_de, name, "
    "text_en, text_nl, text_de, vector_en, vector_nl, vector_de, head_en, head_nl, head_de, "
    "date, place, public_from, updated_at"
)
_UPDATE = ", ".join(
    f"{column} = EXCLUDED.{column}"
    for column in _COLUMNS.split(", ")
    if column not in ("content_type_id", "object_id")
)
_INSERT = f"""
INSERT INTO core_searchentry ({_COLUMNS})
VALUES (%s, %s, %s, %s, %s, %s, %s, %s, lower(unaccent(%s)), %s, %s, %s,
        {_vector("en")}, {_vector("nl")}, {_vector("de")},
        {_vector("en", "ABC")}, {_vector("nl", "ABC")}, {_vector("de", "ABC")},
        %s, %s, %s, now())
ON CONFLICT (content_type_id, object_id) DO UPDATE SET {_UPDATE}
"""


def _params(entry: Entry) -> list:
    content_type = ContentType.objects.get_for_model(entry.model)
    params = [
        content_type.pk,
        entry.pk,
        entry.slug,
        entry.anchor,
        entry.link[:500],
        *((entry.titles.get(code) or "")[:300] for code in LANGUAGES),
        "\n".join(dict.fromkeys(filter(None, entry.titles.values())))[:300],
        *(entry.text(code) for code in LANGUAGES),
    ]
    for code in LANGUAGES:
        params += entry.weighted(code)
    for code in LANGUAGES:
        params += entry.weighted(code)[:3]
    params += [entry.date, entry.place[:250], entry.public_from]
    return params


def entries_write(entries: list[Entry]) -> None:
    """Write (or replace) these entries, in the caller's transaction."""
    if not entries:
        return
    with connection.cursor() as cursor:
        cursor.executemany(_INSERT, [_params(entry) for entry in entries])
    vocabulary_refresh_soon()


def entries_delete(model: type, pks) -> None:
    """Remove the entries of these objects, if they have any."""
    from portal.core.models import SearchEntry

    content_type = ContentType.objects.get_for_model(model)
    SearchEntry.objects.filter(content_type=content_type, object_id__in=list(pks)).delete()


_QUEUED = "search:vocabulary:queued"


def vocabulary_refresh() -> None:
    """Read the portal's words afresh from every entry (a second or two for 20,000)."""
    cache.delete(_QUEUED)
    with connection.cursor() as cursor:
        # CONCURRENTLY: searches go on reading the old words meanwhile.
        cursor.execute("REFRESH MATERIALIZED VIEW CONCURRENTLY core_searchword")


def vocabulary_refresh_soon() -> None:
    """After this transaction commits, refresh the vocabulary once for all that changed.

    A burst of saves (an import, the demo loader) queues one refresh, not one each.
    """

    def queue():
        from portal.core.tasks import search_vocabulary_refresh

        if cache.add(_QUEUED, True, timeout=300):
            search_vocabulary_refresh.apply_async(countdown=5)

    # Robust: with Redis down the save stands; the next save queues the refresh.
    transaction.on_commit(queue, robust=True)
