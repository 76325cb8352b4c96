import datetime
import shutil
import zoneinfo
from decimal import Decimal

import pytest
import time_machine
from django.apps import apps
from django.utils import translation

from actionplans.models import ActionPlan, MonitoringPeriod, ProgressReport
from events.models import Event
from news.models import Article
from portal.accounts.models import User
from portal.core.models import Document
from portal.demo.loader import DEMO_PASSWORD, load_demo
from portal.demo.reader import DATA_DIR, DemoDataError
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


def test_content_is_in_english_dutch_and_german_with_names_as_each_writes_them(demo):
    s3chem = Project.objects.get(slug="s3chem")
    with translation.override("nl"):
        assert s3chem.title == "Slimme specialisatiestrategie voor chemie"
    with translation.override("de"):
        assert s3chem.title == "Strategie zur intelligenten Spezialisierung in der Chemie"
    names = {
        "saxony-anhalt": ("Saxony-Anhalt", "Saksen-Anhalt", "Sachsen-Anhalt"),
        "lombardy": ("Lombardy", "Lombardije", "Lombardei"),
        "brussels": (
            "Brussels-Capital Region",
            "Brussels Hoofdstedelijk Gewest",
            "Region Brüssel-Hauptstadt",
        ),
    }
    for slug, expected in names.items():
        region = Region.objects.get(slug=slug)
        assert (region.name_en, region.name_nl, region.name_de) == expected
    dg_regio = Organisation.objects.get(slug="dg-regio")
    assert (dg_regio.city_en, dg_regio.city_nl, dg_regio.city_de) == (
        "Brussels",
        "Brussel",
        "Brüssel",
    )
    isw = Organisation.objects.get(slug="isw")
    assert isw.city_de == isw.city_nl == "Halle (Saale)"
    summit = Milestone.objects.get(place_en="Ghent")
    assert summit.place_nl == "Gent"


def test_every_text_of_the_demo_is_in_all_three_languages(demo):
    """The loader refuses a text without German; nothing reaches a page in English only."""
    from modeltranslation.translator import translator

    gaps = []
    for model in translator.get_registered_models():
        if model._meta.app_label not in ("regions", "projects", "events", "news"):
            continue
        fields = translator.get_options_for_model(model).fields
        for obj in model.objects.all():
            for field in fields:
                if getattr(obj, f"{field}_en", None) and not getattr(obj, f"{field}_de", None):
                    gaps.append(f"{model.__name__} {obj.pk}: {field}")
    assert gaps == []


def test_every_organisation_has_a_place_on_the_map(demo):
    assert not Organisation.objects.filter(latitude__isnull=True).exists()


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
    login = {"username": "partner.limburg@example.org", "password": DEMO_PASSWORD}
    assert client.post("/en/login/", login).status_code == 302


def test_loading_twice_changes_nothing(demo):
    def snapshot():
        return {
            model.__name__: list(model.objects.order_by("pk").values_list("pk", "updated_at"))
            for model in apps.get_models()
            if hasattr(model, "updated_at")
        } | {"users": list(User.objects.order_by("pk").values_list("pk", "password"))}

    before = snapshot()
    # The demo's upcoming event is dated from the day of loading: load again on that day.
    loaded_on = Event.objects.get(slug="demo-chemistry-regions-innovation-days").created_at
    with time_machine.travel(loaded_on, tick=False):
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
        "asturias": "approved",
        "mazovia": "approved",
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


# The demo as portal/demo/content.py held it before it became data files, row for row: a
# change here is a change of the demo's content.
EXPECTED_COUNTS = {
    Theme: 11,
    Region: 19,
    Organisation: 23,
    Contact: 4,
    Programme: 1,
    Project: 2,
    Phase: 2,
    Partnership: 16,
    Cooperation: 1,
    Milestone: 9,
    Strategy: 5,
    PriorityDomain: 4,
    Event: 7,
    GoodPractice: 1,
    Infrastructure: 1,
    Article: 4,
    Document: 8,
    User: 9,
    Membership: 8,
    ProjectRole: 8,
    ActionPlan: 6,
    ProgressReport: 10,
    MonitoringPeriod: 4,
}


def test_the_data_files_load_as_many_rows_of_each_kind_as_expected(demo):
    counts = {model: model.objects.count() for model in EXPECTED_COUNTS}
    assert counts == EXPECTED_COUNTS


