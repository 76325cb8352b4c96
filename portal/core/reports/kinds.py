"""The kinds of report the apps register, by name.

A kind says how to find its subject by primary key, who may see it, and how to lay it
out: a template and its context. The record of each file names its kind, so the task and
the download find their way back here without core importing the app that owns the data.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.text import slugify


@dataclass(frozen=True)
class Layout:
    """What one report looks like: its template (extending reports/base.html), the context
    it reads, the title on its cover and in its running header, and its file name."""

    template: str
    context: dict
    title: str
    subtitle: str = ""
    filename: str = "report"


@dataclass(frozen=True)
class Kind:
    name: str  # in URLs and in the record: "plan", "progress-report"...
    label: Any  # the heading of its box on the pages, lazily translated
    kind_label: Any  # what it is, on its cover ("Regional action plan")
    # The subject by primary key; raises ObjectDoesNotExist when there is none.
    load: Callable[[int], Any]
    # Whether a user (perhaps anonymous) may see the subject's data, and so its PDF.
    may_view: Callable[[Any, Any], bool]
    # The layout, called in the report's language.
    layout: Callable[[Any], Layout]
    # The subject's page, where the report is asked for: the way back without htmx.
    page_url: Callable[[Any], str] = field(default=lambda subject: "/")
    # The downloaded file's name, without the language and ".pdf".
    filename: Callable[[Any], str] = field(default=lambda subject: "report")


_kinds: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if not slugify(kind.name) == kind.name:
        raise ValueError(f"A report kind's name is a slug, not {kind.name!r}")
    known = _kinds.get(kind.name)
    if known is not None and known.layout.__module__ != kind.layout.__module__:
        raise ValueError(f"Two report kinds are called {kind.name!r}")
    _kinds[kind.name] = kind
    return kind


def get(name: str) -> Kind | None:
    return _kinds.get(name)


def all_kinds() -> list[Kind]:
    return list(_kinds.values())
