import datetime
import zoneinfo

import factory
from django.contrib.contenttypes.models import ContentType

from events.models import Event, Person, Presentation, RegistrationSettings, Session
from news.models import Article, Issue, IssueItem, Subscriber
from portal.accounts.models import User
from portal.core.models import Document
from projects.models import GoodPractice, Partnership, Programme, Project, ProjectRole
from regions.models import (
    Cooperation,
    Infrastructure,
    Membership,
    Milestone,
    Organisation,
    Region,
    Theme,
)

BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.PostGenerationMethodCall("set_password", "secret-pass-123")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")


_BASE36 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class RegionFactory(factory.django.DjangoModelFactory):
    """NUTS 3 regions with well-formed codes no real region has (BEZ..)."""

    class Meta:
        model = Region

    name = factory.Sequence(lambda n: f"Region {n}")
    slug = factory.Sequence(lambda n: f"region-{n}")
    nuts_code = factory.Sequence(lambda n: f"BEZ{_BASE36[n // 36 % 36]}{_BASE36[n % 36]}")
    country = "BE"
    type = Region.Type.NUTS3


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    slug = factory.Sequence(lambda n: f"organisation-{n}")
    type = Organisation.Type.PUBLIC_AUTHORITY
    region = factory.SubFactory(RegionFactory)


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme
        django_get_or_create = ("slug",)

    name = "Interreg Europe 2014-2020"
    slug = "interreg-europe-2014-2020"
    period_start = 2014
    period_end = 2020


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    acronym = factory.Sequence(lambda n: f"PRJ{n}")
    slug = factory.Sequence(lambda n: f"prj-{n}")
    title = factory.Sequence(lambda n: f"Project {n}")
    programme = factory.SubFactory(ProgrammeFactory)
    start_date = datetime.date(2016, 4, 1)
    end_date = datetime.date(2021, 3, 31)


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    role = Partnership.Role.PARTNER
    region = factory.SelfAttribute("organisation.region")


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"event-{n}")
    type = Event.Type.CONFERENCE
    starts_at = datetime.datetime(2030, 5, 4, 9, 0, tzinfo=BRUSSELS)
    ends_at = factory.LazyAttribute(lambda e: e.starts_at + datetime.timedelta(hours=8))
    city = "Brussels"


class RegistrationSettingsFactory(factory.django.DjangoModelFactory):
    """Registration open now for an event a month away, with a consent text."""

    class Meta:
        model = RegistrationSettings
        skip_postgeneration_save = True

    event = factory.SubFactory(
        EventFactory,
        starts_at=factory.LazyFunction(
            lambda: (
                datetime.datetime.now(BRUSSELS).replace(hour=9, minute=0, second=0, microsecond=0)
                + datetime.timedelta(days=30)
            )
        ),
    )
    opens_at = factory.LazyFunction(
        lambda: datetime.datetime.now(BRUSSELS) - datetime.timedelta(days=1)
    )
    closes_at = factory.LazyAttribute(lambda s: s.event.starts_at - datetime.timedelta(days=1))
    capacity = 10

    @factory.post_generation
    def consent(obj, create, extracted, **kwargs):
        if create and obj.consent_id is None:
            from events.models import Consent

            obj.consent = Consent.objects.create(
                event=obj.event,
                version=1,
                text_en="I agree that the organisers keep my answers until after the event.",
                text_nl="Ik ga akkoord dat de organisatoren mijn antwoorden bewaren.",
            )
            obj.save()


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Faker("name")
    slug = factory.Sequence(lambda n: f"person-{n}")
    organisation_name = "An organisation"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    kind = Session.Kind.WORKSHOP
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(lambda s: s.event.starts_at + datetime.timedelta(hours=1))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(hours=1))


class PresentationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Presentation

    session = factory.SubFactory(SessionFactory)
    title = factory.Sequence(lambda n: f"Presentation {n}")


def grant(partnership, role, user=None):
    """A user who works for the partnership's organisation and holds `role` in its project."""
    user = user or UserFactory()
    Membership.objects.get_or_create(user=user, organisation=partnership.organisation)
    ProjectRole.objects.create(user=user, partnership=partnership, role=role)
    return user


class GoodPracticeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GoodPractice

    title = factory.Sequence(lambda n: f"Practice {n}")
    slug = factory.Sequence(lambda n: f"practice-{n}")
    project = factory.SubFactory(ProjectFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    region = factory.SelfAttribute("organisation.region")
    approach = GoodPractice.Approach.GOVERNANCE
    summary = "A practice worth learning from."
    status = GoodPractice.Status.VALIDATED


class InfrastructureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Infrastructure

    name = factory.Sequence(lambda n: f"Lab {n}")
    slug = factory.Sequence(lambda n: f"lab-{n}")
    kind = Infrastructure.Kind.LABORATORY
    owner = factory.SubFactory(OrganisationFactory)
    region = factory.SelfAttribute("owner.region")
    summary = "A laboratory."


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"News {n}")
    slug = factory.Sequence(lambda n: f"news-{n}")
    summary = "Something happened."


class CooperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cooperation

    name = factory.Sequence(lambda n: f"Cooperation {n}")
    slug = factory.Sequence(lambda n: f"cooperation-{n}")


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Milestone

    cooperation = factory.SubFactory(CooperationFactory)
    kind = Milestone.Kind.SUMMIT
    date = factory.Sequence(lambda n: datetime.date(2004, 1, 1) + datetime.timedelta(days=n))
    title = factory.Sequence(lambda n: f"Milestone {n}")


class DocumentFactory(factory.django.DjangoModelFactory):
    """A linked document (no file to store) on `owner`, a project unless told."""

    class Meta:
        model = Document
        exclude = ("owner",)

    owner = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    kind = Document.Kind.REPORT
    url = factory.Sequence(lambda n: f"https://example.org/documents/{n}.pdf")
    content_type = factory.LazyAttribute(lambda d: ContentType.objects.get_for_model(d.owner))
    object_id = factory.SelfAttribute("owner.pk")


class SubscriberFactory(factory.django.DjangoModelFactory):
    """A confirmed newsletter subscriber who chose no topic (so gets every issue)."""

    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    language = "en"
    state = Subscriber.State.CONFIRMED
    consent_text = "I agree."
    consent_version = "test"
    consented_at = factory.LazyFunction(lambda: datetime.datetime.now(tz=BRUSSELS))


class IssueFactory(factory.django.DjangoModelFactory):
    """A draft issue with one article, unless `items=[...]` (articles and events) says."""

    class Meta:
        model = Issue
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Issue {n}")
    intro = "What happened this month."

    @factory.post_generation
    def items(issue, create, extracted, **kwargs):
        if not create:
            return
        for n, item in enumerate(extracted if extracted is not None else [ArticleFactory()]):
            field = "event" if isinstance(item, Event) else "article"
            IssueItem.objects.create(issue=issue, position=n + 1, **{field: item})
