"""What an entry of each demo data file may hold: its keys, their types and their choices.

Choices are taken from the models, so a data file cannot name a type, kind or role the
portal does not know. A reference to another entry (a region's slug, a contact's key) is
checked against the slugs the data files define; `portal.demo.reader` gives the validator
those slugs as its context.
"""

import datetime
import zoneinfo
from decimal import Decimal
from typing import Annotated, Literal

from django.conf import settings
from django.db import models
from django_countries import countries
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from events.models import Event as EventModel
from events.models import Session as SessionModel
from events.models.registration import ORGANISATION_TYPES
from portal.core.models import Document
from projects.models import GoodPractice as GoodPracticeModel
from projects.models import Partnership, Phase, ProjectRole
from regions import eye_ris3
from regions.models import Infrastructure as InfrastructureModel
from regions.models import Milestone as MilestoneModel
from regions.models import Organisation as OrganisationModel
from regions.models import Region as RegionModel


def choice(values):
    """A Literal of the values a model's choices (or a list of (value, label) pairs) allow."""
    if isinstance(values, type) and issubclass(values, models.Choices):
        values = values.values
    else:
        values = [value for value, _label in values]
    return Literal[tuple(values)]


def _reference(kind: str, file: str):
    def check(slug: str, info: ValidationInfo) -> str:
        if info.context is not None and slug not in info.context.get(kind, ()):
            raise PydanticCustomError(
                "unknown_reference",
                'there is no {kind} "{slug}" in {file}',
                {"kind": kind, "slug": slug, "file": file},
            )
        return slug

    return AfterValidator(check)


def _country(code: str) -> str:
    if code not in countries:
        raise PydanticCustomError("country", '"{code}" is not an ISO country code', {"code": code})
    return code


def _timezone(name: str) -> str:
    if name not in zoneinfo.available_timezones():
        raise PydanticCustomError(
            "timezone", '"{name}" is not a time zone such as Europe/Brussels', {"name": name}
        )
    return name


def _nace(code: str) -> str:
    if code not in eye_ris3.NACE_SECTIONS and code not in eye_ris3.NACE_DIVISIONS:
        raise PydanticCustomError(
            "nace", '"{code}" is not a NACE Rev. 2 section or division', {"code": code}
        )
    return code


ThemeSlug = Annotated[str, _reference("theme", "themes.toml")]
RegionSlug = Annotated[str, _reference("region", "regions.toml")]
OrganisationSlug = Annotated[str, _reference("organisation", "organisations.toml")]
ContactKey = Annotated[str, _reference("contact", "contacts.toml")]
ProgrammeSlug = Annotated[str, _reference("programme", "programmes.toml")]
ProjectSlug = Annotated[str, _reference("project", "projects.toml")]
EventSlug = Annotated[str, _reference("event", "events.toml")]
PersonKey = Annotated[str, _reference("person", "events.toml")]
TimeZone = Annotated[str, AfterValidator(_timezone)]
Country = Annotated[str, AfterValidator(_country)]
# As the models store them: coordinates to five places, amounts to the cent. TOML's
# numbers are read as Decimal, so 51.01000 arrives exactly as written.
Coordinate = Annotated[Decimal, Field(strict=False, max_digits=8, decimal_places=5)]
Amount = Annotated[Decimal, Field(strict=False, max_digits=12, decimal_places=2)]
# Django's rule for a SlugField.
Slug = Annotated[str, Field(pattern=r"^[-a-zA-Z0-9_]+$")]


class Table(BaseModel):
    """Any table of a data file: the keys declared below and no others, of their own type."""

    # Strict: a date must be a TOML date, not a string that looks like one.
    model_config = ConfigDict(extra="forbid", strict=True)


class Text(Table):
    """A text in each of the portal's languages: the demo shows every page in all three."""

    en: str = Field(min_length=1)
    nl: str = Field(min_length=1)
    de: str = Field(min_length=1)


# A city named alike in every language is a string; one each language names its own way
# (Brussels, Brussel, Brüssel) is a text.
City = str | Text


class Theme(Table):
    slug: Slug
    name: Text


class Region(Table):
    slug: Slug
    name: Text
    type: choice(RegionModel.Type)
    nuts_code: str | None = None
    country: Country
    parent: RegionSlug | None = None
    latitude: Coordinate | None = None
    longitude: Coordinate | None = None
    contacts: list[ContactKey] = []
    summary: Text | None = None


class Organisation(Table):
    slug: Slug
    name: Text
    acronym: str = ""
    type: choice(OrganisationModel.Type)
    region: RegionSlug
    city: City = ""
    website: str = ""
    latitude: Coordinate | None = None
    longitude: Coordinate | None = None
    summary: Text | None = None


