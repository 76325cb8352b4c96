"""JSON request bodies, read with a limit on how deeply they nest.

Python's json module recurses once per level: a body a few thousand brackets deep ends in
RecursionError, a 500. The depth is counted first, in one pass over the bytes with the
strings taken out, and a body that nests too deeply is a 400 that says so. The size is
limited before any parser runs: DRF reads a JSON body through `request.body`, which
Django refuses past DATA_UPLOAD_MAX_MEMORY_SIZE (see portal.core.api.exceptions).
"""

import io
import re

from django.utils.translation import gettext as _
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

# Far deeper than any body the API takes (a plan's content is four levels deep).
MAX_DEPTH = 32

_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(set(range(256)) - set(b"[]{}"))
_OPENING = frozenset(b"[{")


def nesting_depth(raw: bytes, stop_above: int) -> int:
    """How deeply `raw` nests its arrays and objects, counting no further than `stop_above`+1."""
    depth = deepest = 0
    for byte in _STRING.sub(b"", raw).translate(None, _NOT_BRACKETS):
        depth += 1 if byte in _OPENING else -1
        if depth > deepest:
            deepest = depth
            if deepest > stop_above:
                break
    return deepest


class LimitedJSONParser(JSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        raw = stream.read()
        if nesting_depth(raw, MAX_DEPTH) > MAX_DEPTH:
            raise ParseError(
                _("The JSON body nests more than %(max)d levels deep, the most the API reads.")
                % {"max": MAX_DEPTH}
            )
        return super().parse(io.BytesIO(raw), media_type, parser_context)
