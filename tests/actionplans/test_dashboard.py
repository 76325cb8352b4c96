"""The coordinators' dashboard, its exports and the public results, against figures
worked out by hand from the demo's reports (portal/demo/reports.py).

Period 2 of S3Chem has three reports handed in: Lombardy's and Asturias's (accepted) and
Mazovia's (submitted). Their six actions: Lombardy desk on track, panel in progress;
Asturias desk delayed, panel on track; Mazovia desk on track, panel cancelled — 3 of 6 on
track or completed. Indicators (desk: companies advised of 60, panel: meetings of 4):
27/60, 1/4, 9/60, 2/4, 30/60, 0/4 — a mean of 1.85 / 6 = 31 %. No instrument improved
(0 of 3). Budget: 45,000 + 16,000 + 52,000 = 113,000 spent of 3 times 120,000 = 31 %.
"""

import csv
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actionplans.monitoring.dashboard import build
from portal.accounts.models import User
from projects.models import Project

pytestmark = pytest.mark.django_db


@pytest.fixture
def s3chem(demo):
    return Project.objects.get(slug="s3chem")


@pytest.fixture
def coordinator_client(client, demo):
    client.force_login(User.objects.get(email="coordinator@example.org"))
    return client


def test_the_figures_of_a_period_match_the_hand_count(s3chem):
    board = build(s3chem, period_number=2)
    total = board.total
    assert (total.reports, total.actions, total.going_well) == (3, 6, 3)
    assert round(total.indicator_share, 4) == round(1.85 / 6, 4)
    assert (total.instruments, total.improved) == (3, 0)
    assert (total.spent, total.estimated) == (Decimal(113000), Decimal(360000))
    lombardy = next(r for r in board.rows if r.partnership.region.slug == "lombardy")
    assert lombardy.figures.going_well_share == 0.5
    assert lombardy.figures.indicator_share == pytest.approx((27 / 60 + 1 / 4) / 2)
    assert lombardy.figures.budget_share == 45000 / 120000


def test_the_default_period_is_the_latest_with_a_report_handed_in(s3chem):
    board = build(s3chem)
    assert board.period.number == 4
    assert board.total.reports == 1  # Lombardy's, submitted
    assert [p.number for p, figures in board.by_period] == [1, 2, 3, 4]
    # Period 3: Lombardy accepted, Asturias sent back; Mazovia's is still a draft.
    assert dict((p.number, f.reports) for p, f in board.by_period) == {1: 3, 2: 3, 3: 2, 4: 1}


def test_the_matrix_marks_what_is_overdue(s3chem, coordinator_client):
    board = build(s3chem)
    overdue = {
        (row.partnership.region.slug, cell.period.number)
        for row in board.rows
        for cell in row.cells
        if cell.overdue
    }
    assert overdue == {("asturias", 4), ("mazovia", 3), ("mazovia", 4)}
    html = coordinator_client.get(reverse("actionplans:dashboard")).content.decode()
    assert "3 reports are overdue." in html
    assert html.count('class="overdue"') == 3
    assert "Demonstration content" in html


def test_filtering_to_delayed_actions_lists_them_with_their_history(s3chem, coordinator_client):
    response = coordinator_client.get(
        reverse("actionplans:dashboard"), {"project": "s3chem", "period": "3", "status": "delayed"}
    )
    html = response.content.decode()
    assert "Actions “Delayed” in Period 3" in html
    board = build(s3chem, period_number=3, status="delayed")
    assert [(a["region"], a["title"]) for a in board.actions] == [
        ("Principality of Asturias", "Innovation funding desk for chemistry companies")
    ]
    history = reverse(
        "actionplans:action-progress",
        args=[board.actions[0]["report__plan_id"], board.actions[0]["action_id"]],
    )
    assert history in html
    page = coordinator_client.get(history).content.decode()
    assert page.count("Delayed") == 2 and "In progress" in page  # periods 1 to 3


@pytest.mark.parametrize(
    "query", [{"project": "atlantis"}, {"period": "x"}, {"period": "99"}, {"status": "lost"}]
)
def test_a_filter_value_it_does_not_know_is_named_not_a_500(coordinator_client, query):
    response = coordinator_client.get(
        reverse("actionplans:dashboard"), {"project": "s3chem", **query}
    )
    assert response.status_code in (200, 404)
    if response.status_code == 200 and query != {"period": "99"}:
        assert "field-error" in response.content.decode()


def _same(value) -> str:
    """A cell as text, numbers as numbers: "20000.00" in the CSV is 20000 in the sheet."""
    if value in (None, ""):
        return ""
    try:
        return f"{Decimal(str(value)).normalize():f}"
    except ArithmeticError:
        return str(value)


def test_the_exports_open_and_hold_the_dashboards_figures(s3chem, coordinator_client):
    url = reverse("actionplans:monitoring-export", args=["csv"]) + "?project=s3chem"
    rows = list(csv.reader(io.StringIO(coordinator_client.get(url).content.decode())))
    header, body = rows[0], rows[1:]
    assert header[:3] == ["Region", "Partner", "Period"]
    assert len(body) == 10 * 2  # ten reports of two actions
    period_2 = [r for r in body if r[2] == "2" and r[5] in ("Submitted", "Accepted")]
    spent = sum(Decimal(r[8] or 0) for r in period_2)
    assert spent == Decimal(113000)
    going_well = [r for r in period_2 if r[7] in ("On track", "Completed")]
    assert len(going_well) == 3

    url = reverse("actionplans:monitoring-export", args=["xlsx"]) + "?project=s3chem"
    book = load_workbook(io.BytesIO(coordinator_client.get(url).content))
    sheet = book["Actions"]
    xlsx_rows = [[_same(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    assert xlsx_rows[0] == header
    assert [r[6:] for r in xlsx_rows[1:]] == [[_same(v) for v in r[6:]] for r in body]
    summary = {
        (r[0], r[1]): r for r in book["By region and period"].iter_rows(min_row=2, values_only=True)
    }
    lombardy = summary[("Lombardy", 2)]
    assert lombardy[3:6] == (2, 1, 35)  # actions, on track or completed, indicator progress %


def test_only_the_coordinator_exports(client, demo):
    client.force_login(User.objects.get(email="partner.lombardy@example.org"))
    url = reverse("actionplans:monitoring-export", args=["csv"]) + "?project=s3chem"
    assert client.get(url).status_code == 404


def test_the_public_sees_accepted_results_only(client, s3chem):
    from actionplans.models import ActionPlan

    lombardy = ActionPlan.objects.get(partnership__region__slug="lombardy")
    html = client.get(reverse("actionplans:public-detail", args=[lombardy.slug])).content.decode()
    assert "How the plan is going" in html
    assert "From the progress report for Period 3" in html  # period 4's is only submitted
    assert "Improved: Regional Innovation Strategy of Lombardy" in html
    project = client.get(reverse("projects:detail", args=["s3chem"])).content.decode()
    assert "Phase 2: results so far" in project
    assert "4 of 6 actions on track or completed, 1 of 3 policy instruments improved" in project
    catalonia = ActionPlan.objects.get(partnership__region__slug="catalonia")
    assert (
        client.get(reverse("actionplans:public-detail", args=[catalonia.slug])).status_code == 404
    )
