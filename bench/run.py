"""Measure pages against floors in one run: gunicorn on loopback, wrk as the client.

    .venv/bin/python bench/run.py [--seconds 10] [--connections 8]

Uses its own database (portal_bench) on the embedded PostgreSQL, with the demo content, 40
generated upcoming events and 20,000 generated news articles for search (made once by
bench/search_items.py, kept between runs), so the dev database is untouched. Prints
requests per second and p50/p95 latency per URL, and each page's ratio to its floor.
"""

import argparse
import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

# The monitoring dashboard: a coordinator's page, never cached, over a generated project
# of 30 regions by 8 periods by 10 actions (bench/monitoring.py); "{project}" and the
# session cookie are filled in once the data is there.
DASHBOARD_FLOOR = "floor: dashboard's rows, JsonResponse(.values())"
DASHBOARD = "monitoring dashboard, 30 regions x 8 periods"
SIGNED_IN = {DASHBOARD_FLOOR: False, DASHBOARD: True}
TARGETS = [
    ("floor: HttpResponse('ok')", "/bench/bare"),
    ("floor: 20 events, JsonResponse(.values())", "/bench/events-values"),
    ("events list page", "/en/events/"),
    ("home page", "/en/"),
    ("events API, 20 a page", "/api/v1/events/"),
    ("events API, response cache off", "/bench/api-events-uncached"),
    (DASHBOARD_FLOOR, "/bench/dashboard-values?project={project}"),
    (DASHBOARD, "/en/workspace/monitoring/?project={project}"),
    # Search over the 20,000 generated articles and the demo: never cached (the page is not,
    # and the API's response cache is off here). "hydrogen" is in 400 articles; "hydrgen
    # ghent" is two words with a typo, corrected to hydrogen, 100 articles.
    ("search page, one word", "/en/search/?q=hydrogen"),
    ("search page, two words, a typo", "/en/search/?q=hydrgen+ghent"),
    ("search API, one word, cache off", "/bench/api-search-uncached?q=hydrogen"),
    ("search API, two words, a typo, cache off", "/bench/api-search-uncached?q=hydrgen+ghent"),
]
RATIOS = [
    ("events list page", "floor: 20 events, JsonResponse(.values())", 0.40),
    ("home page", "floor: HttpResponse('ok')", 0.50),
    ("events API, 20 a page", "floor: 20 events, JsonResponse(.values())", 0.50),
    # Reported, not held to a target: what a first request after a change of content costs.
    ("events API, response cache off", "floor: 20 events, JsonResponse(.values())", None),
    ("search page, one word", "floor: 20 events, JsonResponse(.values())", 0.30),
    ("search page, two words, a typo", "floor: 20 events, JsonResponse(.values())", 0.30),
    ("search API, one word, cache off", "floor: 20 events, JsonResponse(.values())", 0.30),
    (
        "search API, two words, a typo, cache off",
        "floor: 20 events, JsonResponse(.values())",
        0.30,
    ),
    (DASHBOARD, DASHBOARD_FLOOR, 0.10),
]
LUA = """
done = function(summary, latency, requests)
  io.write(string.format("P50 %d\\nP95 %d\\n", latency:percentile(50), latency:percentile(95)))
end
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def environment() -> dict:
    env = dict(os.environ)
    env.update(
        DEBUG="false",
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        ROOT_URLCONF="bench.urls",
        ALLOWED_HOSTS="127.0.0.1",
        PORTAL_DATABASE_NAME="portal_bench",
        CACHE_KEY_PREFIX="bench",
        LOG_LEVEL="WARNING",
        # wrk is one client asking thousands of times a second: the limits would answer it.
        API_RATE_ANONYMOUS="1000000/second",
    )
    # gunicorn and the workers start no server: the embedded ones, unless the URLs are set.
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from portal import embedded

    env.update(embedded.environment(env, database="portal_bench"))
    return env


def prepare(env) -> tuple[str, str]:
    """The bench database made ready; the monitoring project's slug and a session key."""
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "collectstatic", "-v0", "--noinput"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    subprocess.run([*manage, "shell", "-c", SEED_EVENTS], cwd=ROOT, env=env, check=True)
    seed = "from bench.search_items import seed; seed()"
    subprocess.run([*manage, "shell", "-c", seed], cwd=ROOT, env=env, check=True)
    seeded = subprocess.run(
        [*manage, "shell", "-c", "from bench.monitoring import seed; print(seed())"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()
    return seeded[-2], seeded[-1]


SEED_EVENTS = """
import datetime
from django.utils import timezone
from events.models import Event
from projects.models import Project
from regions.models import Region
project = Project.objects.get(slug="s3chem")
region = Region.objects.get(slug="brussels")
start = timezone.now() + datetime.timedelta(days=30)
for n in range(40):
    Event.objects.update_or_create(
        slug=f"bench-event-{n}",
        defaults=dict(
            title_en=f"[bench] Generated event {n}", type="conference", project=project,
            region=region, city="Brussels", starts_at=start + datetime.timedelta(days=n),
            ends_at=start + datetime.timedelta(days=n, hours=8),
        ),
    )
"""


def wrk(url, seconds, connections, cookie="") -> dict:
    script = ROOT / "var" / "bench.lua"
    script.write_text(LUA)
    headers = ["-H", f"Cookie: sessionid={cookie}"] if cookie else []
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), *headers, url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "rps": rps,
        "p50": int(re.search(r"P50 (\d+)", out).group(1)) / 1000,
        "p95": int(re.search(r"P95 (\d+)", out).group(1)) / 1000,
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


@contextlib.contextmanager
def serve(env, workers: int):
    """gunicorn on a free loopback port with `env`; yields its base URL."""
    port = free_port()
    server = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "portal.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=20)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    subprocess.run([str(ROOT / ".ci" / "apt-ensure"), "wrk"], check=True)

    env = environment()
    project, session = prepare(env)
    with serve(env, args.workers) as base:
        results = {}
        for name, path in TARGETS:
            url = base + path.format(project=project)
            cookie = session if SIGNED_IN.get(name) else ""
            wrk(url, 2, args.connections, cookie)  # warm-up: caches, pools, imports
            results[name] = wrk(url, args.seconds, args.connections, cookie)

    print(f"\n{'target':50} {'req/s':>9} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    for name, _ in TARGETS:
        r = results[name]
        print(f"{name:50} {r['rps']:9.0f} {r['p50']:8.2f} {r['p95']:8.2f} {r['errors']:7d}")
    print()
    failed = False
    for name, r in results.items():
        if r["errors"]:
            # A redirect to the login page or an error would measure the wrong thing.
            print(f"{name}: {r['errors']} answers were not 200")
            failed = True
    for page, floor, target in RATIOS:
        ratio = results[page]["rps"] / results[floor]["rps"]
        if target is None:
            print(f"{page} / {floor}: {ratio:.0%}")
            continue
        verdict = "ok" if ratio >= target else "BELOW TARGET"
        failed |= ratio < target
        print(f"{page} / {floor}: {ratio:.0%} (target {target:.0%}) {verdict}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
