import datetime

import pytest
from django.apps import apps
from django.utils import translation

from events.models import Event
from portal.accounts.models import User
from portal.demo.loader import DEMO_PASSWORD, load_demo
from projects.models import GoodPractice, Partnership, Project
from regions.models import Cooperation, Region, Strategy

pytestmark = pytest.mark.django_db


def test_s3chem_has_seven_regions_and_its_monitoring_phase(demo):
    s3chem = Project.objects.get(slug="s3chem")
    regions = set(s3chem.partnerships.values_list("region__slug", flat=True))
    assert len(regions) == 7
    assert s3chem.partnerships.get(role=Partnership.Role.LEAD).organisation.slug == (
        "mw-saxony-anhalt"
    )
    monitoring = s3chem.phases.get(kind=2)
    assert (monitoring.start_date, monitoring.end_date) == (
        datetime.date(2019, 4, 1),
        datetime.date(2021, 3, 31),
    )


def test_inno_infra_share_spans_eight_regions_with_flanders_make(demo):
    project = Project.objects.get(slug="inno-infra-share")
    countries = set(project.partnerships.values_list("region__country", flat=True))
    assert countries == {"BE", "CZ", "DE", "EE", "IT", "LV", "NL", "SE"}
    assert project.partnerships.filter(organisation__slug="flanders-make").exists()


def test_the_seed_events_are_there_with_their_dates_and_places(demo):
    iwg = Event.objects.get(slug="s3chem-11th-iwg-brussels-2018")
    assert iwg.starts_at.astimezone(iwg.tz).date() == datetime.date(2018, 11, 22)
    assert iwg.city == "Brussels"
    closing = Event.objects.get(slug="s3chem-closing-conference-halle-2019")
    assert closing.city == "Halle (Saale)"
    assert closing.starts_at.astimezone(closing.tz).date() == datetime.date(2019, 2, 26)
    assert closing.ends_at.astimezone(closing.tz).date() == datetime.date(2019, 2, 27)
    kick_off = Event.objects.get(slug="inno-infra-share-kick-off-bologna")
    assert (kick_off.city, kick_off.date_precision) == ("Bologna", "season")
    grow = Event.objects.get(slug="grow-your-regio-2015")
    assert grow.city == "Brussels"
    assert (grow.local_start.date(), grow.local_end.date()) == (
        datetime.date(2015, 4, 27),
        datetime.date(2015, 4, 28),
    )


def test_the_study_visit_is_where_and_when_the_seed_says_no_more(demo):
    visit = Event.objects.get(slug="inno-infra-share-study-visit-be-nl-2017")
    # "Mid last month", in an article without a date: only the year can be defended.
    assert visit.date_precision == "year"
    assert visit.when_display() == "2017"
    assert (visit.city, visit.region.slug) == ("Ghent, Heverlee", "flanders")
    assert "Eindhoven" not in visit.agenda + visit.summary
    assert set(visit.organisers.values_list("slug", flat=True)) == {
        "flanders-make",
        "brainport-development",
    }


def test_the_demo_coding_of_a_priority_says_it_is_demo_content(demo):
    strategy = Strategy.objects.get(region__slug="saxony-anhalt")
    (priority,) = strategy.priorities.all()
    assert priority.economic_domains
    assert "Demo content" in priority.description_en
    assert "Democontent" in priority.description_nl


def test_an_event_loaded_under_a_retired_slug_is_removed(demo):
    Event.objects.create(
        slug="grow-your-regio-2017",
        title="GROW your REGIOn",
        type="conference",
        starts_at=datetime.datetime(2017, 4, 27, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2017, 4, 28, tzinfo=datetime.UTC),
    )
    load_demo()
    assert not Event.objects.filter(slug="grow-your-regio-2017").exists()
    assert Event.objects.filter(slug="grow-your-regio-2015").count() == 1


def test_the_cooperation_timeline_runs_from_2004_to_2020(demo):
    cooperation = Cooperation.objects.get(slug="flanders-netherlands")
    milestones = list(cooperation.milestones.values_list("date", "kind", "place"))
    assert milestones[0] == (datetime.date(2004, 4, 7), "declaration", "")
    assert milestones[1][:2] == (datetime.date(2008, 4, 17), "renewal")
    summits = [(d.year, place) for d, kind, place in milestones if kind == "summit"]
    assert summits == [
        (2011, "Hingene"),
        (2013, "Maastricht"),
        (2016, "Ghent"),
        (2018, "Middelburg"),
        (2020, "Brasschaat"),
    ]
    placeholders = cooperation.milestones.filter(documents__is_placeholder=True).count()
    assert placeholders == 6


def test_ruhr_strategy_and_lombardy_practice(demo):
    ruhr = Region.objects.get(slug="metropole-ruhr")
    assert ruhr.type == "metro" and ruhr.nuts_code is None
    assert ruhr.parent.nuts_code == "DEA"
    strategy = Strategy.objects.get(region=ruhr)
    assert strategy.author.name == "Business Metropole Ruhr"
    assert strategy.contacts.get().name == "Dmitri Domanski"
    practice = GoodPractice.objects.get(slug="lombardy-research-and-innovation-law")
    assert practice.status == "validated"
    assert "29/2016" in practice.title


def test_content_is_in_english_and_dutch_and_german_falls_back(demo):
    s3chem = Project.objects.get(slug="s3chem")
    with translation.override("nl"):
        assert s3chem.title == "Slimme specialisatiestrategie voor chemie"
    with translation.override("de"):
        assert s3chem.title == "Smart Chemistry Specialisation Strategy"


def test_demo_accounts_log_in_with_their_roles(demo, client):
    roles = dict(
        User.objects.filter(email__endswith="@example.org").values_list(
            "email", "project_roles__role"
        )
    )
    assert roles["coordinator@example.org"] == "coordinator"
    assert roles["communication@example.org"] == "communication_manager"
    assert roles["partner.lombardy@example.org"] == "partner_member"
    assert roles["partner.limburg@example.org"] == "partner_member"
    assert User.objects.get(email="admin@example.org").is_superuser
    assert client.login(email="partner.limburg@example.org", password=DEMO_PASSWORD)


def test_loading_twice_changes_nothing(demo):
    def snapshot():
        return {
            model.__name__: list(model.objects.order_by("pk").values_list("pk", "updated_at"))
            for model in apps.get_models()
            if hasattr(model, "updated_at")
        } | {"users": list(User.objects.order_by("pk").values_list("pk", "password"))}

    before = snapshot()
    load_demo()
    assert snapshot() == before


def test_demo_plans_show_every_state_of_the_workflow(demo):
    from actionplans.models import ActionPlan, PlanVersion

    plans = dict(
        ActionPlan.objects.filter(partnership__project__slug="s3chem").values_list(
            "partnership__region__slug", "state"
        )
    )
    assert plans == {
        "lombardy": "approved",
        "limburg-nl": "changes_requested",
        "catalonia": "submitted",
        "wallonia": "draft",
    }
    assert all(ActionPlan.objects.values_list("is_demo", flat=True))
    limburg = ActionPlan.objects.get(partnership__region__slug="limburg-nl")
    assert limburg.comments.get().action.title == "Innovation funding desk for chemistry companies"
    assert limburg.actions.get(position=1).good_practices.get().slug == (
        "lombardy-research-and-innovation-law"
    )
    versions = PlanVersion.objects.count()
    load_demo()
    assert PlanVersion.objects.count() == versions
