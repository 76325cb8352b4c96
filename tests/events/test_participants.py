"""What organisers see and do: the participants list, exports, messages, check-in."""

import csv
import datetime
import io
import zoneinfo

import pytest
from openpyxl import load_workbook

from events.models import Registration, RegistrationSettings
from portal.core.models import OutgoingMail
from tests import factories
from tests.events.conftest import sign_up

pytestmark = pytest.mark.django_db
R = Registration.State


@pytest.fixture
def registrants(config):
    config.capacity = 3
    config.save()
    event = config.event
    workshop = factories.SessionFactory(event=event, selectable=True, title="Workshop")
    people = [
        sign_up(
            event,
            "ana@example.org",
            name="Ana Álvarez",
            organisation_name="ACCIÓ",
            organisation_type="development_agency",
            country="ES",
            sessions=[workshop],
        ),
        sign_up(
            event,
            "bert@example.org",
            name="Bert Jansen",
            organisation_name="=HYPERLINK()",
            organisation_type="sme",
            country="NL",
            language="nl",
        ),
        sign_up(
            event,
            "clara@example.org",
            name="Clara Weber",
            organisation_name="isw",
            organisation_type="rto",
            country="DE",
            language="de",
            sessions=[workshop],
        ),
        sign_up(
            event,
            "dirk@example.org",
            name="Dirk Peeters",
            organisation_name="Flanders Make",
            organisation_type="rto",
            country="BE",
        ),
    ]
    sign_up(event, "unconfirmed@example.org", confirm=False)
    return people


def _url(event, rest=""):
    return f"/en/events/{event.slug}/participants/{rest}"


def test_organisers_see_the_participants_with_counts(
    client, communication_manager, coordinator, event, registrants
):
    for organiser in (communication_manager, coordinator):
        client.force_login(organiser)
        page = client.get(_url(event))
        assert page.status_code == 200
        html = page.content.decode()
        for name in ("Ana Álvarez", "Bert Jansen", "Clara Weber", "Dirk Peeters"):
            assert name in html
        # An address not confirmed is not a participant yet.
        assert "unconfirmed@example.org" not in html
        counts = page.context["counts"]
        assert dict((s, n) for s, _label, n in counts["states"])[R.CONFIRMED] == 3
        assert dict((s, n) for s, _label, n in counts["states"])[R.WAITING] == 1
        assert ("DE", "Germany", 1) in counts["countries"]
        (workshop,) = counts["sessions"]
        assert workshop.confirmed == 2


@pytest.mark.parametrize(
    ("query", "names"),
    [
        ("state=waiting", ["Dirk Peeters"]),
        ("country=NL", ["Bert Jansen"]),
        ("organisation_type=rto", ["Clara Weber", "Dirk Peeters"]),
        ("q=flanders", ["Dirk Peeters"]),
    ],
)
def test_the_list_filters(client, communication_manager, event, registrants, query, names):
    client.force_login(communication_manager)
    page = client.get(_url(event) + "?" + query)
    assert [r.name for r in page.context["page"].object_list] == names


