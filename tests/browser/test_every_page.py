"""Every kind of page, on a phone and a desktop, in Dutch, English and German: the page
never scrolls sideways, no target in the main content is smaller than 24 by 24 px (WCAG
2.2, 2.5.8, with its exceptions for links in running text and for spaced-out targets),
and axe finds nothing serious or critical.

Adding a page is one line in PAGES. By default every page is visited at both widths in
English, and the pages in ALL_LANGUAGES in Dutch and German too. axe runs at the desktop
width, where every part of a page is shown (a phone folds the filters away); at the phone
width it runs on the rows visited in every language, whose header and folded filters look
as on every other page. A page that fails leaves a screenshot in test-artifacts/pages/.

`make sweep` (SWEEP=full) visits every page in every language, runs axe at both widths
and keeps a screenshot of each for a person to look at.
"""

import os
import shutil
from dataclasses import dataclass

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.test import Client, override_settings
from django.test.testcases import LiveServerThread

from tests import databases, factories
from tests.browser.conftest import ARTIFACTS, axe_violations

# The database mark makes pytest-django set the test databases up (the demo copy hangs
# off them); each test itself only drives the browser.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = (375, 1280)
# WCAG 2.2 at levels A and AA, and the earlier versions' rules it keeps.
AXE_TAGS = ("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa")
LANGUAGES = ("en", "nl", "de")
FULL = os.environ.get("SWEEP") == "full"


@dataclass(frozen=True)
class Row:
    name: str
    path: str  # after /<lang>; {placeholders} are filled from the demo by ids()
    user: str = ""  # the demo account it is seen as (before "@example.org"); "" anonymous
    all_languages: bool = False  # visited in every language by default too
    status: int = 200  # what the page answers with
    # axe rules left out on this page, each for a reason the row's comment gives.
    axe_known: tuple[str, ...] = ()


PAGES = [
    Row("home", "/", all_languages=True),
    Row("projects", "/projects/"),
    Row("project", "/projects/s3chem/"),
    Row("regions", "/regions/"),
    Row("region", "/regions/saxony-anhalt/", all_languages=True),
    Row("organisations", "/organisations/"),
    Row("organisation", "/organisations/accio/"),
    Row("cooperations", "/cooperations/"),
    Row("cooperation", "/cooperations/flanders-netherlands/"),
    Row("infrastructures", "/infrastructure/"),
    Row("infrastructure", "/infrastructure/imec-laboratories-heverlee/"),
    Row("practices", "/good-practices/"),
    Row("practice", "/good-practices/lombardy-research-and-innovation-law/"),
    Row("practice-howto", "/good-practices/propose/"),
    Row("events", "/events/", all_languages=True),
    Row("events-past", "/events/?when=past"),
    Row("event", "/events/s3chem-closing-conference-halle-2019/", all_languages=True),
    Row("event-programme", "/events/grow-your-regio-2015/"),
    Row("session", "/events/grow-your-regio-2015/sessions/{session}/"),
    Row("event-upcoming", "/events/{upcoming}/"),
    Row("register", "/events/{upcoming}/register/", all_languages=True),
    Row("news", "/news/"),
    Row("article", "/news/s3chem-partners-meet-in-brussels/"),
    Row("plan-public", "/action-plans/{approved_plan_slug}/"),
    # Leaflet's markers are smaller than 24 px on a phone; WCAG 2.5.8 exempts a target whose
    # function another control of the right size offers: the organisations directory, linked
    # above the map, lists the same organisations.
    Row("map", "/map/", axe_known=("target-size",)),
    Row("search", "/search/?q=chemistry"),
    Row("use-our-data", "/data/"),
    Row("newsletter", "/newsletter/"),
    Row("newsletter-archive", "/newsletter/archive/"),
    Row("newsletter-preferences", "/newsletter/preferences/{token}/", all_languages=True),
    Row("newsletter-unsubscribe", "/newsletter/unsubscribe/{token}/"),
    Row("newsletter-erase", "/newsletter/preferences/{token}/erase/"),
    Row("newsletter-confirm-broken", "/newsletter/confirm/broken/", status=400),
    Row("contact", "/contact/"),
    Row("legal-notice", "/legal-notice/"),
    Row("privacy", "/privacy/", all_languages=True),
    Row("accessibility", "/accessibility/"),
    Row("login", "/login/"),
    Row("password-reset", "/account/password-reset/"),
    Row("not-found", "/no-such-page/", status=404),
    # The workspace
    Row("workspace", "/workspace/", "coordinator", all_languages=True),
    Row("workspace-partner", "/workspace/", "partner.limburg"),
    Row("plan", "/workspace/plans/{plan}/", "partner.limburg", all_languages=True),
    Row("plan-edit", "/workspace/plans/{plan}/edit/general/", "partner.limburg"),
    Row("plan-actions", "/workspace/plans/{plan}/actions/", "partner.limburg"),
    Row("plan-action", "/workspace/plans/{plan}/actions/{action}/", "partner.limburg"),
    Row("plan-history", "/workspace/plans/{plan}/history/", "partner.limburg"),
    Row("plan-reports", "/workspace/plans/{approved_plan}/reports/", "coordinator"),
    Row("report", "/workspace/reports/{report}/", "coordinator"),
    Row("report-edit", "/workspace/reports/{draft_report}/edit/", "partner.mazovia"),
    Row("dashboard", "/workspace/monitoring/?project=s3chem", "coordinator"),
    Row("schedule", "/workspace/monitoring/s3chem/schedule/", "coordinator"),
    Row(
        "action-progress",
        "/workspace/plans/{approved_plan}/actions/{action2}/progress/",
        "coordinator",
    ),
    Row("practice-propose", "/good-practices/propose/", "partner.limburg"),
    Row("practice-review", "/good-practices/review/", "coordinator"),
    Row("organise", "/events/organise/", "communication"),
    Row("participants", "/events/{upcoming}/participants/", "communication", all_languages=True),
    Row("participants-message", "/events/{upcoming}/participants/message/", "communication"),
    Row("check-in", "/events/{upcoming}/check-in/", "communication"),
    Row("registration-settings", "/events/{upcoming}/registration-settings/", "communication"),
    Row("issues", "/newsletter/manage/", "communication", all_languages=True),
    Row("issue-new", "/newsletter/manage/new/", "communication"),
    Row("issue-edit", "/newsletter/manage/{issue}/edit/", "communication"),
    Row("issue", "/newsletter/manage/{issue}/", "communication"),
    Row("issue-preview", "/newsletter/manage/{issue}/preview/?language=de", "communication"),
    Row("account", "/account/", "partner.limburg"),
    Row("api-token", "/account/api-token/", "partner.limburg"),
    Row("two-factor", "/account/two-factor/", "partner.limburg"),
]


