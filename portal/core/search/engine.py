"""Finding, ranking, counting and highlighting entries.

An entry matches when its words in any language hold every word of the query (or a
correction of it: typos are corrected against the vocabulary's trigram index before the
query is built, see `query`). It ranks by how well it matches in the reader's language; a
match only in another language counts less, so a Dutch reader sees Dutch matches first and
English-only content after. An exact match of the words typed ranks above one through a
typo correction, and a title equal to the query above everything. The GIN indexes on the
vectors answer the match; only the matches are ranked.

Every expression below is paid per matching row, and a vector is unpacked from its TOAST
storage at each use: what is computed is kept to what the ordering needs.
"""

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import Case, Count, F, FloatField, Func, Q, TextField, Value, When
from django.db.models.functions import Coalesce, Greatest, Left, Lower, NullIf
from django.db.models.lookups import GreaterThan
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
# ts_rank's normalisation 1: long texts (a PDF) do not win by repeating a word.
NORMALISATION = 1
# The passage is cut from the start of the text: ts_headline reads all it is given, and
# 20 passages from whole PDFs would cost more than the rest of the search.
PASSAGE_FROM = 1200


def _language(language: str) -> str:
    return language if language in LANGUAGES else "en"


def _tsquery(query: Query, code: str, *, fuzzy: bool = True) -> SearchQuery:
    return SearchQuery(query.tsquery(fuzzy=fuzzy), search_type="raw", config=CONFIGS[code])


def _normalised(text: str):
    return Lower(Func(Value(text), function="unaccent"))


def _matches(query: Query, *, fuzzy: bool = True) -> Q:
    return Q(
        *[Q(**{f"vector_{code}": _tsquery(query, code, fuzzy=fuzzy)}) for code in LANGUAGES],
        _connector=Q.OR,
    )


def matching(query: Query, content_types=None):
    """The public entries that match `query`, of the given content types (ids) or all."""
    entries = SearchEntry.objects.filter(
        _matches(query),
        Q(public_from__isnull=True) | Q(public_from__lte=timezone.now()),
    )
    if content_types is not None:
        entries = entries.filter(content_type_id__in=content_types)
    return entries


def score(query: Query, language: str):
    """How well an entry matches, for ordering: see the module's docstring."""
    language = _language(language)

    def rank(code):
        return SearchRank(
            F(f"vector_{code}"), _tsquery(query, code), normalization=Value(NORMALISATION)
        )

    others = [rank(code) for code in LANGUAGES if code != language]
    expression = Case(
        When(Q(**{f"vector_{language}": _tsquery(query, language)}), then=rank(language)),
        default=Greatest(*others) * Value(OTHER_LANGUAGE),
        output_field=FloatField(),
    )
    if query.is_fuzzy:
        expression += Case(
            When(_matches(query, fuzzy=False), then=Value(EXACT_WORDS)),
            default=Value(0.0),
            output_field=FloatField(),
        )
    else:
        expression += Value(EXACT_WORDS)
    normalised = _normalised(query.text)
    return expression + Case(
        When(name=normalised, then=Value(EXACT_TITLE)),
        When(name__startswith=normalised, then=Value(EXACT_TITLE / 4)),
        default=Value(0.0),
        output_field=FloatField(),
    )


def ranked(query: Query, language: str, content_types=None):
    """Matching entries annotated with `score`, best first (ties by age, oldest first)."""
    return (
        matching(query, content_types)
        .annotate(score=score(query, language))
        .order_by("-score", "pk")
    )


def counts(query: Query) -> dict[int, int]:
    """How many entries match, per content type id."""
    rows = matching(query).values("content_type_id").annotate(n=Count("pk")).order_by()
    return {row["content_type_id"]: row["n"] for row in rows}


def localised(name: str, language: str):
    """An entry's column in the reader's language, falling back like the pages do."""
    order = [language] + [code for code in FALLBACKS if code != language]
    return Coalesce(
        *[NullIf(f"{name}_{code}", Value("")) for code in order],
        Value(""),
        output_field=TextField(),
    )


_START, _STOP = "\x02", "\x03"


def headlines(query: Query, language: str, ids) -> dict[int, tuple]:
    """Each entry's title and highlighted passage in the reader's language (or the one it
    falls back to), as (title, passage with \\x02…\\x03 around matches); one query."""
    language = _language(language)
    order = [language] + [code for code in FALLBACKS if code != language]
    # The passage is cut from the first language that has text, with that language's
    # stemming, so the marked words are the ones that matched.
    passage = Case(
        *[
            When(
                # The length of a stored text is read without unpacking it.
                GreaterThan(Func(F(f"text_{code}"), function="octet_length"), 0),
                then=Func(
                    Value(CONFIGS[code]),
                    Left(f"text_{code}", PASSAGE_FROM),
                    _tsquery(query, code),
                    Value(f"StartSel={_START}, StopSel={_STOP}, MaxWords=30, MinWords=12"),
                    function="ts_headline",
                    output_field=TextField(),
                ),
            )
            for code in order
        ],
        default=Value(""),
        output_field=TextField(),
    )
    rows = (
        SearchEntry.objects.filter(pk__in=list(ids))
        .annotate(_title=localised("title", language), _passage=passage)
        .values_list("pk", "_title", "_passage")
    )
    return {pk: (title, text) for pk, title, text in rows}
