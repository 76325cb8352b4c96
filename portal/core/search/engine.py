"""Finding, ranking, counting and highlighting entries.

An entry matches when its words in any language hold every word of the query (or a
correction of it: typos are corrected against the vocabulary's trigram index before the
query is built, see `query`). It ranks by how well it matches in the reader's language; a
match only in another language counts less, so a Dutch reader sees Dutch matches first and
English-only content after. An exact match of the words typed ranks above one through a
typo correction, and a title equal to the query (or starting with it) above everything.
The GIN indexes on the vectors answer the match; only the matches are ranked, by their
small head vectors (title, names, summary), which stay in the row: a match in the body
alone ranks after those, newest first.

The SQL is written here rather than composed with the ORM: one statement answers the
search page (the counts per kind, one page of hits and their passages), and every
expression in it is paid per matching row, where a vector is unpacked from its TOAST
storage at each use; what is computed is kept to what the ordering needs. The API's
lists use the same match and score through `matching` and `score`.
"""

from django.db import connection
from django.db.models import BooleanField, ExpressionWrapper, FloatField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from portal.core.i18n import FALLBACKS
from portal.core.models import SearchEntry
from portal.core.search import CONFIGS, LANGUAGES
from portal.core.search.query import Query

# A match only in another language than the reader's counts this much.
OTHER_LANGUAGE = 0.4
# Bonuses on top of the rank (which rarely passes 1).
EXACT_WORDS = 0.5
EXACT_TITLE = 2.0
# ts_rank's normalisation: none, since the head vectors it reads hold no long text.
NORMALISATION = 0
# The passage is cut from the start of the text: ts_headline parses and stems all it is
# given, and twenty passages from whole PDFs would cost more than the rest of the search.
PASSAGE_FROM = 1000
_START, _STOP = "\x02", "\x03"
PASSAGE_OPTIONS = f"StartSel={_START}, StopSel={_STOP}, MaxWords=30, MinWords=12"


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def _fallbacks(language: str) -> list[str]:
    return [language] + [code for code in FALLBACKS if code != language]


def _tsquery(code: str) -> str:
    return f"to_tsquery('{CONFIGS[code]}', %s)"


def match_sql(query: Query, *, fuzzy: bool = True) -> tuple[str, list]:
    """The condition an entry meets when it matches, with its parameters."""
    text = query.tsquery(fuzzy=fuzzy)
    sql = " OR ".join(f"vector_{code} @@ {_tsquery(code)}" for code in LANGUAGES)
    return f"({sql})", [text] * len(LANGUAGES)


# The time is the application's (as everywhere else), not the transaction's start.
_PUBLIC = "(public_from IS NULL OR public_from <= %s)"


def score_sql(query: Query, language: str) -> tuple[str, list]:
    """An entry's score for ordering (see the module's docstring), with its parameters.

    It reads only the small head vectors (title, names, summary): a match in the body
    alone scores no rank, and such results come after, newest first.
    """
    language = _language(language)
    text = query.tsquery()
    others = [code for code in LANGUAGES if code != language]

    def rank(code):
        return f"ts_rank(head_{code}, {_tsquery(code)}, {NORMALISATION})"

    sql = (
        f"({rank(language)} + {OTHER_LANGUAGE} * "
        f"greatest({', '.join(rank(code) for code in others)}))"
    )
    params = [text] * len(LANGUAGES)
    if query.is_fuzzy:
        exact = " OR ".join(f"head_{code} @@ {_tsquery(code)}" for code in LANGUAGES)
        sql += f" + (CASE WHEN {exact} THEN {EXACT_WORDS} ELSE 0 END)"
        params += [query.tsquery(fuzzy=False)] * len(LANGUAGES)
    else:
        sql += f" + {EXACT_WORDS}"
    # `name` holds the titles in every language, one a line: the query (or its typos
    # corrected) equal to one of them, or the start of one, ranks first.
    typed = "(E'\\n' || lower(unaccent(%s)))"
    texts = [(query.text, 1.0)] + ([(query.suggestion, 0.9)] if query.suggestion else [])
    # An exact title is looked for (typed, then corrected) before the start of one.
    whens = [
        f"WHEN position({typed} || E'\\n' in E'\\n' || name || E'\\n') > 0"
        f" THEN {EXACT_TITLE * weight}"
        for _text, weight in texts
    ] + [f"WHEN position({typed} in E'\\n' || name) > 0 THEN {EXACT_TITLE / 4}" for _ in texts]
    params += [text for text, _weight in texts] * 2
    sql += f" + (CASE {' '.join(whens)} ELSE 0 END)"
    return sql, params


