"""Mixed traffic for locust: visitors reading the public site, partners saving drafts.

Run by bench/load.py, which prepares the bench database, starts gunicorn and passes the
partners' tokens (LOAD_TOKENS) and the steps of users (LOAD_STEPS, LOAD_STEP_SECONDS).
Each request is counted in the step it was made in; a crossed save (409) is the workspace
doing its job and is counted apart, never as an error. The figures of each step are
written to LOAD_RESULTS as JSON when the run ends.
"""

import json
import os
import random
import time
from collections import defaultdict

from locust import HttpUser, LoadTestShape, between, events, task

STEPS = [int(n) for n in os.environ.get("LOAD_STEPS", "5,10,20,40").split(",")]
STEP_SECONDS = int(os.environ.get("LOAD_STEP_SECONDS", "30"))
# The first seconds of a step are left out: users are still arriving.
SETTLE_SECONDS = min(5, STEP_SECONDS // 3)
TOKENS = [token for token in os.environ.get("LOAD_TOKENS", "").split(",") if token]
SAVE = "workspace: save a draft (API)"

_started = time.monotonic()
_steps: dict[int, dict] = defaultdict(
    lambda: {"times": [], "errors": 0, "crossed": 0, "first": None, "last": None}
)


class Steps(LoadTestShape):
    """LOAD_STEPS users, each for LOAD_STEP_SECONDS, then the end."""

    def tick(self):
        step = int(self.get_run_time() // STEP_SECONDS)
        if step >= len(STEPS):
            return None
        return STEPS[step], STEPS[step]


@events.test_start.add_listener
def _start(**kwargs):
    global _started
    _started = time.monotonic()


@events.request.add_listener
def _count(name, response_time, exception, response=None, **kwargs):
    elapsed = time.monotonic() - _started
    step = int(elapsed // STEP_SECONDS)
    if step >= len(STEPS) or elapsed - step * STEP_SECONDS < SETTLE_SECONDS:
        return
    figures = _steps[step]
    figures["first"] = figures["first"] or elapsed
    figures["last"] = elapsed
    figures["times"].append(response_time)
    if exception is not None:
        figures["errors"] += 1
    elif name == SAVE and response is not None and response.status_code == 409:
        figures["crossed"] += 1


def _percentile(times: list[float], share: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else 0.0


@events.quitting.add_listener
def _write(**kwargs):
    rows = []
    for step, users in enumerate(STEPS):
        figures = _steps.get(step)
        if not figures or not figures["times"]:
            continue
        seconds = STEP_SECONDS - SETTLE_SECONDS
        times = figures["times"]
        rows.append(
            {
                "users": users,
                "requests": len(times),
                "rps": len(times) / seconds,
                "p50": _percentile(times, 0.50),
                "p95": _percentile(times, 0.95),
                "p99": _percentile(times, 0.99),
                "errors": figures["errors"],
                "crossed": figures["crossed"],
            }
        )
    with open(os.environ.get("LOAD_RESULTS", "load-results.json"), "w") as handle:
        json.dump(rows, handle, indent=2)


class Visitor(HttpUser):
    """Someone reading the site, its API and its feeds, without signing in."""

    weight = 9
    wait_time = between(0.5, 2)

    def on_start(self):
        regions = self.client.get("/api/v1/regions/?page_size=100", name="api: regions").json()
        self.regions = [row["slug"] for row in regions.get("results", regions)] or ["brussels"]
        events_page = self.client.get("/api/v1/events/", name="api: events").json()
        self.events = [row["slug"] for row in events_page.get("results", events_page)] or [
            "bench-event-0"
        ]

    @task(4)
    def home(self):
        self.client.get("/en/", name="home")

    @task(3)
    def lists(self):
        path = random.choice(
            [
                "/en/events/",
                "/en/events/?type=conference",
                "/en/regions/",
                "/en/projects/",
                "/en/news/",
                "/nl/events/",
                "/de/regions/",
            ]
        )
        self.client.get(path, name="list (with filters)")

    @task(3)
    def details(self):
        if random.random() < 0.5:
            self.client.get(f"/en/events/{random.choice(self.events)}/", name="event detail")
        else:
            self.client.get(f"/en/regions/{random.choice(self.regions)}/", name="region detail")

    @task(2)
    def search(self):
        query = random.choice(["hydrogen", "hydrgen ghent", "chemistry", "infrastructure"])
        self.client.get("/en/search/", params={"q": query}, name="search page")

    @task(2)
    def api(self):
        path = random.choice(
            ["/api/v1/events/", "/api/v1/regions/", "/api/v1/projects/", "/api/v1/news/"]
        )
        self.client.get(path, name="api: list")

    @task(1)
    def feeds(self):
        path = random.choice(["/en/news/feed/rss/", "/en/news/feed/atom/"])
        self.client.get(path, name="feed")


class Partner(HttpUser):
    """A partner editing their draft: read it, save it with the version it read."""

    weight = 1
    wait_time = between(2, 5)

    def on_start(self):
        self.headers = {"Authorization": f"Token {random.choice(TOKENS)}"} if TOKENS else {}
        plans = self.client.get(
            "/api/v1/workspace/plans/", headers=self.headers, name="workspace: plans"
        ).json()
        self.plans = [plan["id"] for plan in plans if plan.get("state") == "draft"]

    @task
    def save_draft(self):
        if not self.plans:
            return
        plan = random.choice(self.plans)
        url = f"/api/v1/workspace/plans/{plan}/"
        current = self.client.get(url, headers=self.headers, name="workspace: a plan").json()
        # Another partner may save in between: a 409 then is the crossed save the workspace
        # keeps, not an error.
        with self.client.patch(
            url,
            json={"version": current["version"], "title": current["content"]["title"]},
            headers=self.headers,
            name=SAVE,
            catch_response=True,
        ) as response:
            if response.status_code in (200, 409):
                response.success()
