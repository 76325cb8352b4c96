"""Each kind of public object: what its search entry says and where a result leads.

A builder reads a queryset of public objects (what it needs prefetched) and returns one
Entry each, with the texts per language and weight (see portal.core.search.store.Entry).
`depends` names the other models whose changes alter what an entry says (a region's
name is on its events' entries), with the objects of this kind to rebuild.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Model, QuerySet
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actionplans.models import ActionPlan
from actionplans.selectors import public_plans
from events.models import Event
from news.models import Article
from portal.api.documents import OWNERS, _owned_by
from portal.core.models import Document
from portal.core.search import LANGUAGES
from portal.core.search.store import Entry
from projects.models import GoodPractice, Partnership, Programme, Project
from projects.selectors import public_practices
from regions.models import (
    Cooperation,
    Infrastructure,
    Milestone,
    Organisation,
    PriorityDomain,
    Region,
    Strategy,
    Theme,
)


@dataclass(frozen=True)
class Kind:
    slug: str
    label: Promise
    plural: Promise
    model: type[Model]
    queryset: Callable[[], QuerySet]
    build: Callable[[Model], Entry]
    url_name: str | None = None
    # The API's page of one object: its URL name and the attribute it is looked up by.
    api_url_name: str | None = None
    api_lookup: str = "slug"
    depends: dict = field(default_factory=dict)
    # A kind without a page of its own leads to a list filtered by it (?theme=…).
    list_filter: str = ""

    def url(self, slug: str, anchor: str, link: str) -> str:
        if link:
            return link
        if self.list_filter:
            return f"{reverse(self.url_name)}?{self.list_filter}={slug}"
        url = reverse(self.url_name, args=[slug]) if self.url_name else ""
        return f"{url}#{anchor}" if anchor else url

    def entries(self, pks: Iterable[int]) -> tuple[list[Entry], set[int]]:
        """The entries of these objects, and the pks of those no longer public."""
        objects = list(self.queryset().filter(pk__in=list(pks)))
        return [self.build(obj) for obj in objects], set(pks) - {obj.pk for obj in objects}


def tr(obj, name: str, code: str, *, fallback: bool = True) -> str:
    """A translated field in language `code`; with `fallback`, the page's fallback."""
    value = getattr(obj, f"{name}_{code}", "") or ""
    if value or not fallback:
        return value
    for other in ("en", "nl", "de"):
        if value := getattr(obj, f"{name}_{other}", ""):
            return value
    return ""


def own(obj, name: str) -> dict[str, str]:
    """A translated field per language, only where it is written in that language."""
    return {code: tr(obj, name, code, fallback=False) for code in LANGUAGES}


def each_language(make: Callable[[str], list[str]]) -> dict[str, list[str]]:
    """Labels per language: `make(code)` runs with that language active (for gettext)."""
    labels = {}
    for code in LANGUAGES:
        with translation.override(code):
            labels[code] = [str(label) for label in make(code) if label]
    return labels


def joined(*parts: dict[str, str]) -> dict[str, str]:
    return {code: "\n".join(part[code] for part in parts if part.get(code)) for code in LANGUAGES}


# --- builders ---------------------------------------------------------------------------


def _project(project: Project) -> Entry:
    return Entry(
        Project,
        project.pk,
        own(project, "title"),
        codes=[project.acronym],
        labels=each_language(
            lambda code: [
                tr(project.programme, "name", code),
                *(tr(theme, "name", code) for theme in project.themes.all()),
            ]
        ),
        summary=own(project, "summary"),
        slug=project.slug,
        date=project.start_date,
    )


def _region(region: Region) -> Entry:
    priorities = [p for s in region.strategies.all() for p in s.priorities.all()]

    def codes(code):
        labels = []
        for priority in priorities:
            labels += [
                tr(priority, "name", code),
                *priority.economic_domain_labels,
                *priority.scientific_domain_labels,
                *priority.policy_objective_labels,
            ]
        return labels

    return Entry(
        Region,
        region.pk,
        own(region, "name"),
        # A region is found by its name in every language as by its title, whatever the
        # reader's language.
        codes=[
            region.nuts_code or "",
            *dict.fromkeys(filter(None, (tr(region, "name", c) for c in LANGUAGES))),
        ],
        labels=each_language(
            lambda code: [region.country.name, region.get_type_display(), *codes(code)]
        ),
        summary=own(region, "summary"),
        body=joined(
            *(own(strategy, "title") for strategy in region.strategies.all()),
            *(own(strategy, "summary") for strategy in region.strategies.all()),
            *(own(priority, "description") for priority in priorities),
        ),
        slug=region.slug,
    )