def test_a_sample_of_facts_loads_as_written(demo):
    flanders = Region.objects.get(slug="flanders")
    assert (flanders.nuts_code, flanders.country, flanders.type) == ("BE2", "BE", "nuts1")
    assert (flanders.latitude, flanders.longitude) == (Decimal("51.01000"), Decimal("4.30000"))
    assert flanders.contacts.get().name == "Erwin Dewallef"
    assert Region.objects.get(slug="limburg-nl").parent.slug == "netherlands"

    chemnitz = Organisation.objects.get(slug="tu-chemnitz")
    assert (chemnitz.name_en, chemnitz.name_nl) == (
        "Chemnitz University of Technology",
        "Technische Universiteit Chemnitz",
    )
    assert (chemnitz.acronym, chemnitz.type, chemnitz.city) == ("TUC", "university", "Chemnitz")
    assert (chemnitz.latitude, chemnitz.longitude) == (Decimal("50.81362"), Decimal("12.92954"))
    idepa = Organisation.objects.get(slug="idepa")
    assert (idepa.city, idepa.latitude, idepa.longitude) == (
        "Llanera",
        Decimal("43.43390"),
        Decimal("-5.82870"),
    )

    s3chem = Project.objects.get(slug="s3chem")
    assert s3chem.budget == Decimal("2200000.00")
    assert (s3chem.start_date, s3chem.end_date) == (
        datetime.date(2016, 4, 1),
        datetime.date(2021, 3, 31),
    )
    assert s3chem.programme.slug == "interreg-europe-2014-2020"

    grow = Event.objects.get(slug="grow-your-regio-2015")
    assert grow.title_nl == "GROW your REGIOn: clusters als DNA van slimme specialisatie"
    assert set(grow.organisers.values_list("slug", flat=True)) == {"dg-grow", "dg-regio"}
    one_day = Event.objects.get(slug="s3plat-chemicals-kick-off-2018")
    brussels = zoneinfo.ZoneInfo("Europe/Brussels")
    assert one_day.starts_at == datetime.datetime(2018, 10, 24, 0, 0, tzinfo=brussels)
    assert one_day.ends_at == datetime.datetime(2018, 10, 24, 23, 59, tzinfo=brussels)
    # A long line is wrapped in the file and whole in the database; a line break is kept.
    iwg = Event.objects.get(slug="s3chem-11th-iwg-brussels-2018")
    assert (
        "\n- Lieven Top (Flemish Government): the trilateral chemistry strategy of "
        "Limburg, North Rhine-Westphalia and Flanders\n" in iwg.agenda_en
    )

    summit = Milestone.objects.get(date=datetime.date(2013, 10, 8))
    assert (summit.kind, summit.place) == ("summit", "Maastricht")
    assert summit.themes.count() == 4
    (conclusions,) = summit.documents.all()
    assert conclusions.title_nl == "Conclusies van de topontmoeting van 8 oktober 2013"
    assert conclusions.published_on == datetime.date(2013, 10, 8)

    domanski = Contact.objects.get(name="Dmitri Domanski")
    assert (domanski.email, domanski.phone) == ("domanski@business.ruhr", "+49 201 632488-40")
    assert domanski.job_title_nl == "Projectleider groeimarkten"

    article = Article.objects.get(slug="flanders-make-opens-ri-infrastructure-to-smes")
    assert article.published_at == datetime.datetime(2017, 8, 21, 9, 0, tzinfo=brussels)
    assert article.body_en.count("\n\n") == 2
    assert article.event is None
    assert Article.objects.get(slug="s3chem-partners-meet-in-brussels").event.slug == (
        "s3chem-11th-iwg-brussels-2018"
    )

    priority = PriorityDomain.objects.get(strategy__region__slug="saxony-anhalt")
    assert (priority.economic_domains, priority.scientific_domains) == (["C20", "C22"], ["1", "2"])
    assert priority.policy_objectives == ["sustainable", "kets"]
    assert ProjectRole.objects.get(user__email="coordinator@example.org").role == "coordinator"


