"""Composing, previewing, testing and scheduling an issue: who may, and bad input."""

from datetime import timedelta

import pytest
from django.utils import timezone

from news.models import Issue, IssueItem
from news.services import sending
from portal.core.models import OutgoingMail
from tests import factories

pytestmark = pytest.mark.django_db

MANAGE = "/en/newsletter/manage/"


def _form(project=None, items=(), **fields) -> dict:
    data = {
        "project": project.pk if project else "",
        "title_en": "Spring news",
        "title_nl": "",
        "title_de": "",
        "intro_en": "What happened.",
        "items-TOTAL_FORMS": str(max(3, len(items))),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "50",
        **fields,
    }
    for n, item in enumerate(items):
        for key, value in item.items():
            data[f"items-{n}-{key}"] = value
    return data


@pytest.fixture
def staff(db):
    return factories.UserFactory(is_staff=True)


def test_a_communication_manager_composes_an_issue_of_their_project(
    client, project, communication_manager
):
    article = factories.ArticleFactory()
    event = factories.EventFactory()
    client.force_login(communication_manager)
    assert client.get(MANAGE).status_code == 200
    assert client.get(MANAGE + "new/").status_code == 200
    response = client.post(
        MANAGE + "new/",
        _form(
            project,
            items=[
                {"article": article.pk, "position": "2"},
                {"event": event.pk, "position": "1"},
                {"position": "3"},  # nothing picked: ignored
            ],
            title_nl="Lentenieuws",
        ),
    )
    assert response.status_code == 302, response.content
    issue = Issue.objects.get()
    assert (issue.project, issue.created_by, issue.state) == (
        project,
        communication_manager,
        Issue.State.DRAFT,
    )
    assert (issue.title_en, issue.title_nl, issue.title_de) == ("Spring news", "Lentenieuws", "")
    assert [(i.event, i.article) for i in issue.items.order_by("position")] == [
        (event, None),
        (None, article),
    ]
    # Changed later: an item removed, the subject changed.
    page = client.get(f"{MANAGE}{issue.pk}/edit/")
    assert page.status_code == 200
    edit = _form(
        project,
        items=[
            {"event": event.pk, "position": "1", "DELETE": "on"},
            {"article": article.pk, "position": "2"},
        ],
        title_en="Summer news",
    )
    edit["items-INITIAL_FORMS"] = "2"
    assert client.post(f"{MANAGE}{issue.pk}/edit/", edit).status_code == 302
    issue.refresh_from_db()
    assert issue.title_en == "Summer news"
    assert [i.article for i in issue.items.all()] == [article]


def test_who_may_see_and_manage_an_issue(
    client, project, communication_manager, coordinator, outsider, staff
):
    issue = factories.IssueFactory(project=project)
    network = factories.IssueFactory(project=None)
    other_manager = factories.grant(factories.PartnershipFactory(), "communication_manager")
    detail = f"{MANAGE}{issue.pk}/"
    assert client.get(detail).status_code == 302  # to the login
    # A coordinator is not a communication manager; nobody learns of other projects' issues.
    for user in (coordinator, outsider, other_manager):
        client.force_login(user)
        for url in (detail, f"{detail}edit/", f"{detail}preview/", f"{detail}progress/"):
            assert client.get(url).status_code == 404, (user, url)
        assert client.post(f"{detail}start/").status_code == 404
    issue.refresh_from_db()
    assert issue.state == Issue.State.DRAFT
    client.force_login(coordinator)
    assert client.get(MANAGE).status_code == 403
    client.force_login(communication_manager)
    assert client.get(detail).status_code == 200
    assert client.get(f"{MANAGE}{network.pk}/").status_code == 404
    assert client.post(f"{detail}start/").status_code == 302
    issue.refresh_from_db()
    assert issue.state == Issue.State.SENDING
    client.force_login(staff)
    assert client.get(detail).status_code == 200
    assert client.get(f"{MANAGE}{network.pk}/").status_code == 200


def test_a_manager_cannot_compose_for_another_project_or_the_whole_network(
    client, project, communication_manager
):
    other = factories.ProjectFactory()
    client.force_login(communication_manager)
    for target in (other, None):
        response = client.post(MANAGE + "new/", _form(target))
        assert response.status_code == 400
        assert "project" in response.context["form"].errors
    assert not Issue.objects.exists()


