"""Loads the demo data files (portal/demo/data/) into the database. Safe to run again."""

import datetime
import zoneinfo
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from events.models import (
    Consent,
    Event,
    Person,
    Presentation,
    Registration,
    RegistrationSettings,
    Session,
    SessionSeat,
)
from events.services import places
from news.models import Article
from portal.accounts.models import User
from portal.core.models import Document
from portal.core.search.store import vocabulary_refresh
from portal.demo.placeholder import placeholder_pdf
from portal.demo.plans import load_plans
from portal.demo.reader import DATA_DIR, Content, read
from portal.demo.reports import load_reports
from portal.demo.schema import Account, Text
from portal.demo.upsert import sync_m2m, upsert
from portal.search import index as search_index
from projects.models import GoodPractice, Partnership, Phase, Programme, Project, ProjectRole
from regions.models import (
    Contact,
    Cooperation,
    Infrastructure,
    Membership,
    Milestone,
    Organisation,
    PriorityDomain,
    Region,
    Strategy,
    Theme,
)

DEMO_PASSWORD = "portal-demo"
TIMEZONE = "Europe/Brussels"


def _texts(text: Text):
    return [(lang, getattr(text, lang)) for lang in ("en", "nl", "de")]


def _place(field: str, name: str | Text) -> dict:
    """A place named alike in every language ("Magdeburg"), or per language (Brussels)."""
    if isinstance(name, str):
        return {f"{field}_{lang}": name for lang in ("en", "nl", "de")}
    return {f"{field}_{lang}": getattr(name, lang) or name.en for lang in ("en", "nl", "de")}


def _city(city: str | Text) -> dict:
    return _place("city", city)


def _tr(field: str, text: Text | None) -> dict:
    """Text(en=.., nl=..) -> {"field_en": .., "field_nl": .., "field_de": ""}; None: all empty."""
    return {f"{field}_{lang}": getattr(text, lang) if text else "" for lang in ("en", "nl", "de")}