def _organisation(organisation: Organisation) -> Entry:
    return Entry(
        Organisation,
        organisation.pk,
        own(organisation, "name"),
        codes=[organisation.acronym],
        names=list(dict.fromkeys(tr(organisation, "city", c) for c in LANGUAGES)),
        labels=each_language(
            lambda code: [
                organisation.get_type_display(),
                tr(organisation.region, "name", code),
            ]
        ),
        summary=own(organisation, "summary"),
        slug=organisation.slug,
        place=organisation.city,
    )


def _event(event: Event) -> Entry:
    return Entry(
        Event,
        event.pk,
        own(event, "title"),
        names=[
            *dict.fromkeys(tr(event, "city", c) for c in LANGUAGES),
            *dict.fromkeys(tr(event, "venue", c) for c in LANGUAGES),
            event.address,
        ],
        labels=each_language(
            lambda code: [
                event.get_type_display(),
                event.region and tr(event.region, "name", code),
                event.country and event.country.name,
                event.project and event.project.acronym,
            ]
        ),
        summary=own(event, "summary"),
        body=own(event, "agenda"),
        slug=event.slug,
        date=event.local_start.date(),
        place=event.city,
    )


_PRACTICE_TEXTS = ("problem", "description", "resources", "evidence", "transferability", "lessons")


def _practice(practice: GoodPractice) -> Entry:
    return Entry(
        GoodPractice,
        practice.pk,
        own(practice, "title"),
        labels=each_language(
            lambda code: [
                practice.get_approach_display(),
                tr(practice.region, "name", code),
                tr(practice.organisation, "name", code),
                practice.project.acronym,
            ]
        ),
        summary=own(practice, "summary"),
        body=joined(*(own(practice, name) for name in _PRACTICE_TEXTS)),
        slug=practice.slug,
    )


def _article(article: Article) -> Entry:
    return Entry(
        Article,
        article.pk,
        own(article, "title"),
        labels=each_language(
            lambda code: [
                article.region and tr(article.region, "name", code),
                article.project and article.project.acronym,
            ]
        ),
        summary=own(article, "summary"),
        body=own(article, "body"),
        slug=article.slug,
        date=article.published_at.date(),
        public_from=article.published_at,
    )


def _cooperation(cooperation: Cooperation) -> Entry:
    return Entry(
        Cooperation,
        cooperation.pk,
        own(cooperation, "name"),
        labels=each_language(
            lambda code: [tr(region, "name", code) for region in cooperation.regions.all()]
        ),
        summary=own(cooperation, "summary"),
        slug=cooperation.slug,
        date=cooperation.started_on,
    )


def _milestone(milestone: Milestone) -> Entry:
    return Entry(
        Milestone,
        milestone.pk,
        own(milestone, "title"),
        names=[milestone.place],
        labels=each_language(
            lambda code: [milestone.get_kind_display(), tr(milestone.cooperation, "name", code)]
        ),
        summary=own(milestone, "summary"),
        slug=milestone.cooperation.slug,
        anchor=f"milestone-{milestone.pk}",
        date=milestone.date,
        place=milestone.place,
    )


def _infrastructure(infrastructure: Infrastructure) -> Entry:
    return Entry(
        Infrastructure,
        infrastructure.pk,
        own(infrastructure, "name"),
        codes=[infrastructure.owner.acronym],
        names=list(dict.fromkeys(tr(infrastructure, "city", c) for c in LANGUAGES)),
        labels=each_language(
            lambda code: [
                infrastructure.get_kind_display(),
                tr(infrastructure.owner, "name", code),
                tr(infrastructure.region, "name", code),
                *infrastructure.access_route_labels,
            ]
        ),
        summary=own(infrastructure, "summary"),
        body=joined(own(infrastructure, "equipment"), own(infrastructure, "access")),
        slug=infrastructure.slug,
        place=infrastructure.city,
    )


def _document(document: Document) -> Entry:
    # The file's words count in the language it is written in (all three if unknown).
    languages = [document.language] if document.language in LANGUAGES else LANGUAGES
    return Entry(
        Document,
        document.pk,
        own(document, "title"),
        labels=each_language(lambda code: [document.get_kind_display()]),
        body={code: document.text for code in languages},
        link=document.href,
        date=document.published_on,
    )


def _plan(plan: ActionPlan) -> Entry:
    content = plan.approved_version.content
    texts = [instrument.get("name", "") for instrument in content.get("instruments", [])]
    for action in content.get("actions", []):
        texts.append(action.get("title", ""))
        texts += [
            strip_tags(action.get(name) or "") for name in ("background", "description", "players")
        ]
    body = "\n".join(text for text in texts if text)
    partnership = plan.partnership
    # A plan is written in one language; its words count in that language.
    language = content.get("language") if content.get("language") in LANGUAGES else "en"
    return Entry(
        ActionPlan,
        plan.pk,
        {language: content.get("title") or plan.title},
        codes=[partnership.project.acronym],
        labels=each_language(
            lambda code: [
                tr(partnership.region, "name", code),
                tr(partnership.organisation, "name", code),
            ]
        ),
        body={language: body},
        slug=plan.slug,
        date=plan.approved_at and plan.approved_at.date(),
    )