class Contact(Table):
    key: Slug
    organisation: OrganisationSlug
    name: str
    job_title: Text | None = None
    department: Text | None = None
    email: str = ""
    phone: str = ""


class Programme(Table):
    slug: Slug
    name: Text
    period_start: int
    period_end: int
    website: str = ""


class ProjectPhase(Table):
    kind: choice(Phase.Kind)
    start: datetime.date
    end: datetime.date


class ProjectPartner(Table):
    organisation: OrganisationSlug
    role: choice(Partnership.Role)
    region: RegionSlug


class Project(Table):
    slug: Slug
    acronym: str
    title: Text
    programme: ProgrammeSlug
    start_date: datetime.date | None = None
    end_date: datetime.date | None = None
    budget: Amount | None = None
    website: str = ""
    themes: list[ThemeSlug] = []
    contacts: list[ContactKey] = []
    phases: list[ProjectPhase] = []
    partners: list[ProjectPartner] = []
    summary: Text | None = None


class MilestoneDocument(Table):
    """A document the milestone names; the demo stands a one-page placeholder PDF in."""

    title: Text
    kind: choice(Document.Kind)
    file: str


class Milestone(Table):
    date: datetime.date
    kind: choice(MilestoneModel.Kind)
    title: Text
    place: City = ""
    themes: list[ThemeSlug] = []
    summary: Text | None = None
    documents: list[MilestoneDocument] = []


class Cooperation(Table):
    slug: Slug
    name: Text
    started_on: datetime.date | None = None
    regions: list[RegionSlug] = []
    themes: list[ThemeSlug] = []
    contacts: list[ContactKey] = []
    summary: Text | None = None
    milestones: list[Milestone] = []


class StrategyDocument(Table):
    title: Text
    file: str


class Priority(Table):
    name: Text
    description: Text | None = None
    nace: list[Annotated[str, AfterValidator(_nace)]] = []
    science: list[choice(eye_ris3.SCIENTIFIC_DOMAINS)] = []
    policy: list[choice(eye_ris3.POLICY_OBJECTIVES)] = []


class Strategy(Table):
    region: RegionSlug
    title: Text
    author: OrganisationSlug
    period_start: int | None = None
    period_end: int | None = None
    contacts: list[ContactKey] = []
    document: StrategyDocument | None = None
    summary: Text | None = None
    priorities: list[Priority] = []


class Person(Table):
    """Someone who chairs or speaks: people in the seeds, or invented ones marked `demo`."""

    key: Slug
    name: str
    organisation: OrganisationSlug | None = None
    organisation_name: str = ""
    bio: Text | None = None
    demo: bool = False


class Presentation(Table):
    title: Text
    speakers: list[PersonKey] = []
    # A placeholder PDF stands in for slides the demo names but does not have.
    slides: str | None = None


class Session(Table):
    """A session on day `day` of its event (1 is the first), at local times in the event's
    time zone. `demo` marks a session whose time, place or content the sources do not give."""

    day: int = Field(ge=1)
    start: datetime.time
    end: datetime.time
    kind: choice(SessionModel.Kind)
    title: Text
    track: Text | None = None
    room: Text | None = None
    address: str = ""
    description: Text | None = None
    report: Text | None = None
    chairs: list[PersonKey] = []
    presentations: list[Presentation] = []
    # Registrants choose it on the form; `places` limits it.
    choose: bool = False
    places: int | None = Field(default=None, ge=1)
    demo: bool = False

    @model_validator(mode="after")
    def _times(self):
        if self.end <= self.start:
            raise ValueError("a session must end after it starts")
        if self.places is not None and not self.choose:
            raise ValueError("only a session with choose = true can have places")
        return self


def _distinct_titles(sessions: list[Session]) -> None:
    # The loader finds a session again by its English title.
    titles = [session.title.en for session in sessions]
    for title in titles:
        if titles.count(title) > 1:
            raise ValueError(f'two sessions are called "{title}"')


class Event(Table):
    slug: Slug
    title: Text
    type: choice(EventModel.Type)
    project: ProjectSlug | None = None
    start: datetime.date
    # A one-day event leaves out its end.
    end: datetime.date | None = None
    precision: choice(EventModel.Precision) = "day"
    timezone: TimeZone = "Europe/Brussels"
    city: City = ""
    country: Country | None = None
    region: RegionSlug
    venue: Text | None = None
    address: str = ""
    latitude: Coordinate | None = None
    longitude: Coordinate | None = None
    organisers: list[OrganisationSlug] = []
    summary: Text | None = None
    agenda: Text | None = None
    report: Text | None = None
    session: list[Session] = []

    @model_validator(mode="after")
    def _sessions(self):
        _distinct_titles(self.session)
        days = ((self.end or self.start) - self.start).days + 1
        if any(session.day > days for session in self.session):
            raise ValueError(f"a session lies after the event's last day (day {days})")
        return self


