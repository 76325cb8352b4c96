"""PostgreSQL full-text matching shared by the site search and the API's `search` parameter.

A query is matched in the reader's language configuration (Dutch stemming for Dutch, and
so on) over the text in every language, with the reader's language first, and ranked.
`portal_word_similarity` is a plain SQL function the portal's first migration defines:
the embedded PostgreSQL has no pg_trgm.
"""

import re

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db.models import F, FloatField, Func, Q, TextField, Value
from django.db.models.functions import Coalesce, NullIf

from portal.core.i18n import FALLBACKS

CONFIGS = {"nl": "dutch", "en": "english", "de": "german"}
FUZZY_THRESHOLD = 0.45
WORD = re.compile(r"\w+")


def localised(name: str, language: str):
    """The field in the reader's language, falling back like the pages do."""
    order = [language] + [code for code in FALLBACKS if code != language]
    return Coalesce(
        *[NullIf(f"{name}_{code}", Value("")) for code in order],
        Value(""),
        output_field=TextField(),
    )


def search_query(query: str, language: str) -> SearchQuery:
    config = CONFIGS.get(language, "simple")
    # The "simple" configuration catches words the stemmer does not know (names, acronyms).
    found = SearchQuery(query, search_type="websearch", config=config) | SearchQuery(
        query, search_type="websearch", config="simple"
    )
    words = WORD.findall(query)
    if words:
        # Prefixes find the start of Dutch and German compounds: "innovatie" finds
        # "innovatiestrategie".
        found |= SearchQuery(
            " & ".join(f"{word}:*" for word in words), search_type="raw", config="simple"
        )
    return found


def matching(queryset, query: str, *, title: str, texts: list[str], language: str):
    """Rows matching `query`, best first, annotated with `_title` and `_score`."""
    config = CONFIGS.get(language, "simple")
    title_text = localised(title, language)
    vector = SearchVector(title_text, weight="A", config=config)
    for text in texts:
        vector += SearchVector(localised(text, language), weight="B", config=config)
    vector += SearchVector(title_text, weight="A", config="simple")
    return (
        queryset.annotate(
            _rank=SearchRank(vector, search_query(query, language)),
            # Typos: trigram similarity of the query's words to the title's words.
            _fuzzy=Func(
                Value(query),
                title_text,
                function="portal_word_similarity",
                output_field=FloatField(),
            ),
            _title=title_text,
        )
        .filter(Q(_rank__gt=0.0) | Q(_fuzzy__gte=FUZZY_THRESHOLD) | Q(_title__icontains=query))
        .annotate(_score=F("_rank") + F("_fuzzy") * 0.5)
        .order_by(F("_score").desc(nulls_last=True))
    )
