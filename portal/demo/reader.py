"""Reads the demo data files and checks every entry before anything is written.

Each file in portal/demo/data/ holds one kind of entry as a TOML array of tables with named
keys (`[[event]]`); portal.demo.schema says which keys an entry may have. Whatever breaks a
rule stops the load with one DemoDataError naming, for each problem, the file, the entry
(its slug, or its position in the file counted from 1) and the field:

    events.toml, entry "grow-your-regio-2015": field "start": Input should be a valid date

Positions inside an entry count from 1 as well: `milestones[2].kind` is the second
milestone's kind.
"""

import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from portal.demo import schema

DATA_DIR = Path(__file__).parent / "data"

# In the order the loader writes them.
FILES = {
    "themes.toml": schema.ThemesFile,
    "regions.toml": schema.RegionsFile,
    "organisations.toml": schema.OrganisationsFile,
    "contacts.toml": schema.ContactsFile,
    "programmes.toml": schema.ProgrammesFile,
    "projects.toml": schema.ProjectsFile,
    "cooperation.toml": schema.CooperationFile,
    "strategies.toml": schema.StrategiesFile,
    "events.toml": schema.EventsFile,
    "good_practices.toml": schema.GoodPracticesFile,
    "infrastructures.toml": schema.InfrastructuresFile,
    "articles.toml": schema.ArticlesFile,
    "accounts.toml": schema.AccountsFile,
}

# What names an entry: other entries refer to it by this, and errors call it by it.
NAME_KEYS = ("slug", "key", "email")


class DemoDataError(Exception):
    """A demo data file is missing, is not valid TOML, or has an entry that breaks a rule."""


@dataclass(frozen=True)
class Content:
    themes: list[schema.Theme]
    regions: list[schema.Region]
    organisations: list[schema.Organisation]
    contacts: list[schema.Contact]
    programmes: list[schema.Programme]
    projects: list[schema.Project]
    cooperations: list[schema.Cooperation]
    strategies: list[schema.Strategy]
    events: list[schema.Event]
    retired_events: list[str]
    people: list[schema.Person]
    upcoming_events: list[schema.UpcomingEvent]
    good_practices: list[schema.GoodPractice]
    infrastructures: list[schema.Infrastructure]
    articles: list[schema.Article]
    accounts: list[schema.Account]


def read(data_dir: Path = DATA_DIR) -> Content:
    raw = {file: _parse(Path(data_dir), file) for file in FILES}
    errors, names = _names(raw)
    files = {}
    for file, model in FILES.items():
        try:
            files[file] = model.model_validate(raw[file], context=names)
        except ValidationError as error:
            errors += [_describe(file, raw[file], detail) for detail in error.errors()]
    if not errors:
        errors += _parents_first(files["regions.toml"].region)
    if errors:
        raise DemoDataError("\n".join(errors))
    return Content(
        themes=files["themes.toml"].theme,
        regions=files["regions.toml"].region,
        organisations=files["organisations.toml"].organisation,
        contacts=files["contacts.toml"].contact,
        programmes=files["programmes.toml"].programme,
        projects=files["projects.toml"].project,
        cooperations=files["cooperation.toml"].cooperation,
        strategies=files["strategies.toml"].strategy,
        events=files["events.toml"].event,
        retired_events=files["events.toml"].retired,
        people=files["events.toml"].person,
        upcoming_events=files["events.toml"].upcoming_event,
        good_practices=files["good_practices.toml"].good_practice,
        infrastructures=files["infrastructures.toml"].infrastructure,
        articles=files["articles.toml"].article,
        accounts=files["accounts.toml"].account,
    )


def _parse(data_dir: Path, file: str) -> dict:
    try:
        with open(data_dir / file, "rb") as fh:
            # Decimal keeps coordinates and amounts exactly as written.
            return tomllib.load(fh, parse_float=Decimal)
    except FileNotFoundError:
        raise DemoDataError(f"{file}: missing from {data_dir}") from None
    except tomllib.TOMLDecodeError as error:
        raise DemoDataError(f"{file}: {error}") from None


def _entry_name(entry) -> str | None:
    if isinstance(entry, dict):
        for key in NAME_KEYS:
            if isinstance(entry.get(key), str):
                return entry[key]
    return None


def _names(raw: dict) -> tuple[list[str], dict[str, set[str]]]:
    """The names each kind of entry defines (the validators' context), and any used twice."""
    errors, names = [], {}
    for file, tables in raw.items():
        for kind, entries in tables.items():
            if not isinstance(entries, list):
                continue
            first = {}
            for position, entry in enumerate(entries, start=1):
                name = _entry_name(entry)
                if name is None:
                    continue
                if name in first:
                    key = next(key for key in NAME_KEYS if entry.get(key) == name)
                    errors.append(
                        f'{file}, entry {position}: field "{key}": "{name}" is also the {key} '
                        f"of entry {first[name]}"
                    )
                first.setdefault(name, position)
            names[kind] = set(first)
    return errors, names


def _describe(file: str, raw: dict, error) -> str:
    loc = error["loc"]
    where = file
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(raw[loc[0]][loc[1]], dict):
        name = _entry_name(raw[loc[0]][loc[1]])
        where += f', entry "{name}"' if name else f", entry {loc[1] + 1}"
        loc = loc[2:]
    if loc:
        where += f': field "{_path(loc)}"'
    return f"{where}: {error['msg']}"


def _path(loc) -> str:
    path = ""
    for part in loc:
        path += f"[{part + 1}]" if isinstance(part, int) else f".{part}"
    return path.removeprefix(".")


def _parents_first(regions) -> list[str]:
    errors, seen = [], set()
    for region in regions:
        if region.parent and region.parent not in seen:
            errors.append(
                f'regions.toml, entry "{region.slug}": field "parent": "{region.parent}" '
                "must come before it in the file"
            )
        seen.add(region.slug)
    return errors