class Loader:
    def __init__(self, content: Content):
        self.content = content
        self.themes, self.regions, self.orgs, self.contacts = {}, {}, {}, {}
        self.projects, self.events, self.people = {}, {}, {}

    @transaction.atomic
    def run(self) -> None:
        self.load_themes()
        self.load_regions()
        self.load_organisations()
        self.load_programmes_and_projects()
        self.load_cooperations()
        self.load_strategies()
        self.load_people()
        self.load_events()
        self.load_upcoming_events()
        self.load_good_practices()
        self.load_infrastructures()
        self.load_articles()

    def load_themes(self):
        for data in self.content.themes:
            self.themes[data.slug] = upsert(Theme, {"slug": data.slug}, **_tr("name", data.name))

    def load_regions(self):
        for data in self.content.regions:
            self.regions[data.slug] = upsert(
                Region,
                {"slug": data.slug},
                nuts_code=data.nuts_code,
                country=data.country,
                type=data.type,
                # The reader has checked that a parent comes before its regions.
                parent=self.regions[data.parent] if data.parent else None,
                latitude=data.latitude,
                longitude=data.longitude,
                **_tr("name", data.name),
                **_tr("summary", data.summary),
            )

    def load_organisations(self):
        for data in self.content.organisations:
            self.orgs[data.slug] = upsert(
                Organisation,
                {"slug": data.slug},
                acronym=data.acronym,
                type=data.type,
                region=self.regions[data.region],
                **_city(data.city),
                website=data.website,
                latitude=data.latitude,
                longitude=data.longitude,
                **_tr("name", data.name),
                **_tr("summary", data.summary),
            )
        for data in self.content.contacts:
            self.contacts[data.key] = upsert(
                Contact,
                {"organisation": self.orgs[data.organisation], "name": data.name},
                email=data.email,
                phone=data.phone,
                # The seed articles publish these details themselves.
                is_public=True,
                **_tr("job_title", data.job_title),
                **_tr("department", data.department),
            )
        for data in self.content.regions:
            contacts = [self.contacts[key] for key in data.contacts]
            sync_m2m(self.regions[data.slug], "contacts", contacts)

    def load_programmes_and_projects(self):
        programmes = {}
        for data in self.content.programmes:
            programmes[data.slug] = upsert(
                Programme,
                {"slug": data.slug},
                period_start=data.period_start,
                period_end=data.period_end,
                website=data.website,
                **_tr("name", data.name),
            )
        for data in self.content.projects:
            project = upsert(
                Project,
                {"slug": data.slug},
                acronym=data.acronym,
                programme=programmes[data.programme],
                start_date=data.start_date,
                end_date=data.end_date,
                budget=data.budget,
                website=data.website,
                **_tr("title", data.title),
                **_tr("summary", data.summary),
            )
            self.projects[data.slug] = project
            sync_m2m(project, "themes", [self.themes[t] for t in data.themes])
            sync_m2m(project, "contacts", [self.contacts[c] for c in data.contacts])
            for phase in data.phases:
                upsert(
                    Phase,
                    {"project": project, "kind": phase.kind},
                    start_date=phase.start,
                    end_date=phase.end,
                )
            for partner in data.partners:
                upsert(
                    Partnership,
                    {"project": project, "organisation": self.orgs[partner.organisation]},
                    role=partner.role,
                    region=self.regions[partner.region],
                )

    def _placeholder(self, owner, title: Text, kind, filename, published_on=None):
        ct = ContentType.objects.get_for_model(owner)
        lookup = {"content_type": ct, "object_id": owner.pk, "title_en": title.en}
        document = Document.objects.filter(**lookup).first()
        if document is None:
            document = Document(
                **lookup,
                title_nl=title.nl,
                title_de=title.de or None,
                kind=kind,
                language="nl",
                published_on=published_on,
                is_placeholder=True,
            )
            note = (
                "The portal's demo content names this document but does not hold a copy. "
                f"Original file name: {filename}"
            )
            document.file.save(filename, ContentFile(placeholder_pdf(title.en, note)), save=False)
            document.full_clean()
            document.save()
        return document

    def load_cooperations(self):
        for data in self.content.cooperations:
            cooperation = upsert(
                Cooperation,
                {"slug": data.slug},
                started_on=data.started_on,
                **_tr("name", data.name),
                **_tr("summary", data.summary),
            )
            sync_m2m(cooperation, "regions", [self.regions[r] for r in data.regions])
            sync_m2m(cooperation, "themes", [self.themes[t] for t in data.themes])
            sync_m2m(cooperation, "contacts", [self.contacts[c] for c in data.contacts])
            for item in data.milestones:
                milestone = upsert(
                    Milestone,
                    {"cooperation": cooperation, "date": item.date, "kind": item.kind},
                    **_place("place", item.place),
                    **_tr("title", item.title),
                    **_tr("summary", item.summary),
                )
                sync_m2m(milestone, "themes", [self.themes[t] for t in item.themes])
                for document in item.documents:
                    self._placeholder(
                        milestone, document.title, document.kind, document.file, item.date
                    )

    def load_strategies(self):
        for data in self.content.strategies:
            strategy = upsert(
                Strategy,
                {"region": self.regions[data.region], "title_en": data.title.en},
                author=self.orgs[data.author],
                period_start=data.period_start,
                period_end=data.period_end,
                title_nl=data.title.nl,
                title_de=data.title.de or None,
                **_tr("summary", data.summary),
            )
            sync_m2m(strategy, "contacts", [self.contacts[c] for c in data.contacts])
            if data.document:
                self._placeholder(strategy, data.document.title, "strategy", data.document.file)
            for order, priority in enumerate(data.priorities):
                upsert(
                    PriorityDomain,
                    {"strategy": strategy, "name_en": priority.name.en},
                    name_nl=priority.name.nl,
                    name_de=priority.name.de or None,
                    **_tr("description", priority.description),
                    economic_domains=priority.nace,
                    scientific_domains=priority.science,
                    policy_objectives=priority.policy,
                    order=order,
                )

    def load_people(self):
        for data in self.content.people:
            self.people[data.key] = upsert(
                Person,
                {"slug": data.key},
                name=data.name,
                organisation=self.orgs[data.organisation] if data.organisation else None,
                organisation_name=data.organisation_name,
                is_demo=data.demo,
                **_tr("bio", data.bio),
            )

    def load_events(self):
        Event.objects.filter(slug__in=self.content.retired_events).delete()
        for data in self.content.events:
            tz = zoneinfo.ZoneInfo(data.timezone)
            event = upsert(
                Event,
                {"slug": data.slug},
                type=data.type,
                project=self.projects[data.project] if data.project else None,
                starts_at=datetime.datetime.combine(data.start, datetime.time(0, 0), tz),
                ends_at=datetime.datetime.combine(
                    data.end or data.start, datetime.time(23, 59), tz
                ),
                all_day=True,
                date_precision=data.precision,
                timezone=data.timezone,
                **_city(data.city),
                country=data.country or "",
                address=data.address,
                latitude=data.latitude,
                longitude=data.longitude,
                region=self.regions[data.region],
                **_tr("title", data.title),
                **_tr("venue", data.venue),
                **_tr("summary", data.summary),
                **_tr("agenda", data.agenda),
                **_tr("report", data.report),
            )
            self.events[data.slug] = event
            sync_m2m(event, "organisers", [self.orgs[o] for o in data.organisers])
            self.load_sessions(event, data.start, data.session)

    def load_sessions(self, event, first_day: datetime.date, sessions) -> dict[str, Session]:
        tz = zoneinfo.ZoneInfo(event.timezone)
        loaded = {}
        for data in sessions:
            day = first_day + datetime.timedelta(days=data.day - 1)
            session = upsert(
                Session,
                {"event": event, "title_en": data.title.en},
                kind=data.kind,
                starts_at=datetime.datetime.combine(day, data.start, tz),
                ends_at=datetime.datetime.combine(day, data.end, tz),
                address=data.address,
                selectable=data.choose,
                capacity=data.places,
                is_demo=data.demo,
                title_nl=data.title.nl,
                title_de=data.title.de or None,
                **_tr("track", data.track),
                **_tr("room", data.room),
                **_tr("description", data.description),
                **_tr("report", data.report),
            )
            sync_m2m(session, "chairs", [self.people[key] for key in data.chairs])
            for position, item in enumerate(data.presentations):
                presentation = upsert(
                    Presentation,
                    {"session": session, "title_en": item.title.en},
                    position=position,
                    title_nl=item.title.nl,
                    title_de=item.title.de or None,
                )
                sync_m2m(presentation, "speakers", [self.people[key] for key in item.speakers])
                if item.slides:
                    self._placeholder(presentation, item.title, "presentation", item.slides)
            loaded[data.title.en] = session
        return loaded

    def load_upcoming_events(self):
        """The event to try registration on: its dates count from the day of loading, so a
        second load on the same day changes nothing."""
        today = timezone.localdate()
        for data in self.content.upcoming_events:
            tz = zoneinfo.ZoneInfo(data.timezone)
            first = today + datetime.timedelta(days=data.starts_in_days)
            last = first + datetime.timedelta(days=data.days - 1)
            event = upsert(
                Event,
                {"slug": data.slug},
                type=data.type,
                project=self.projects[data.project] if data.project else None,
                starts_at=datetime.datetime.combine(first, datetime.time(0, 0), tz),
                ends_at=datetime.datetime.combine(last, datetime.time(23, 59), tz),
                all_day=True,
                date_precision=Event.Precision.DAY,
                timezone=data.timezone,
                **_city(data.city),
                country=data.country or "",
                address=data.address,
                latitude=data.latitude,
                longitude=data.longitude,
                region=self.regions[data.region],
                is_demo=True,
                **_tr("title", data.title),
                **_tr("venue", data.venue),
                **_tr("summary", data.summary),
            )
            self.events[data.slug] = event
            sync_m2m(event, "organisers", [self.orgs[o] for o in data.organisers])
            sessions = self.load_sessions(event, first, data.session)
            self.load_demo_registration(event, data, today, sessions)

    def load_demo_registration(self, event, data, today, sessions) -> None:
        settings = data.registration
        tz = zoneinfo.ZoneInfo(data.timezone)
        opens = today - datetime.timedelta(days=settings.opens_days_ago)
        consent = Consent.objects.filter(event=event, version=1).first() or Consent.objects.create(
            event=event, version=1, **{f"text_{k}": v for k, v in _texts(settings.consent)}
        )
        config = upsert(
            RegistrationSettings,
            {"event": event},
            opens_at=datetime.datetime.combine(opens, datetime.time(0, 0), tz),
            closes_at=event.starts_at - datetime.timedelta(days=settings.closes_days_before),
            capacity=settings.capacity,
            needs_approval=settings.needs_approval,
            offer_hours=settings.offer_hours,
        )
        if config.consent_id is None:
            config.consent = consent
            config.save(update_fields=["consent"])
        # Registrants exist once: a later load leaves them, and whatever happened to them
        # since (a cancellation, a place taken up), as they are. Places are given in the
        # file's order as the registration rules give them, so capacity holds whatever
        # visitors have registered meanwhile.
        moment = datetime.datetime.combine(opens, datetime.time(9, 0), tz)
        for n, person in enumerate(data.registrant):
            if Registration.objects.filter(event=event, email=person.email).exists():
                continue
            at = moment + datetime.timedelta(minutes=n)
            registration = Registration(
                event=event,
                email=person.email,
                name=person.name,
                organisation_name=person.organisation,
                organisation_type=person.organisation_type or "",
                country=person.country or "",
                language=person.language,
                consent=consent,
                confirmed_at=at,
                is_demo=True,
            )
            if places.has_place_for_newcomer(config):
                registration.state = Registration.State.CONFIRMED
            else:
                registration.state, registration.waiting_since = Registration.State.WAITING, at
            registration.full_clean()
            registration.save()
            for title in person.sessions:
                seat = SessionSeat.objects.create(
                    registration=registration, session=sessions[title]
                )
                seat.waiting_since = at
            if registration.state == Registration.State.CONFIRMED:
                places.allocate_seats(registration, at)

    def load_good_practices(self):
        for data in self.content.good_practices:
            practice = upsert(
                GoodPractice,
                {"slug": data.slug},
                project=self.projects[data.project],
                organisation=self.orgs[data.organisation],
                region=self.regions[data.region],
                approach=data.approach,
                status=GoodPractice.Status.VALIDATED,
                **_tr("title", data.title),
                **_tr("summary", data.summary),
                **_tr("problem", data.problem),
                **_tr("description", data.description),
                **_tr("resources", data.resources),
                **_tr("transferability", data.transferability),
            )
            sync_m2m(practice, "themes", [self.themes[t] for t in data.themes])

    def load_infrastructures(self):
        for data in self.content.infrastructures:
            infrastructure = upsert(
                Infrastructure,
                {"slug": data.slug},
                kind=data.kind,
                owner=self.orgs[data.owner],
                region=self.regions[data.region],
                **_city(data.city),
                website=data.website,
                latitude=data.latitude,
                longitude=data.longitude,
                **_tr("name", data.name),
                **_tr("summary", data.summary),
            )
            sync_m2m(infrastructure, "themes", [self.themes[t] for t in data.themes])

    def load_articles(self):
        tz = zoneinfo.ZoneInfo(TIMEZONE)
        for data in self.content.articles:
            article = upsert(
                Article,
                {"slug": data.slug},
                published_at=datetime.datetime.combine(data.published, datetime.time(9), tz),
                is_published=True,
                project=self.projects[data.project] if data.project else None,
                region=self.regions[data.region] if data.region else None,
                event=self.events[data.event] if data.event else None,
                byline=data.byline,
                **_tr("title", data.title),
                **_tr("summary", data.summary),
                **_tr("body", data.body),
            )
            sync_m2m(article, "themes", [self.themes[t] for t in data.themes])


