"""What a visitor typed, as PostgreSQL tsqueries, with typos corrected from the vocabulary.

Every word must match (in any language); a word of three letters or more also matches as
the start of a longer word, which finds Dutch and German compounds ("chemie" finds
"chemieregio", "innovatie" finds "innovatiestrategie") and words still being typed. A
word the portal never uses ("Lombrady", "chemestry") also matches its nearest words in
the vocabulary by trigram similarity ("lombardy", "chemistry"); those make the "did you
mean" suggestion.
"""

import re
from dataclasses import dataclass, field

from django.db import connection

WORD = re.compile(r"\w+")
MAX_WORDS = 8
PREFIX_FROM = 3
# Below this similarity a neighbour is another word, not a typo: "lombrady" and
# "lombardy" score 0.38, "flandres" and "flanders" 0.38, "make" and "mate" 0.25.
CORRECTION_SIMILARITY = 0.35
CORRECTIONS = 2


@dataclass
class Query:
    text: str
    words: list[str]
    # A word the vocabulary does not know -> the known words it is probably a typo of.
    corrections: dict[str, list[str]] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.words)

    @staticmethod
    def _term(word: str) -> str:
        # \w+ holds no quote or operator; quoted, a word is a lexeme to tsquery.
        return f"'{word}':*" if len(word) >= PREFIX_FROM else f"'{word}'"

    def tsquery(self, *, fuzzy: bool = True) -> str:
        """The text for to_tsquery(config, …): all words, each with its corrections."""
        terms = []
        for word in self.words:
            options = [self._term(word)]
            if fuzzy:
                options += [f"'{near}'" for near in self.corrections.get(word, [])]
            terms.append(options[0] if len(options) == 1 else f"({' | '.join(options)})")
        return " & ".join(terms)

    @property
    def is_fuzzy(self) -> bool:
        return bool(self.corrections)

    @property
    def suggestion(self) -> str:
        """The query with each unknown word replaced by its likeliest correction, or ''."""
        if not self.corrections:
            return ""
        return " ".join(self.corrections.get(word, [word])[0] for word in self.words)


def words(text: str) -> list[str]:
    found = []
    for word in WORD.findall(text.lower()):
        if word not in found:
            found.append(word)
    return found[:MAX_WORDS]


_LOOKUP = """
SELECT q.word,
       q.known,
       ARRAY(SELECT w.word FROM core_searchword AS w
             WHERE NOT q.known AND w.key %% q.key
               AND similarity(w.key, q.key) >= %s
             ORDER BY w.key <-> q.key, w.ndoc DESC
             LIMIT %s)
FROM (
    SELECT typed.word, typed.key,
           length(typed.key) < %s OR EXISTS (
               SELECT 1 FROM core_searchword AS w
               WHERE w.key LIKE replace(replace(typed.key, '\\', '\\\\'), '_', '\\_') || '%%'
           ) AS known
    FROM (SELECT word, unaccent(word) AS key FROM unnest(%s::text[]) AS word) AS typed
) AS q
"""


def parse(text: str) -> Query:
    """The query, its typos looked up in one query to the vocabulary."""
    query = Query(text=text, words=words(text))
    if not query.words:
        return query
    with connection.cursor() as cursor:
        cursor.execute(_LOOKUP, [CORRECTION_SIMILARITY, CORRECTIONS, PREFIX_FROM, query.words])
        for word, known, near in cursor.fetchall():
            if not known and near:
                query.corrections[word] = near
    return query