@pytest.fixture
def data_dir(settings, tmp_path):
    """A copy of the demo's data files to change, and a media folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"
    shutil.copytree(DATA_DIR, tmp_path / "data")
    return tmp_path / "data"


def _add(path, text):
    path.write_text(path.read_text() + text)


NEW_EVENT = """
[[event]]
slug = "new-event"
title.en = "A new event"
title.nl = "Een nieuw evenement"
title.de = "Eine neue Veranstaltung"
type = "conference"
start = 2019-05-01
region = "flanders"
"""


NEW_ORGANISATION = """
[[organisation]]
slug = "new-organisation"
name.en = "A new organisation"
name.nl = "Een nieuwe organisatie"
name.de = "Eine neue Organisation"
type = "cluster"
region = "flanders"
"""


def test_an_event_and_an_organisation_are_a_few_lines_of_data(data_dir):
    _add(data_dir / "organisations.toml", NEW_ORGANISATION)
    _add(data_dir / "events.toml", NEW_EVENT + 'organisers = ["new-organisation"]\n')
    load_demo(data_dir=data_dir)
    event = Event.objects.get(slug="new-event")
    assert event.title_nl == "Een nieuw evenement"
    assert event.local_end.date() == datetime.date(2019, 5, 1)
    assert event.organisers.get().name_nl == "Een nieuwe organisatie"


def test_german_text_loads_into_the_german_columns(data_dir):
    summary = 'summary.en = "Yes"\nsummary.nl = "Ja"\nsummary.de = "Ja, auf Deutsch"\n'
    city = 'city.en = "Ghent"\ncity.nl = "Gent"\ncity.de = "Gent"\n'
    _add(data_dir / "events.toml", NEW_EVENT + summary + city)
    load_demo(data_dir=data_dir)
    photonics = Theme.objects.get(slug="photonics")
    assert photonics.name_de == "Photonik"
    with translation.override("de"):
        assert photonics.name == "Photonik"
    event = Event.objects.get(slug="new-event")
    assert event.summary_de == "Ja, auf Deutsch"
    assert (event.city_en, event.city_nl, event.city_de) == ("Ghent", "Gent", "Gent")


def test_a_city_named_alike_everywhere_is_one_string(data_dir):
    _add(data_dir / "events.toml", NEW_EVENT + 'city = "Magdeburg"\n')
    load_demo(data_dir=data_dir)
    event = Event.objects.get(slug="new-event")
    assert (event.city_en, event.city_nl, event.city_de) == ("Magdeburg",) * 3


ENTRY = 'events.toml, entry "new-event"'


@pytest.mark.parametrize(
    ("event", "message"),
    [
        pytest.param(
            NEW_EVENT.replace("start = 2019-05-01", 'start = "1 May 2019"'),
            f'{ENTRY}: field "start": Input should be a valid date',
            id="wrong type",
        ),
        pytest.param(
            NEW_EVENT.replace('region = "flanders"\n', ""),
            f'{ENTRY}: field "region": Field required',
            id="missing field",
        ),
        pytest.param(
            NEW_EVENT.replace('title.nl = "Een nieuw evenement"\n', ""),
            f'{ENTRY}: field "title.nl": Field required',
            id="missing translation",
        ),
        pytest.param(
            NEW_EVENT.replace('title.de = "Eine neue Veranstaltung"\n', ""),
            f'{ENTRY}: field "title.de": Field required',
            id="missing German",
        ),
        pytest.param(
            NEW_EVENT + 'town = "Ghent"\n',
            f'{ENTRY}: field "town": Extra inputs are not permitted',
            id="unknown field",
        ),
        pytest.param(
            NEW_EVENT.replace('type = "conference"', 'type = "webinar"'),
            f"{ENTRY}: field \"type\": Input should be 'partner_meeting', 'working_group', "
            "'study_visit', 'conference', 'dissemination' or 'summit'",
            id="bad choice",
        ),
        pytest.param(
            NEW_EVENT + 'organisers = ["flanders-make", "flanders-makee"]\n',
            f'{ENTRY}: field "organisers[2]": there is no organisation "flanders-makee" in '
            "organisations.toml",
            id="unknown reference",
        ),
        pytest.param(
            NEW_EVENT.replace('slug = "new-event"\n', ""),
            'events.toml, entry 7: field "slug": Field required',
            id="entry without a slug",
        ),
        pytest.param(
            NEW_EVENT.replace('"new-event"', '"grow-your-regio-2015"'),
            'events.toml, entry 7: field "slug": "grow-your-regio-2015" is also the slug of '
            "entry 6",
            id="slug used twice",
        ),
    ],
)
def test_a_malformed_entry_is_refused_naming_file_entry_and_field(data_dir, event, message):
    _add(data_dir / "events.toml", event)
    with pytest.raises(DemoDataError) as refused:
        load_demo(data_dir=data_dir)
    assert str(refused.value) == message
    # Every file is checked before anything is written.
    assert not Theme.objects.exists()


def test_each_problem_is_named_down_to_the_field_inside_an_entry(data_dir):
    cooperation = data_dir / "cooperation.toml"
    cooperation.write_text(
        cooperation.read_text().replace('kind = "conclusions"', 'kind = "minutes"')
    )
    regions = data_dir / "regions.toml"
    regions.write_text(regions.read_text().replace("latitude = 51.01000", "latitude = 51.010001"))
    with pytest.raises(DemoDataError) as refused:
        load_demo(data_dir=data_dir)
    assert str(refused.value).splitlines() == [
        'regions.toml, entry "flanders": field "latitude": Decimal input should have no more '
        "than 5 decimal places",
        'cooperation.toml, entry "flanders-netherlands": field "milestones[5].documents[1].kind": '
        "Input should be 'strategy', 'report', 'declaration', 'conclusions', 'agenda', "
        "'presentation', 'newsletter' or 'other'",
    ]


def test_a_file_that_is_not_toml_is_refused_with_the_line(data_dir):
    _add(data_dir / "events.toml", NEW_EVENT + "start = 2019-05-02\n")
    with pytest.raises(DemoDataError, match=r"^events\.toml: Cannot overwrite a value \(at line"):
        load_demo(data_dir=data_dir)


def test_a_missing_file_is_refused(data_dir):
    (data_dir / "themes.toml").unlink()
    with pytest.raises(DemoDataError, match=r"^themes\.toml: missing from "):
        load_demo(data_dir=data_dir)
