"""Every interface text is translated into Dutch and German, and none is a guess."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def _entries(language):
    text = (LOCALE / language / "LC_MESSAGES" / "django.po").read_text()
    return text.split("\n\n")[1:]  # the first block is the catalogue's header


@pytest.mark.parametrize("language", ["nl", "de"])
def test_the_catalogue_is_complete(language):
    entries = _entries(language)
    # An empty msgstr is one not followed by a continuation line.
    untranslated = [e for e in entries if re.search(r'^msgstr(\[\d\])? ""$(?!\n")', e, re.M)]
    guessed = [e for e in entries if "#, fuzzy" in e]
    assert len(entries) > 900
    assert untranslated == [], "run `make messages` and translate these"
    assert guessed == [], "gettext guessed these from older texts: check and unflag them"