def _visits():
    return [
        pytest.param(row, language, id=f"{row.name}-{language}")
        for row in PAGES
        for language in (LANGUAGES if FULL or row.all_languages else ("en",))
    ]


def ids() -> dict:
    """The demo's numbers the paths need, looked up: they depend on the order of loading."""
    from actionplans.models import ActionPlan, ProgressReport
    from events.models import Session

    plan = ActionPlan.objects.get(partnership__region__slug="limburg-nl")
    approved = ActionPlan.objects.get(partnership__region__slug="lombardy")
    reports = ProgressReport.objects.filter(plan=approved).order_by("pk")
    return {
        "plan": plan.pk,
        "action": plan.actions.order_by("pk").first().pk,
        "approved_plan": approved.pk,
        "approved_plan_slug": approved.slug,
        "action2": approved.actions.order_by("pk").first().pk,
        "upcoming": "demo-chemistry-regions-innovation-days",
        "report": reports.filter(state="accepted").first().pk,
        "draft_report": ProgressReport.objects.get(
            plan__partnership__region__slug="mazovia", state="draft"
        ).pk,
        "session": Session.objects.filter(event__slug="grow-your-regio-2015").first().pk,
    }


def _newsletter_numbers() -> dict:
    """A subscriber and a draft issue, which the demo has none of: the newsletter's pages."""
    from news.tokens import personal_token
    from projects.models import Project
    from regions.models import Theme

    subscriber = factories.SubscriberFactory(language="de")
    subscriber.themes.add(*Theme.objects.order_by("pk")[:2])
    issue = factories.IssueFactory(project=Project.objects.get(slug="s3chem"))
    return {"token": personal_token(subscriber), "issue": issue.pk}


# What counts as a target, and the WCAG 2.5.8 check with its two exceptions that a page
# can show: a link in running text (inline, with words of its own block around it) and an
# undersized target whose 24 px circle touches no other target or circle.
TARGETS_JS = """
(root) => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, ' +
    '[role=button], [role=link], [tabindex]:not([tabindex="-1"])';
  const all = [...root.querySelectorAll(selector)].filter(el => {
    if (el.closest('.table-scroll, .code-scroll') === el) return false;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 1 && r.height > 1 && s.visibility !== 'hidden';
  });
  // A target inside another (an image in a link) is part of it.
  const targets = all.filter(el => !all.some(o => o !== el && o.contains(el)));
  const box = el => el.getBoundingClientRect();
  const small = el => { const r = box(el); return r.width < 23.5 || r.height < 23.5; };
  const inText = el => {
    if (getComputedStyle(el).display !== 'inline') return false;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display === 'inline') block = block.parentElement;
    let text = block.textContent;
    block.querySelectorAll(selector).forEach(t => { text = text.replace(t.textContent, ''); });
    return /[\\p{L}\\p{N}]{2,}/u.test(text);
  };
  const centre = el => { const r = box(el); return [r.x + r.width / 2, r.y + r.height / 2]; };
  const spaced = el => {
    const [x, y] = centre(el);
    return targets.every(o => {
      if (o === el) return true;
      if (small(o)) { const [ox, oy] = centre(o); return Math.hypot(x - ox, y - oy) >= 24; }
      const r = box(o);
      const dx = Math.max(r.left - x, 0, x - r.right), dy = Math.max(r.top - y, 0, y - r.bottom);
      return Math.hypot(dx, dy) >= 12;
    });
  };
  const name = el => (el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + ' "' +
    (el.textContent || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 40) + '"');
  const failures = [];
  for (const el of targets) {
    const r = box(el);
    const choice = el.matches('input[type=checkbox], input[type=radio]');
    if (!small(el)) continue;
    if (!choice && (inText(el) || spaced(el))) continue;
    failures.push(`${name(el)} ${Math.round(r.width)}×${Math.round(r.height)}`);
  }
  return failures;
}
"""