def matching(query: Query, content_types=None):
    """The public entries that match `query` (of these content type ids), as a queryset."""
    sql, params = match_sql(query)
    entries = SearchEntry.objects.filter(
        ExpressionWrapper(
            RawSQL(f"{sql} AND {_PUBLIC}", [*params, timezone.now()]),
            output_field=BooleanField(),
        )
    )
    if content_types is not None:
        entries = entries.filter(content_type_id__in=content_types)
    return entries


def score(query: Query, language: str) -> RawSQL:
    """The score as an ORM expression, for an entry in a query of SearchEntry alone."""
    sql, params = score_sql(query, language)
    return RawSQL(sql, params, output_field=FloatField())


def _localised(column: str, language: str) -> str:
    options = ", ".join(f"nullif(e.{column}_{code}, '')" for code in _fallbacks(language))
    return f"coalesce({options}, '')"


def _passage(query: Query, language: str) -> tuple[str, list]:
    """The highlighted passage, cut from the first language with text, in its stemming."""
    whens, params = [], []
    for code in _fallbacks(language):
        # octet_length reads a stored text's length without unpacking it.
        whens.append(
            f"WHEN octet_length(e.text_{code}) > 0 THEN ts_headline('{CONFIGS[code]}', "
            f"left(e.text_{code}, {PASSAGE_FROM}), {_tsquery(code)}, %s)"
        )
        params += [query.tsquery(), PASSAGE_OPTIONS]
    return f"CASE {' '.join(whens)} ELSE '' END", params


def page_sql(query: Query, language: str, *, content_type=None, limit=20, offset=0):
    """The statement of `page`, with its parameters."""
    language = _language(language)
    match, match_params = match_sql(query)
    score, score_params = score_sql(query, language)
    passage, passage_params = _passage(query, language)
    sql = f"""
    WITH found AS MATERIALIZED (
        SELECT id, content_type_id, date, {score} AS score
        FROM core_searchentry WHERE {match} AND {_PUBLIC}
    ),
    counts AS (SELECT content_type_id, count(*) AS n FROM found GROUP BY content_type_id),
    shown AS (
        SELECT id, score FROM found WHERE %s::integer IS NULL OR content_type_id = %s
        ORDER BY score DESC, date DESC NULLS LAST, id LIMIT %s OFFSET %s
    )
    SELECT NULL::bigint, content_type_id, n, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
           NULL
    FROM counts
    UNION ALL
    (SELECT e.id, e.content_type_id, NULL, e.object_id, e.slug, e.anchor, e.link, e.date,
            e.place, shown.score, {_localised("title", language)}, {passage}
     FROM shown JOIN core_searchentry AS e ON e.id = shown.id)
    """
    params = [
        *score_params,
        *match_params,
        timezone.now(),
        content_type,
        content_type,
        limit,
        offset,
        *passage_params,
    ]
    return sql, params


def page(query: Query, language: str, *, content_type=None, limit=20, offset=0):
    """What the search page shows, in one statement: the matches counted per content type,
    and one page (of one content type, or of all) best first with titles and passages.

    Returns ({content type id: count}, [rows]), a row being (id, content type id,
    object id, slug, anchor, link, date, place, score, title, passage).
    """
    sql, params = page_sql(query, language, content_type=content_type, limit=limit, offset=offset)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    counts = {row[1]: row[2] for row in rows if row[0] is None}
    hits = [(row[0], row[1], *row[3:]) for row in rows if row[0] is not None]
    return counts, hits


def titles(query: Query, language: str, limit: int) -> list[tuple]:
    """The best few matches' (content type id, object id, slug, anchor, link, title)."""
    language = _language(language)
    match, match_params = match_sql(query)
    score, score_params = score_sql(query, language)
    sql = f"""
    SELECT e.content_type_id, e.object_id, e.slug, e.anchor, e.link,
           {_localised("title", language)}
    FROM core_searchentry AS e
    WHERE {match} AND {_PUBLIC}
    ORDER BY {score} DESC, e.date DESC NULLS LAST, e.id
    LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*match_params, timezone.now(), *score_params, limit])
        return cursor.fetchall()