def test_the_list_filters_by_session(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    workshop = event.sessions.get()
    page = client.get(_url(event) + f"?session={workshop.pk}")
    assert [r.name for r in page.context["page"].object_list] == ["Ana Álvarez", "Clara Weber"]


def test_a_bad_filter_is_a_400_naming_it(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    page = client.get(_url(event) + "?state=asleep")
    assert page.status_code == 400
    assert "state" in page.context["filter"].errors


@pytest.mark.parametrize("rest", ["", "export.csv", "export.xlsx", "message/"])
def test_an_organiser_of_another_event_gets_404(client, event, registrants, rest):
    elsewhere = factories.RegistrationSettingsFactory(
        event__project=factories.ProjectFactory()
    ).event
    lead = factories.PartnershipFactory(project=elsewhere.project, role="lead")
    other_organiser = factories.grant(lead, "communication_manager")
    client.force_login(other_organiser)
    assert client.get(_url(event, rest)).status_code == 404
    assert client.get(f"/en/events/{event.slug}/check-in/").status_code == 404
    assert client.get(f"/en/events/{event.slug}/registration-settings/").status_code == 404
    # Their own event opens.
    assert client.get(_url(elsewhere, rest)).status_code == 200


def test_partners_and_visitors_get_404_or_the_login(client, partner_member, event, registrants):
    assert client.get(_url(event)).status_code == 302
    client.force_login(partner_member)
    assert client.get(_url(event)).status_code == 404
    registration = registrants[0]
    response = client.post(f"/en/events/{event.slug}/check-in/{registration.pk}/", {"present": "1"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.checked_in_at is None


def test_staff_organise_every_event(client, event, registrants):
    client.force_login(factories.UserFactory(is_staff=True))
    assert client.get(_url(event)).status_code == 200


def test_csv_and_xlsx_hold_the_same_rows(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    as_csv = client.get(_url(event, "export.csv"))
    assert as_csv["Content-Type"] == "text/csv; charset=utf-8"
    csv_rows = list(csv.reader(io.StringIO(as_csv.content.decode("utf-8-sig"))))
    as_xlsx = client.get(_url(event, "export.xlsx"))
    sheet = load_workbook(io.BytesIO(as_xlsx.content)).active
    xlsx_rows = [
        [
            "" if v is None else v.isoformat(sep=" ") if hasattr(v, "isoformat") else str(v)
            for v in row
        ]
        for row in sheet.iter_rows(values_only=True)
    ]
    assert csv_rows == xlsx_rows
    header, *rows = csv_rows
    assert header[:3] == ["Name", "Email address", "Organisation"]
    assert [row[0] for row in rows] == ["Ana Álvarez", "Bert Jansen", "Clara Weber", "Dirk Peeters"]
    by_name = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    assert by_name["Ana Álvarez"]["Sessions"] == "Workshop"
    assert by_name["Dirk Peeters"]["State"] == "On the waiting list"
    assert by_name["Dirk Peeters"]["Place on the waiting list"] == "1"
    # A cell that looks like a formula is written as text, in both.
    assert by_name["Bert Jansen"]["Organisation"] == "'=HYPERLINK()"


def test_exports_take_the_list_filters(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    rows = list(
        csv.reader(
            io.StringIO(
                client.get(_url(event, "export.csv") + "?country=DE").content.decode("utf-8-sig")
            )
        )
    )
    assert [row[0] for row in rows[1:]] == ["Clara Weber"]


def test_a_message_reaches_each_registrant_in_their_language(
    client, communication_manager, event, registrants
):
    client.force_login(communication_manager)
    page = client.get(_url(event, "message/"))
    assert page.context["recipient_count"] == 4
    response = client.post(
        _url(event, "message/"),
        {
            "subject_en": "Bring your badge",
            "body_en": "Doors open at 8:30.",
            "subject_de": "Bringen Sie Ihr Namensschild mit",
            "body_de": "Einlass ab 8:30 Uhr.",
        },
    )
    assert response.status_code == 302
    mails = {m.to: m for m in OutgoingMail.objects.filter(key__contains=":message:")}
    assert set(mails) == {
        "ana@example.org",
        "bert@example.org",
        "clara@example.org",
        "dirk@example.org",
    }
    assert mails["clara@example.org"].subject.startswith("Bringen Sie Ihr Namensschild mit")
    assert "Einlass ab 8:30 Uhr." in mails["clara@example.org"].body_text
    # Not written in Dutch: Bert reads the English, in a Dutch mail.
    assert mails["bert@example.org"].subject.startswith("Bring your badge")
    assert "Doors open at 8:30." in mails["bert@example.org"].body_text
    message = event.messages.get()
    assert (message.recipients, message.sent_by) == (4, communication_manager)


def test_a_message_to_some_registrants(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    ana, bert = registrants[0], registrants[1]
    query = f"?ids={ana.pk}&ids={bert.pk}"
    assert client.get(_url(event, "message/") + query).context["recipient_count"] == 2
    client.post(_url(event, "message/") + query, {"subject_en": "Hi", "body_en": "Hello."})
    assert set(
        OutgoingMail.objects.filter(key__contains=":message:").values_list("to", flat=True)
    ) == {"ana@example.org", "bert@example.org"}


def test_a_message_needs_a_subject_and_a_text(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    response = client.post(_url(event, "message/"), {"subject_nl": "Alleen een onderwerp"})
    assert response.status_code == 400
    assert response.context["form"].errors["body_nl"] == [
        "Give both a subject and a message in this language."
    ]
    response = client.post(_url(event, "message/"), {})
    assert "Write the message in at least one language" in response.content.decode()
    assert not OutgoingMail.objects.filter(key__contains=":message:").exists()


def test_a_message_to_nobody_is_refused(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    response = client.post(
        _url(event, "message/") + "?country=FR", {"subject_en": "Hi", "body_en": "Hello."}
    )
    assert response.status_code == 400
    assert "nothing was sent" in response.content.decode()


def test_check_in_on_the_day(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    ana = registrants[0]
    page = client.get(f"/en/events/{event.slug}/check-in/?q=álv")
    assert [r.name for r in page.context["registrations"]] == ["Ana Álvarez"]
    assert "0 of 3 confirmed participants checked in" in page.content.decode()
    response = client.post(
        f"/en/events/{event.slug}/check-in/{ana.pk}/", {"present": "1", "q": "álv"}
    )
    assert response.url.endswith("/check-in/?q=%C3%A1lv")
    ana.refresh_from_db()
    assert ana.checked_in_at and ana.checked_in_by == communication_manager
    # With htmx the row changes in place, and the count beside it.
    fragment = client.post(
        f"/en/events/{event.slug}/check-in/{ana.pk}/", {"present": "0"}, HTTP_HX_REQUEST="true"
    )
    assert "Ana Álvarez is no longer checked in." in fragment.content.decode()
    assert "0 of 3 confirmed" in fragment.content.decode()
    client.post(f"/en/events/{event.slug}/check-in/{ana.pk}/", {"present": "1"})
    page = client.get(_url(event))
    assert page.context["counts"]["present"] == 1


def test_someone_waiting_cannot_be_checked_in(client, communication_manager, event, registrants):
    client.force_login(communication_manager)
    dirk = registrants[3]
    response = client.post(
        f"/en/events/{event.slug}/check-in/{dirk.pk}/", {"present": "1"}, follow=True
    )
    assert "has no confirmed place" in response.content.decode()
    dirk.refresh_from_db()
    assert dirk.checked_in_at is None


def test_organisers_open_registration_in_the_events_time_zone(client, coordinator, project):
    event = factories.EventFactory(project=project, timezone="Europe/Lisbon")
    client.force_login(coordinator)
    page = client.get(f"/en/events/{event.slug}/registration-settings/")
    assert page.status_code == 200
    response = client.post(
        f"/en/events/{event.slug}/registration-settings/",
        {
            "opens_at": "2030-04-01T09:00",
            "closes_at": "2030-05-01T12:00",
            "capacity": "40",
            "ask_organisation": "required",
            "ask_country": "required",
            "ask_region": "no",
            "ask_dietary": "optional",
            "ask_sessions": "optional",
            "offer_hours": "24",
            "retention_days": "90",
            "consent_en": "We keep your answers until 90 days after the event.",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    config = RegistrationSettings.objects.get(event=event)
    lisbon = zoneinfo.ZoneInfo("Europe/Lisbon")
    assert config.opens_at == datetime.datetime(2030, 4, 1, 9, 0, tzinfo=lisbon)
    assert (config.capacity, config.consent.version) == (40, 1)


def test_registration_settings_refuse_bad_input_by_field(client, coordinator, project):
    event = factories.EventFactory(project=project)
    client.force_login(coordinator)
    response = client.post(
        f"/en/events/{event.slug}/registration-settings/",
        {
            "opens_at": "2030-05-01T09:00",
            "closes_at": "2030-04-01T09:00",
            "capacity": "-3",
            "offer_hours": "0",
            "retention_days": "90",
            "ask_organisation": "sometimes",
        },
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "capacity" in errors and "offer_hours" in errors and "ask_organisation" in errors
    assert "consent_en" in errors
    assert not RegistrationSettings.objects.filter(event=event).exists()


def test_a_message_in_dutch_only_reaches_everyone_in_dutch(
    client, communication_manager, event, registrants
):
    client.force_login(communication_manager)
    response = client.post(
        _url(event, "message/"), {"subject_nl": "Parkeren", "body_nl": "Parkeer achter het gebouw."}
    )
    assert response.status_code == 302
    clara = OutgoingMail.objects.get(to="clara@example.org", key__contains=":message:")
    assert clara.subject.startswith("Parkeren")
    assert "Parkeer achter het gebouw." in clara.body_text
    # The frame of the mail is still in Clara's language.
    assert "Eine Nachricht der Veranstalter" in clara.body_text