@transaction.atomic
def load_demo_accounts(accounts: list[Account]) -> list[tuple[str, str]]:
    """Create the demo logins; an existing account keeps its password."""
    logins = []
    for data in accounts:
        user = User.objects.filter(email=data.email).first()
        if user is None:
            factory = User.objects.create_superuser if data.superuser else User.objects.create_user
            user = factory(email=data.email, password=DEMO_PASSWORD, full_name=data.full_name)
        if data.organisation:
            organisation = Organisation.objects.get(slug=data.organisation)
            upsert(
                Membership, {"user": user, "organisation": organisation}, job_title=data.job_title
            )
            for role in data.roles:
                partnership = Partnership.objects.get(
                    project__slug=role.project, organisation=organisation
                )
                upsert(ProjectRole, {"user": user, "partnership": partnership, "role": role.role})
        logins.append((data.email, data.full_name))
    return logins


@transaction.atomic
def load_demo(data_dir: Path = DATA_DIR) -> list[tuple[str, str]]:
    """Load the data files in data_dir (checked in full first), the demo logins and plans."""
    content = read(data_dir)
    Loader(content).run()
    logins = load_demo_accounts(content.accounts)
    load_plans()
    load_reports()
    # Saves kept the search entries current; the placeholders' text and the vocabulary
    # are read here rather than by the worker, which may not run yet.
    search_index.read_pending_texts()
    vocabulary_refresh()
    return logins