def _theme(theme: Theme) -> Entry:
    return Entry(
        Theme,
        theme.pk,
        own(theme, "name"),
        summary=own(theme, "description"),
        slug=theme.slug,
    )


def _documents():
    public = Document.objects.none()
    for model, *_rest in OWNERS.values():
        public = public | Document.objects.filter(_owned_by(model))
    return public


KINDS = [
    Kind(
        "project",
        _("Project"),
        _("Projects"),
        Project,
        lambda: Project.objects.select_related("programme").prefetch_related("themes"),
        _project,
        "projects:detail",
        "api:project-detail",
        depends={
            Programme: lambda programme: programme.projects.all(),
            Theme: lambda theme: theme.projects.all(),
        },
    ),
    Kind(
        "region",
        _("Region"),
        _("Regions"),
        Region,
        lambda: Region.objects.prefetch_related("strategies__priorities"),
        _region,
        "regions:detail",
        "api:region-detail",
        depends={
            Strategy: lambda strategy: [strategy.region_id],
            PriorityDomain: lambda priority: [priority.strategy.region_id],
        },
    ),
    Kind(
        "organisation",
        _("Organisation"),
        _("Organisations"),
        Organisation,
        lambda: Organisation.objects.select_related("region"),
        _organisation,
        "regions:organisation",
        "api:organisation-detail",
        depends={Region: lambda region: region.organisations.all()},
    ),
    Kind(
        "event",
        _("Event"),
        _("Events"),
        Event,
        lambda: Event.objects.select_related("region", "project"),
        _event,
        "events:detail",
        "api:event-detail",
        depends={
            Region: lambda region: region.events.all(),
            Project: lambda project: project.events.all(),
        },
    ),
    Kind(
        "practice",
        _("Good practice"),
        _("Good practices"),
        GoodPractice,
        lambda: public_practices().select_related("region", "organisation", "project"),
        _practice,
        "projects:practice-detail",
        "api:good-practice-detail",
        depends={
            Region: lambda region: region.good_practices.all(),
            Organisation: lambda organisation: organisation.good_practices.all(),
            Project: lambda project: project.good_practices.all(),
        },
    ),
    Kind(
        "article",
        pgettext_lazy("search result", "News"),
        pgettext_lazy("search results", "News"),
        Article,
        lambda: Article.objects.filter(is_published=True).select_related("region", "project"),
        _article,
        "news:detail",
        "api:article-detail",
        depends={
            Region: lambda region: region.articles.all(),
            Project: lambda project: project.articles.all(),
        },
    ),
    Kind(
        "cooperation",
        _("Cooperation"),
        _("Cooperations"),
        Cooperation,
        lambda: Cooperation.objects.prefetch_related("regions"),
        _cooperation,
        "regions:cooperation",
        "api:cooperation-detail",
        depends={Region: lambda region: region.cooperations.all()},
    ),
    Kind(
        "milestone",
        _("Milestone"),
        _("Milestones"),
        Milestone,
        lambda: Milestone.objects.select_related("cooperation"),
        _milestone,
        "regions:cooperation",
        depends={Cooperation: lambda cooperation: cooperation.milestones.all()},
    ),
    Kind(
        "infrastructure",
        _("R&I infrastructure"),
        _("R&I infrastructures"),
        Infrastructure,
        lambda: Infrastructure.objects.select_related("owner", "region"),
        _infrastructure,
        "regions:infrastructure",
        "api:infrastructure-detail",
        depends={
            Region: lambda region: region.infrastructures.all(),
            Organisation: lambda organisation: organisation.infrastructures.all(),
        },
    ),
    Kind(
        "document",
        _("Document"),
        _("Documents"),
        Document,
        _documents,
        _document,
        None,
        "api:document-detail",
        api_lookup="pk",
    ),
    Kind(
        "plan",
        _("Action plan"),
        _("Action plans"),
        ActionPlan,
        lambda: public_plans().select_related("approved_version"),
        _plan,
        "actionplans:public-detail",
        "api:action-plan-detail",
        depends={
            Region: lambda region: ActionPlan.objects.filter(partnership__region=region),
            Organisation: lambda org: ActionPlan.objects.filter(partnership__organisation=org),
            Partnership: lambda partnership: ActionPlan.objects.filter(partnership=partnership),
        },
    ),
    Kind(
        "theme",
        _("Theme"),
        _("Themes"),
        Theme,
        lambda: Theme.objects.all(),
        _theme,
        "projects:practice-list",
        "api:theme-detail",
        list_filter="theme",
    ),
]
BY_SLUG = {kind.slug: kind for kind in KINDS}
BY_MODEL = {kind.model: kind for kind in KINDS}