def test_staff_compose_for_the_whole_network(client, staff):
    client.force_login(staff)
    assert client.post(MANAGE + "new/", _form(None)).status_code == 302
    assert Issue.objects.get().project is None


@pytest.mark.parametrize(
    ("fields", "items", "message"),
    [
        ({"title_en": ""}, [], "Give the issue a subject in at least one language."),
        ({"title_de": "x" * 201}, [], "Ensure this value has at most 200 characters"),
        ({}, [{"article": "999999", "position": "1"}], "Select a valid choice."),
        ({}, [{"article": "abc", "position": "1"}], "Select a valid choice."),
        ({}, [{"article": "{a}", "event": "{e}", "position": "1"}], "not both"),
        (
            {},
            [{"article": "{a}", "position": "1"}, {"article": "{a}", "position": "2"}],
            "picked twice",
        ),
        ({}, [{"article": "{a}", "position": "-1"}], "greater than or equal to 1"),
        ({}, [{"article": "{a}", "position": "one"}], "Enter a whole number."),
        ({"themes": ["x"]}, [], "“x” is not a valid value."),
    ],
)
def test_bad_input_in_the_composer_is_refused_with_the_reason(
    client, project, communication_manager, fields, items, message
):
    article, event = factories.ArticleFactory(), factories.EventFactory()
    items = [{k: v.format(a=article.pk, e=event.pk) for k, v in item.items()} for item in items]
    client.force_login(communication_manager)
    response = client.post(MANAGE + "new/", _form(project, items=items, **fields))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Issue.objects.exists()


def test_a_broken_formset_is_a_400_not_a_500(client, project, communication_manager):
    client.force_login(communication_manager)
    data = _form(project)
    del data["items-TOTAL_FORMS"]
    response = client.post(MANAGE + "new/", data)
    assert response.status_code == 400
    assert "ManagementForm data is missing or has been tampered with" in response.content.decode()


def test_an_issue_being_sent_can_no_longer_change(client, project, communication_manager):
    factories.SubscriberFactory()
    issue = factories.IssueFactory(project=project)
    sending.issue_start(issue=issue)
    client.force_login(communication_manager)
    response = client.get(f"{MANAGE}{issue.pk}/edit/")
    assert response.status_code == 302
    response = client.post(f"{MANAGE}{issue.pk}/edit/", _form(project, title_en="Changed"))
    assert response.status_code == 302
    issue.refresh_from_db()
    assert issue.title_en != "Changed"
    again = client.post(f"{MANAGE}{issue.pk}/start/", follow=True)
    assert "already being sent or was sent" in again.content.decode()


def test_the_preview_shows_each_language_with_the_fallback(client, project, communication_manager):
    article = factories.ArticleFactory(title_en="Chemistry regions meet", title_de="Chemieregionen")
    issue = factories.IssueFactory(
        project=project, title_en="Spring", title_nl="Lente", title_de="", items=[article]
    )
    client.force_login(communication_manager)
    for language, subject, item in [
        ("nl", "Lente", "Chemistry regions meet"),
        ("de", "Spring", "Chemieregionen"),
        ("en", "Spring", "Chemistry regions meet"),
    ]:
        page = client.get(f"{MANAGE}{issue.pk}/preview/", {"language": language})
        assert page.status_code == 200
        assert page.context["subject"] == subject
        assert item in page.context["text"]
        html = client.get(f"{MANAGE}{issue.pk}/preview/{language}.html")
        assert html.status_code == 200
        # The preview page frames it: the portal's own pages may, no other site.
        assert html["X-Frame-Options"] == "SAMEORIGIN"
        assert "frame-ancestors 'self'" in html["Content-Security-Policy"]
        assert item in html.content.decode()
    bad = client.get(f"{MANAGE}{issue.pk}/preview/", {"language": "fr"})
    assert bad.status_code == 400
    assert client.get(f"{MANAGE}{issue.pk}/preview/fr.html").status_code == 404