# The elements that reach past the screen's right edge, for the message.
WIDE_JS = """
() => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
  .filter(el => !el.parentElement.closest('.table-scroll, .code-scroll'))
  .slice(0, 5)
  .map(el => `${el.tagName.toLowerCase()}.${el.className} ` +
    `(${Math.round(el.getBoundingClientRect().right)} px)`)
"""


@dataclass
class Site:
    url: str
    numbers: dict
    sessions: dict


@pytest.fixture(scope="module")
def sweep_site(_demo_database, django_db_blocker, tmp_path_factory):
    """One live server over one copy of the demo for the whole module.

    The pages only read, so the copy is made once, not once a test as the live_server
    fixture would (a copy and an emptying of the database each time, several seconds); the
    sessions of the demo accounts, a subscriber and a draft issue are written into it
    before the server starts.
    """
    demo_name, media = _demo_database
    name = f"{demo_name}_sweep"
    media_copy = tmp_path_factory.mktemp("sweep-media")
    shutil.copytree(media, media_copy, dirs_exist_ok=True)
    overrides = override_settings(
        MEDIA_ROOT=media_copy,
        MAP_TILE_URL="",
        STORAGES={
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    # Unblocked for the whole module: the server's thread reads the database while the
    # tests, which ask for no database themselves, drive the browser.
    with django_db_blocker.unblock():
        databases.clone(name, template=demo_name)
        with databases.using(name), overrides:
            numbers = {**ids(), **_newsletter_numbers()}
            sessions = {}
            for user in {row.user for row in PAGES if row.user}:
                client = Client()
                client.force_login(get_user_model().objects.get(email=f"{user}@example.org"))
                sessions[user] = client.cookies["sessionid"].value
            server = LiveServerThread("localhost", StaticFilesHandler, port=0)
            server.daemon = True
            server.start()
            server.is_ready.wait()
            if server.error:
                raise server.error
            try:
                yield Site(f"http://localhost:{server.port}", numbers, sessions)
            finally:
                server.terminate()
        databases.drop(name)


@pytest.fixture(scope="module")
def pages(browser, sweep_site):
    """One page per demo account (and one anonymous) for the whole sweep: the pages only
    read, and a browser's cache keeps the style sheets and scripts between them."""
    opened = {}

    def page_of(user: str):
        if user not in opened:
            context = browser.new_context(viewport={"width": WIDTHS[0], "height": 800})
            if user:
                session = sweep_site.sessions[user]
                context.add_cookies(
                    [{"name": "sessionid", "value": session, "url": sweep_site.url}]
                )
            opened[user] = context.new_page()
            opened[user].set_default_timeout(15_000)
        page = opened[user]
        page.set_viewport_size({"width": WIDTHS[0], "height": 800})
        return page

    yield page_of
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize(("row", "language"), _visits())
def test_page_fits_every_screen(pages, sweep_site, row, language):
    _check(
        pages(row.user), row, f"{sweep_site.url}/{language}{row.path.format(**sweep_site.numbers)}"
    )


def _check(page, row, url):
    folder = ARTIFACTS / "pages"
    language = url.split("/")[3]
    response = page.goto(url)
    assert response.status == row.status, f"{url} answered {response.status}"
    assert page.locator("html").get_attribute("lang") == language, f"{url} is not in {language}"
    problems = []
    for width in WIDTHS:
        # The same document at the other width, as a turned phone or a resized window shows
        # it: the style's media queries decide, not the server.
        page.set_viewport_size({"width": width, "height": 800})
        where = f"{row.name} ({url}, {width} px)"
        found = []
        scroll = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if scroll[0] > scroll[1]:
            wide = page.evaluate(WIDE_JS)
            found.append(
                f"{where}: the page scrolls sideways ({scroll[0]} > {scroll[1]} px): {wide}"
            )
        small = page.evaluate(TARGETS_JS, page.locator("main").element_handle())
        if small:
            found.append(f"{where}: targets under 24 × 24 px: {small}")
        if FULL or row.all_languages or width == max(WIDTHS):
            violations = [v for v in axe_violations(page, AXE_TAGS) if v["id"] not in row.axe_known]
            if violations:
                found.append(f"{where}: axe: {violations}")
        if FULL or found:
            folder.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(folder / f"{row.name}-{language}-{width}.png"), full_page=True)
        problems += found
    assert not problems, "\n".join(problems)
