"""Loads portal.demo.content into the database. Safe to run any number of times."""

import datetime
import zoneinfo
from decimal import Decimal

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import transaction

from events.models import Event
from news.models import Article
from portal.accounts.models import User
from portal.core.models import Document
from portal.demo import content
from portal.demo.placeholder import placeholder_pdf
from portal.demo.plans import load_plans
from portal.demo.upsert import sync_m2m, upsert
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


def _tr(field: str, text: dict) -> dict:
    """{"en": .., "nl": ..} -> {"field_en": .., "field_nl": .., "field_de": ""}."""
    return {f"{field}_{lang}": text.get(lang, "") for lang in ("en", "nl", "de")}


def _decimal(value):
    return Decimal(value) if value is not None else None


class Loader:
    def __init__(self):
        self.themes, self.regions, self.orgs, self.contacts, self.projects = {}, {}, {}, {}, {}

    @transaction.atomic
    def run(self) -> None:
        self.load_themes()
        self.load_regions()
        self.load_organisations()
        self.load_programmes_and_projects()
        self.load_cooperation()
        self.load_strategies()
        self.load_events()
        self.load_good_practices()
        self.load_infrastructures()
        self.load_articles()

    def load_themes(self):
        for slug, name in content.THEMES:
            self.themes[slug] = upsert(Theme, {"slug": slug}, **_tr("name", name))

    def load_regions(self):
        for slug, code, country, type_, parent, name, lat, lon in content.REGIONS:
            self.regions[slug] = upsert(
                Region,
                {"slug": slug},
                nuts_code=code,
                country=country,
                type=type_,
                parent=self.regions.get(parent),
                latitude=_decimal(lat),
                longitude=_decimal(lon),
                **_tr("name", name),
                **_tr("summary", content.REGION_SUMMARIES.get(slug, {})),
            )

    def load_organisations(self):
        for slug, name, acronym, type_, region, city, website, lat, lon in content.ORGANISATIONS:
            self.orgs[slug] = upsert(
                Organisation,
                {"slug": slug},
                acronym=acronym,
                type=type_,
                region=self.regions[region],
                city=city,
                website=website,
                latitude=_decimal(lat),
                longitude=_decimal(lon),
                **_tr("name", name),
                **_tr("summary", content.ORGANISATION_SUMMARIES.get(slug, {})),
            )
        for key, org, name, job, department, email, phone in content.CONTACTS:
            self.contacts[key] = upsert(
                Contact,
                {"organisation": self.orgs[org], "name": name},
                email=email,
                phone=phone,
                # The seed articles publish these details themselves.
                is_public=True,
                **_tr("job_title", job),
                **_tr("department", department),
            )
        for region, keys in content.REGION_CONTACTS.items():
            sync_m2m(self.regions[region], "contacts", [self.contacts[k] for k in keys])

    def load_programmes_and_projects(self):
        programmes = {}
        for slug, name, start, end, website in content.PROGRAMMES:
            programmes[slug] = upsert(
                Programme,
                {"slug": slug},
                period_start=start,
                period_end=end,
                website=website,
                **_tr("name", name),
            )
        for data in content.PROJECTS:
            project = upsert(
                Project,
                {"slug": data["slug"]},
                acronym=data["acronym"],
                programme=programmes[data["programme"]],
                start_date=data["start_date"],
                end_date=data["end_date"],
                budget=_decimal(data["budget"]),
                website=data["website"],
                **_tr("title", data["title"]),
                **_tr("summary", data["summary"]),
            )
            self.projects[data["slug"]] = project
            sync_m2m(project, "themes", [self.themes[t] for t in data["themes"]])
            sync_m2m(project, "contacts", [self.contacts[c] for c in data["contacts"]])
            for kind, start, end in data["phases"]:
                upsert(Phase, {"project": project, "kind": kind}, start_date=start, end_date=end)
            for org, role, region in data["partners"]:
                upsert(
                    Partnership,
                    {"project": project, "organisation": self.orgs[org]},
                    role=role,
                    region=self.regions[region],
                )

    def _placeholder(self, owner, title_en, title_nl, kind, filename, published_on=None):
        ct = ContentType.objects.get_for_model(owner)
        lookup = {"content_type": ct, "object_id": owner.pk, "title_en": title_en}
        document = Document.objects.filter(**lookup).first()
        if document is None:
            document = Document(
                **lookup,
                title_nl=title_nl,
                kind=kind,
                language="nl",
                published_on=published_on,
                is_placeholder=True,
            )
            note = (
                "The portal's demo content names this document but does not hold a copy. "
                f"Original file name: {filename}"
            )
            document.file.save(filename, ContentFile(placeholder_pdf(title_en, note)), save=False)
            document.full_clean()
            document.save()
        return document

    def load_cooperation(self):
        data = content.COOPERATION
        cooperation = upsert(
            Cooperation,
            {"slug": data["slug"]},
            started_on=data["started_on"],
            **_tr("name", data["name"]),
            **_tr("summary", data["summary"]),
        )
        sync_m2m(cooperation, "regions", [self.regions[r] for r in data["regions"]])
        sync_m2m(cooperation, "themes", [self.themes[t] for t in data["themes"]])
        sync_m2m(cooperation, "contacts", [self.contacts[c] for c in data["contacts"]])
        for day, kind, title, place, summary, themes, documents in content.MILESTONES:
            milestone = upsert(
                Milestone,
                {"cooperation": cooperation, "date": day, "kind": kind},
                place=place,
                **_tr("title", title),
                **_tr("summary", summary),
            )
            sync_m2m(milestone, "themes", [self.themes[t] for t in themes])
            for title_en, title_nl, doc_kind, filename in documents:
                self._placeholder(milestone, title_en, title_nl, doc_kind, filename, day)

    def load_strategies(self):
        for data in content.STRATEGIES:
            start, end = data.get("period", (None, None))
            strategy = upsert(
                Strategy,
                {"region": self.regions[data["region"]], "title_en": data["title"]["en"]},
                author=self.orgs[data["author"]],
                period_start=start,
                period_end=end,
                title_nl=data["title"]["nl"],
                **_tr("summary", data["summary"]),
            )
            sync_m2m(strategy, "contacts", [self.contacts[c] for c in data["contacts"]])
            if data["document"]:
                self._placeholder(strategy, *data["document"][:2], "strategy", data["document"][2])
            for order, priority in enumerate(data["priorities"]):
                upsert(
                    PriorityDomain,
                    {"strategy": strategy, "name_en": priority["name"]["en"]},
                    name_nl=priority["name"]["nl"],
                    **_tr("description", priority.get("description", {})),
                    economic_domains=priority["nace"],
                    scientific_domains=priority["science"],
                    policy_objectives=priority["policy"],
                    order=order,
                )

    def load_events(self):
        Event.objects.filter(slug__in=content.RETIRED_EVENTS).delete()
        for data in content.EVENTS:
            region = self.regions[data["region"]]
            tz = zoneinfo.ZoneInfo("Europe/Brussels")
            event = upsert(
                Event,
                {"slug": data["slug"]},
                type=data["type"],
                project=self.projects.get(data["project"]),
                starts_at=datetime.datetime.combine(data["start"], datetime.time(0, 0), tz),
                ends_at=datetime.datetime.combine(data["end"], datetime.time(23, 59), tz),
                all_day=True,
                date_precision=data["precision"],
                timezone="Europe/Brussels",
                city=data["city"],
                country=data["country"],
                region=region,
                **_tr("title", data["title"]),
                **_tr("venue", data["venue"]),
                **_tr("summary", data["summary"]),
                **_tr("agenda", data["agenda"]),
            )
            sync_m2m(event, "organisers", [self.orgs[o] for o in data["organisers"]])

    def load_good_practices(self):
        for data in content.GOOD_PRACTICES:
            practice = upsert(
                GoodPractice,
                {"slug": data["slug"]},
                project=self.projects[data["project"]],
                organisation=self.orgs[data["organisation"]],
                region=self.regions[data["region"]],
                approach=data["approach"],
                status=GoodPractice.Status.VALIDATED,
                **_tr("title", data["title"]),
                **{
                    key: value
                    for field in (
                        "summary",
                        "problem",
                        "description",
                        "resources",
                        "transferability",
                    )
                    for key, value in _tr(field, data.get(field, {})).items()
                },
            )
            sync_m2m(practice, "themes", [self.themes[t] for t in data["themes"]])

    def load_infrastructures(self):
        for data in content.INFRASTRUCTURES:
            infrastructure = upsert(
                Infrastructure,
                {"slug": data["slug"]},
                kind=data["kind"],
                owner=self.orgs[data["owner"]],
                region=self.regions[data["region"]],
                city=data["city"],
                website=data["website"],
                latitude=_decimal(data["latitude"]),
                longitude=_decimal(data["longitude"]),
                **_tr("name", data["name"]),
                **_tr("summary", data["summary"]),
            )
            sync_m2m(infrastructure, "themes", [self.themes[t] for t in data["themes"]])

    def load_articles(self):
        tz = zoneinfo.ZoneInfo("Europe/Brussels")
        events = {
            e.slug: e for e in Event.objects.filter(slug__in=[a["event"] for a in content.ARTICLES])
        }
        for data in content.ARTICLES:
            article = upsert(
                Article,
                {"slug": data["slug"]},
                published_at=datetime.datetime.combine(data["published"], datetime.time(9), tz),
                is_published=True,
                project=self.projects.get(data["project"]),
                region=self.regions.get(data["region"]),
                event=events.get(data["event"]),
                byline=data["byline"],
                **_tr("title", data["title"]),
                **_tr("summary", data["summary"]),
                **_tr("body", data["body"]),
            )
            sync_m2m(article, "themes", [self.themes[t] for t in data["themes"]])


