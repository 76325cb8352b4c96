"""The participants list as CSV and XLSX: the same rows and columns in both."""

import csv
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook

from events.models import SessionSeat
from events.models.registration import Diet
from portal.core.i18n import translated

# A spreadsheet runs a cell that starts like a formula; a registrant's name must not.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def columns() -> list[str]:
    return [
        _("Name"),
        _("Email address"),
        _("Organisation"),
        _("Type of organisation"),
        _("Country"),
        _("Region"),
        _("State"),
        _("Place on the waiting list"),
        _("Sessions"),
        _("Waiting for sessions"),
        _("Dietary needs"),
        _("Allergies or other needs"),
        _("Language"),
        _("Registered"),
        _("Email confirmed"),
        _("Consent version"),
        _("Checked in"),
    ]


def rows(registrations, positions: dict[int, int], tz):
    """One list of cell values per registration; times naive in the event's zone."""

    def local(moment):
        return moment.astimezone(tz).replace(tzinfo=None, microsecond=0) if moment else None

    for r in registrations:
        seats = list(r.seats.all())
        held = [s for s in seats if s.state in SessionSeat.HOLDING]
        waiting = [s for s in seats if s.state == SessionSeat.State.WAITING]
        yield [
            _safe(value)
            for value in (
                r.name,
                r.email,
                r.organisation_name,
                r.get_organisation_type_display(),
                r.country.name if r.country else "",
                translated(r.region, "name")[0] if r.region else "",
                r.get_state_display(),
                positions.get(r.pk),
                "; ".join(translated(s.session, "title")[0] for s in held),
                "; ".join(translated(s.session, "title")[0] for s in waiting),
                ", ".join(str(label) for value, label in _diets(r)),
                r.dietary_note,
                r.language,
                local(r.created_at),
                local(r.confirmed_at),
                r.consent.version if r.consent else None,
                local(r.checked_in_at),
            )
        ]


def _diets(registration):
    labels = dict(Diet.choices)
    return [(value, labels.get(value, value)) for value in registration.dietary]


def as_csv(header, data) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in data:
        writer.writerow([_csv_cell(value) for value in row])
    # The byte-order mark makes Excel read the file as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _csv_cell(value):
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat(sep=" ")
    return value


def as_xlsx(header, data, title: str) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(title=title[:31])
    sheet.append(header)
    for row in data:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