class Registrant(Table):
    """An invented registrant of the upcoming demo event; places go in the file's order."""

    name: str
    email: str
    organisation: str = ""
    organisation_type: choice(ORGANISATION_TYPES) | None = None
    country: Country | None = None
    language: choice(settings.LANGUAGES) = "en"
    # English titles of the sessions they choose.
    sessions: list[str] = []


class DemoRegistration(Table):
    opens_days_ago: int = Field(default=14, ge=0)
    closes_days_before: int = Field(default=2, ge=0)
    capacity: int | None = Field(default=None, ge=1)
    needs_approval: bool = False
    offer_hours: int = Field(default=48, ge=1)
    consent: Text


class UpcomingEvent(Table):
    """The demo's event to try registration on, dated from the day the demo is loaded."""

    slug: Slug
    title: Text
    type: choice(EventModel.Type)
    project: ProjectSlug | None = None
    starts_in_days: int = Field(ge=1)
    days: int = Field(default=1, ge=1)
    timezone: TimeZone = "Europe/Brussels"
    city: City = ""
    country: Country | None = None
    region: RegionSlug
    venue: Text | None = None
    address: str = ""
    latitude: Coordinate | None = None
    longitude: Coordinate | None = None
    organisers: list[OrganisationSlug] = []
    summary: Text | None = None
    registration: DemoRegistration
    session: list[Session] = []
    registrant: list[Registrant] = []

    @model_validator(mode="after")
    def _sessions(self):
        _distinct_titles(self.session)
        if any(session.day > self.days for session in self.session):
            raise ValueError(f"a session lies after the event's last day (day {self.days})")
        titles = {session.title.en for session in self.session}
        for registrant in self.registrant:
            for title in registrant.sessions:
                if title not in titles:
                    raise ValueError(f'{registrant.email} chooses "{title}", which is no session')
        return self


class GoodPractice(Table):
    slug: Slug
    title: Text
    project: ProjectSlug
    organisation: OrganisationSlug
    region: RegionSlug
    approach: choice(GoodPracticeModel.Approach)
    themes: list[ThemeSlug] = []
    summary: Text
    problem: Text | None = None
    description: Text | None = None
    resources: Text | None = None
    transferability: Text | None = None


class Infrastructure(Table):
    slug: Slug
    name: Text
    kind: choice(InfrastructureModel.Kind)
    owner: OrganisationSlug
    region: RegionSlug
    city: City = ""
    website: str = ""
    latitude: Coordinate | None = None
    longitude: Coordinate | None = None
    themes: list[ThemeSlug] = []
    summary: Text


class Article(Table):
    slug: Slug
    title: Text
    published: datetime.date
    project: ProjectSlug | None = None
    region: RegionSlug | None = None
    event: EventSlug | None = None
    themes: list[ThemeSlug] = []
    byline: str = ""
    summary: Text
    body: Text | None = None


class AccountRole(Table):
    project: ProjectSlug
    role: choice(ProjectRole.Role)


class Account(Table):
    email: str
    full_name: str
    superuser: bool = False
    organisation: OrganisationSlug | None = None
    job_title: str = ""
    roles: list[AccountRole] = []


# The files: each holds its entries as an array of tables named after their kind, so an
# event starts with [[event]].


class ThemesFile(Table):
    theme: list[Theme] = []


class RegionsFile(Table):
    region: list[Region] = []


class OrganisationsFile(Table):
    organisation: list[Organisation] = []


class ContactsFile(Table):
    contact: list[Contact] = []


class ProgrammesFile(Table):
    programme: list[Programme] = []


class ProjectsFile(Table):
    project: list[Project] = []


class CooperationFile(Table):
    cooperation: list[Cooperation] = []


class StrategiesFile(Table):
    strategy: list[Strategy] = []


class EventsFile(Table):
    # Slugs of events an earlier version of the demo loaded; the loader deletes them.
    retired: list[Slug] = []
    person: list[Person] = []
    event: list[Event] = []
    upcoming_event: list[UpcomingEvent] = []


class GoodPracticesFile(Table):
    good_practice: list[GoodPractice] = []


class InfrastructuresFile(Table):
    infrastructure: list[Infrastructure] = []


class ArticlesFile(Table):
    article: list[Article] = []


class AccountsFile(Table):
    account: list[Account] = []
