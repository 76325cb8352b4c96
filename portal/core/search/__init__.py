"""Search over the portal's public content, in PostgreSQL.

Every public object has one SearchEntry (portal.core.models) holding its words per
language, weighted (title, names and places, summary, the rest), as tsvectors made with
the portal's text-search configurations: each language's stemming with accents removed.
`query` turns what a visitor typed into tsqueries, with typos corrected from the portal's
own vocabulary; `engine` finds, ranks, counts and highlights; `store` writes entries and
refreshes the vocabulary. Which objects have entries, and what they say, is the site
shell's business (portal.search), the only part that knows every app.
"""

LANGUAGES = ("en", "nl", "de")
CONFIGS = {code: f"portal_{code}" for code in LANGUAGES}
