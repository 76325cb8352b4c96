"""Personal data on request: what the portal keeps about one email address, handed over as
JSON or erased.

Each app that keeps personal data registers its parts from its AppConfig.ready(), so core,
on the lowest floor, asks the apps above it without importing them. A part finds its rows
for an address, describes one row for the export, and erases one row through the app's
own service (the one its pages use), so a rule about what erasure keeps is written once.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone

# Whose data a part holds: the admin's actions on a kind of row take the parts of that kind.
USER = "user"
SUBSCRIBER = "subscriber"
REGISTRANT = "registrant"
PLAN_CONTACT = "plan contact"
ORGANISATION_CONTACT = "organisation contact"


@dataclass(frozen=True)
class Part:
    name: str  # the export's key, e.g. "news.subscriber"
    person: str  # USER, SUBSCRIBER, REGISTRANT, PLAN_CONTACT or ORGANISATION_CONTACT
    find: Callable[[str], Iterable]  # the rows about an address (matched in any case)
    # Each takes a row and the address asked about.
    export: Callable[[object, str], dict]
    # None: the rows stay for the record, as they are (the account they point to is
    # anonymised by its own part).
    erase: Callable[[object, str], None] | None = None


_parts: dict[str, Part] = {}


def register(part: Part) -> None:
    if part.name in _parts and _parts[part.name] != part:
        raise ImproperlyConfigured(f"Two personal-data parts are named {part.name!r}")
    _parts[part.name] = part


def parts(persons: Iterable[str] | None = None) -> list[Part]:
    chosen = set(persons) if persons is not None else None
    return [
        part for name, part in sorted(_parts.items()) if chosen is None or part.person in chosen
    ]


def personal_data_find(*, email: str, persons=None) -> list[tuple[Part, list]]:
    """The parts that hold something about the address, each with its rows."""
    email = email.strip()
    found = []
    for part in parts(persons):
        rows = list(part.find(email))
        if rows:
            found.append((part, rows))
    return found


def personal_data_export(*, email: str, persons=None) -> dict:
    """Everything kept about the address, by part; `data` is empty when nothing is."""
    found = personal_data_find(email=email, persons=persons)
    return {
        "email": email.strip(),
        "exported_at": timezone.now().isoformat(),
        "data": {
            part.name: [part.export(row, email.strip()) for row in rows] for part, rows in found
        },
    }


def personal_data_erase(*, email: str, persons=None) -> dict[str, int]:
    """Erase everything kept about the address, in one transaction: all or nothing.

    Every part's rows are found before any is erased: erasing the account replaces its
    address, after which the other parts could no longer find the person's rows by it.
    Answers how many rows each part erased; empty when nothing was kept.
    """
    with transaction.atomic():
        found = personal_data_find(email=email, persons=persons)
        erased = {part.name: len(rows) for part, rows in found if part.erase}
        for part, rows in found:
            for row in rows:
                if part.erase:
                    part.erase(row, email.strip())
    return erased
