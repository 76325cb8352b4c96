"""The site search: which public objects are found, by which words, and where they lead.

The engine (portal.core.search) knows entries, not apps; this package, in the shell that
may import every app, says what each kind of object contributes (`kinds`), keeps the
entries current as objects are saved (`index`), and serves the search page, the
suggestions under the header field and the API (`results`).
"""

MAX_LENGTH = 200
