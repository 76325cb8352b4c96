"""Loads the demo data files (portal/demo/data/) into the database. Safe to run again."""

import datetime
import zoneinfo
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction

from events.models import Event
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


def _tr(field: str, text: Text | None) -> dict:
    """Text(en=.., nl=..) -> {"field_en": .., "field_nl": .., "field_de": ""}; None: all empty."""
    return {f"{field}_{lang}": getattr(text, lang) if text else "" for lang in ("en", "nl", "de")}


class Loader:
    def __init__(self, content: Content):
        self.content = content
        self.themes, self.regions, self.orgs, self.contacts = {}, {}, {}, {}
        self.projects, self.events = {}, {}

    @transaction.atomic
    def run(self) -> None:
        self.load_themes()
        self.load_regions()
        self.load_organisations()
        self.load_programmes_and_projects()
        self.load_cooperations()
        self.load_strategies()
        self.load_events()
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
                city=data.city,
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
                    place=item.place,
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

    def load_events(self):
        Event.objects.filter(slug__in=self.content.retired_events).delete()
        tz = zoneinfo.ZoneInfo(TIMEZONE)
        for data in self.content.events:
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
                timezone=TIMEZONE,
                city=data.city,
                country=data.country or "",
                region=self.regions[data.region],
                **_tr("title", data.title),
                **_tr("venue", data.venue),
                **_tr("summary", data.summary),
                **_tr("agenda", data.agenda),
            )
            self.events[data.slug] = event
            sync_m2m(event, "organisers", [self.orgs[o] for o in data.organisers])

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
                city=data.city,
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
