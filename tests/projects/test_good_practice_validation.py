"""The programme's two-step validation: partners propose, the coordinator decides."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from projects import services
from projects.models import GoodPractice
from tests.factories import GoodPracticeFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db

TEXT = {"title": "Open lab vouchers", "summary": "Vouchers for SMEs to use labs."}


def _propose(client, partnership, **extra):
    data = {
        "partnership": partnership.pk,
        "title": TEXT["title"],
        "summary": TEXT["summary"],
        "approach": "funding",
        **extra,
    }
    return client.post("/en/good-practices/propose/", data)


def test_a_partner_proposes_and_the_coordinator_validates(
    client, partner_member, partnership, coordinator
):
    client.force_login(partner_member)
    theme = ThemeFactory()
    response = _propose(client, partnership, themes=[theme.pk], problem="SMEs lack access.")
    assert response.status_code == 302
    practice = GoodPractice.objects.get(title_en="Open lab vouchers")
    assert practice.status == "proposed"
    assert (practice.region, practice.organisation) == (
        partnership.region,
        partnership.organisation,
    )
    assert client.get("/en/good-practices/propose/").content.decode().count("Proposed") >= 1
    client.logout()
    assert client.get(f"/en/good-practices/{practice.slug}/").status_code == 404

    client.force_login(coordinator)
    review = client.get("/en/good-practices/review/").content.decode()
    assert "Open lab vouchers" in review
    client.post(f"/en/good-practices/{practice.slug}/review/", {"decision": "validate"})
    practice.refresh_from_db()
    assert practice.status == "validated" and practice.reviewed_by == coordinator
    client.logout()
    public = client.get(f"/en/good-practices/{practice.slug}/").content.decode()
    assert "SMEs lack access." in public


def test_declining_needs_a_reason_which_the_partner_then_sees(
    client, partner_member, partnership, coordinator
):
    client.force_login(partner_member)
    _propose(client, partnership)
    practice = GoodPractice.objects.get(title_en=TEXT["title"])
    client.force_login(coordinator)
    url = f"/en/good-practices/{practice.slug}/review/"
    client.post(url, {"decision": "decline", "reason": "  "})
    practice.refresh_from_db()
    assert practice.status == "proposed"
    client.post(url, {"decision": "decline", "reason": "Not yet evaluated."})
    practice.refresh_from_db()
    assert practice.status == "declined"
    client.force_login(partner_member)
    assert "Not yet evaluated." in client.get("/en/good-practices/propose/").content.decode()


def test_a_form_with_errors_keeps_what_was_typed(client, partner_member, partnership):
    client.force_login(partner_member)
    response = _propose(client, partnership, summary="", problem="Kept text")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This field is required." in html
    assert "Kept text" in html and "Open lab vouchers" in html
    assert not GoodPractice.objects.exists()


def test_a_partner_cannot_file_for_another_partnership(partner_member, lead):
    with pytest.raises(PermissionDenied):
        services.practice_propose(
            user=partner_member, partnership=lead, text=TEXT, approach="funding"
        )


def test_the_form_offers_only_the_partnerships_one_files_for(
    client, partner_member, partnership, lead
):
    client.force_login(partner_member)
    form = client.get("/en/good-practices/propose/").content.decode()
    assert f'<option value="{partnership.pk}">' in form
    assert f'<option value="{lead.pk}">' not in form
    response = _propose(client, lead)
    assert "Select a valid choice" in response.content.decode()
    assert not GoodPractice.objects.exists()


def test_only_the_projects_coordinator_reviews_and_others_see_nothing(
    client, partner_member, outsider, project
):
    practice = GoodPracticeFactory(project=project, status="proposed")
    for user in (partner_member, outsider):
        client.force_login(user)
        response = client.post(
            f"/en/good-practices/{practice.slug}/review/", {"decision": "validate"}
        )
        assert response.status_code == 404
    practice.refresh_from_db()
    assert practice.status == "proposed"
    with pytest.raises(PermissionDenied):
        services.practice_validate(user=outsider, practice=practice)


def test_a_practice_is_reviewed_once(coordinator, project):
    practice = GoodPracticeFactory(project=project, status="proposed")
    services.practice_validate(user=coordinator, practice=practice)
    with pytest.raises(ValidationError, match="already validated"):
        services.practice_decline(user=coordinator, practice=practice, reason="Changed my mind")


def test_a_visitor_learns_who_may_propose_and_how_to_get_an_account(client, db):
    response = client.get("/en/good-practices/propose/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Who may propose" in page
    assert "How to get an account" in page
    assert 'href="/en/login/?next=/en/good-practices/propose/"' in page
    assert 'href="/en/contact/"' in page


def test_proposing_requires_login(client, db):
    response = client.post("/en/good-practices/propose/", {"title": "Sneaky"})
    assert "Log in to propose a practice" in response.content.decode()
    assert not GoodPractice.objects.exists()


def test_field_errors_are_tied_to_their_inputs(client, partner_member, partnership):
    client.force_login(partner_member)
    html = _propose(client, partnership, summary="").content.decode()
    assert 'aria-invalid="true" aria-describedby="id_summary_error"' in html
    assert '<div class="field-error" id="id_summary_error"><p>This field is required.</p>' in html
    assert "<legend>Themes</legend>" in html


def test_a_superuser_reviews_as_the_rules_allow(client, project, partnership):
    practice = GoodPracticeFactory(
        project=project, organisation=partnership.organisation, status="proposed"
    )
    admin = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(admin)
    review = client.get("/en/good-practices/review/").content.decode()
    assert practice.title in review
    assert "Only project coordinators validate good practices." not in review
    client.post(f"/en/good-practices/{practice.slug}/review/", {"decision": "validate"})
    practice.refresh_from_db()
    assert (practice.status, practice.reviewed_by) == ("validated", admin)


def test_a_coordinator_sees_only_the_proposals_of_the_projects_they_coordinate(
    client, coordinator, project
):
    mine = GoodPracticeFactory(project=project, status="proposed", title="Mine to review")
    GoodPracticeFactory(status="proposed", title="Another project's")
    client.force_login(coordinator)
    review = client.get("/en/good-practices/review/").content.decode()
    assert mine.title in review and "Another project's" not in review


FULL_TEXT = {
    "problem": "SMEs lack access to pilot plants.",
    "description": "The region pays half of a first lab day.",
    "resources": "Two staff and a voucher budget.",
    "evidence": "Forty SMEs used a lab in the first year.",
    "transferability": "Works wherever labs have spare capacity.",
    "lessons": "Keep the application to one page.",
}


def test_the_coordinator_reads_the_whole_proposal_before_it_goes_public(
    client, partner_member, partnership, coordinator
):
    theme = ThemeFactory(name="Bioeconomy")
    client.force_login(partner_member)
    _propose(client, partnership, themes=[theme.pk], **FULL_TEXT)
    client.force_login(coordinator)
    review = client.get("/en/good-practices/review/").content.decode()
    for text in FULL_TEXT.values():
        assert text in review
    assert "Bioeconomy" in review and "Funding instrument" in review


def test_the_review_page_reads_the_same_queries_for_many_proposals(client, coordinator, project):
    client.force_login(coordinator)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/good-practices/review/").status_code == 200
        return len(captured)

    def propose(count):
        for _ in range(count):
            practice = GoodPracticeFactory(project=project, status="proposed", problem="Why")
            practice.themes.set([ThemeFactory()])

    propose(2)
    few = queries()
    propose(8)
    assert queries() == few