# email, full name, organisation slug, job title, superuser, [(project slug, role)]
DEMO_ACCOUNTS = [
    ("admin@example.org", "Demo Administrator", None, "", True, []),
    (
        "coordinator@example.org",
        "Demo Coordinator (S3Chem)",
        "mw-saxony-anhalt",
        "Project coordination",
        False,
        [("s3chem", ProjectRole.Role.COORDINATOR)],
    ),
    (
        "communication@example.org",
        "Demo Communication Manager (S3Chem)",
        "mw-saxony-anhalt",
        "Communication",
        False,
        [("s3chem", ProjectRole.Role.COMMUNICATION_MANAGER)],
    ),
    (
        "partner.lombardy@example.org",
        "Demo Partner (Lombardy)",
        "regione-lombardia",
        "Research and innovation policy",
        False,
        [("s3chem", ProjectRole.Role.PARTNER_MEMBER)],
    ),
    (
        "partner.limburg@example.org",
        "Demo Partner (Limburg)",
        "provincie-limburg",
        "European projects",
        False,
        [("s3chem", ProjectRole.Role.PARTNER_MEMBER)],
    ),
    (
        "partner.catalonia@example.org",
        "Demo Partner (Catalonia)",
        "accio",
        "Innovation funding",
        False,
        [("s3chem", ProjectRole.Role.PARTNER_MEMBER)],
    ),
    (
        "partner.wallonia@example.org",
        "Demo Partner (Wallonia)",
        "spw",
        "Economic policy",
        False,
        [("s3chem", ProjectRole.Role.PARTNER_MEMBER)],
    ),
]


@transaction.atomic
def load_demo_accounts() -> list[tuple[str, str]]:
    """Create the demo logins; an existing account keeps its password."""
    logins = []
    for email, name, org_slug, job, superuser, roles in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            factory = User.objects.create_superuser if superuser else User.objects.create_user
            user = factory(email=email, password=DEMO_PASSWORD, full_name=name)
        if org_slug:
            organisation = Organisation.objects.get(slug=org_slug)
            upsert(Membership, {"user": user, "organisation": organisation}, job_title=job)
            for project_slug, role in roles:
                partnership = Partnership.objects.get(
                    project__slug=project_slug, organisation=organisation
                )
                upsert(ProjectRole, {"user": user, "partnership": partnership, "role": role})
        logins.append((email, name))
    return logins


@transaction.atomic
def load_demo() -> list[tuple[str, str]]:
    Loader().run()
    logins = load_demo_accounts()
    load_plans()
    return logins