def test_a_test_send_goes_to_the_manager_in_the_chosen_language(
    client, project, communication_manager
):
    issue = factories.IssueFactory(project=project, title_en="Spring", title_de="Frühling")
    client.force_login(communication_manager)
    response = client.post(f"{MANAGE}{issue.pk}/test/", {"language": "de"}, follow=True)
    assert "A test is on its way" in response.content.decode()
    (mail,) = OutgoingMail.objects.all()
    assert mail.to == communication_manager.email
    assert mail.subject == "[Test] Frühling"
    assert mail.headers["List-Unsubscribe"] == (
        "<http://localhost:8000/de/newsletter/unsubscribe/test/>"
    )
    assert mail.headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    bad = client.post(f"{MANAGE}{issue.pk}/test/", {"language": "xx"}, follow=True)
    assert "Choose the language of the test" in bad.content.decode()
    assert OutgoingMail.objects.count() == 1
    issue.refresh_from_db()
    assert issue.state == Issue.State.DRAFT


def test_scheduling_and_its_bad_input(client, project, communication_manager):
    issue = factories.IssueFactory(project=project)
    empty = factories.IssueFactory(project=project, items=[])
    client.force_login(communication_manager)
    url = f"{MANAGE}{issue.pk}/schedule/"
    for value, message in [
        ("", "This field is required."),
        ("tomorrow", "Enter a valid date/time."),
        ("2026-02-30T10:00", "Enter a valid date/time."),
        ("2001-01-01T10:00", "Choose a time in the future."),
    ]:
        response = client.post(url, {"at": value}, follow=True)
        assert message in response.content.decode(), value
    issue.refresh_from_db()
    assert issue.state == Issue.State.DRAFT
    at = (timezone.localtime() + timedelta(days=1)).replace(second=0, microsecond=0)
    client.post(url, {"at": at.strftime("%Y-%m-%dT%H:%M")})
    issue.refresh_from_db()
    assert (issue.state, issue.scheduled_for) == (Issue.State.SCHEDULED, at)
    incomplete = client.post(
        f"{MANAGE}{empty.pk}/schedule/", {"at": at.strftime("%Y-%m-%dT%H:%M")}, follow=True
    )
    assert "Pick at least one news item or event" in incomplete.content.decode()
    client.post(f"{MANAGE}{issue.pk}/unschedule/")
    issue.refresh_from_db()
    assert (issue.state, issue.scheduled_for) == (Issue.State.DRAFT, None)


def test_pausing_what_is_not_sending_is_explained(client, project, communication_manager):
    issue = factories.IssueFactory(project=project)
    client.force_login(communication_manager)
    for step, message in [
        ("pause", "Only an issue being sent can be paused."),
        ("resume", "Only a paused issue can be resumed."),
    ]:
        response = client.post(f"{MANAGE}{issue.pk}/{step}/", follow=True)
        assert message in response.content.decode()
    assert client.get(f"{MANAGE}{issue.pk}/pause/").status_code == 405


def test_the_audience_follows_the_topics(project):
    theme, cooperation = factories.ThemeFactory(), factories.CooperationFactory()
    everything = factories.SubscriberFactory()
    of_project = factories.SubscriberFactory()
    of_project.projects.add(project)
    of_theme = factories.SubscriberFactory()
    of_theme.themes.add(theme)
    of_other = factories.SubscriberFactory()
    of_other.projects.add(factories.ProjectFactory())
    of_other.cooperations.add(cooperation)

    from news.selectors import audience

    issue = factories.IssueFactory(project=project)
    assert set(audience(issue)) == {everything, of_project}
    issue.themes.add(theme)
    assert set(audience(issue)) == {everything, of_project, of_theme}
    network = factories.IssueFactory(project=None)
    assert set(audience(network)) == {everything, of_project, of_theme, of_other}
    network.cooperations.add(cooperation)
    assert set(audience(network)) == {everything, of_other}


def test_an_empty_issue_cannot_start(client, project, communication_manager):
    issue = factories.IssueFactory(project=project, items=[])
    client.force_login(communication_manager)
    response = client.post(f"{MANAGE}{issue.pk}/start/", follow=True)
    assert "Pick at least one news item or event" in response.content.decode()
    issue.refresh_from_db()
    assert issue.state == Issue.State.DRAFT
    assert not IssueItem.objects.exists()
