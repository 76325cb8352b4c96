"""200 people sign up for 100 places at once, against gunicorn as in bench/run.py.

    .venv/bin/python bench/registration.py [--people 200] [--places 100] [--workers 2]

Each person is a client of their own (cookies, CSRF token): first all of them send the
registration form at the same moment, then all of them open the link from their mail and
press "Confirm my registration" at the same moment; the places are given at that step.
The links are read from the database, as the mail would carry them. Exits non-zero unless
every request was answered without a server error, exactly `places` registrations are
confirmed and the rest wait, in as many distinct places in line.

It uses bench/run.py's database (portal_bench, the demo content) and a Redis database of
its own (2; bench/newsletter.py has 1), which it empties before and after: the mail tasks
it queues go nowhere.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import requests
from run import PYTHON, ROOT, environment, prepare, serve

SLUG = "bench-registration"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')

SETUP = """
import datetime
from django.utils import timezone
from events.models import Event, Registration, RegistrationSettings, Consent
start = timezone.now() + datetime.timedelta(days=20)
event, _ = Event.objects.update_or_create(
    slug="{slug}",
    defaults=dict(title_en="[bench] Registration", type="conference", city="Brussels",
                  starts_at=start, ends_at=start + datetime.timedelta(hours=8)),
)
Registration.objects.filter(event=event).delete()
consent = Consent.objects.filter(event=event).first() or Consent.objects.create(
    event=event, version=1, text_en="Bench consent.")
RegistrationSettings.objects.update_or_create(event=event, defaults=dict(
    opens_at=timezone.now() - datetime.timedelta(days=1),
    closes_at=start - datetime.timedelta(days=1), capacity={places}, consent=consent,
    ask_organisation="no", ask_country="no", ask_region="no", ask_dietary="no",
    ask_sessions="no"))
"""

LINKS = """
import json
from events import links
from events.models import Registration
unconfirmed = Registration.objects.filter(event__slug="{slug}", state="unconfirmed")
print(json.dumps([
    links.confirm_url(r).split("8000", 1)[-1] for r in unconfirmed.select_related("event")
]))
"""

STATES = """
import json
from django.db.models import Count
from events.models import Registration
rows = Registration.objects.filter(event__slug="{slug}")
print(json.dumps({{
    "states": dict(rows.values_list("state").annotate(n=Count("pk")).values_list("state", "n")),
    "places_in_line": rows.filter(state="waiting").values("waiting_since", "pk").distinct().count(),
}}))
"""


def shell(env, code: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-v", "0", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _flush(env) -> None:
    subprocess.run(
        [
            PYTHON,
            "-c",
            "import redis, sys; redis.Redis.from_url(sys.argv[1]).flushdb()",
            env["REDIS_URL"],
        ],
        check=True,
    )


def all_at_once(people: int, prepare_one, send_one):
    """Each person prepares (a page to read the token from), then all send together.

    Returns (seconds from the first send to the last answer, statuses, latencies)."""
    ready = threading.Barrier(people)
    started = []

    def person(n):
        with requests.Session() as client:
            state = prepare_one(client, n)
            ready.wait(timeout=120)
            started.append(time.monotonic())
            began = time.monotonic()
            status = send_one(client, n, state)
            return status, time.monotonic() - began, time.monotonic()

    with ThreadPoolExecutor(max_workers=people) as pool:
        results = list(pool.map(person, range(people)))
    statuses = [status for status, _latency, _end in results]
    latencies = [latency for _status, latency, _end in results]
    return max(end for *_rest, end in results) - min(started), statuses, latencies


def report(name, seconds, statuses, latencies) -> bool:
    counts = {code: statuses.count(code) for code in sorted(set(statuses))}
    server_errors = sum(n for code, n in counts.items() if code >= 500)
    cuts = statistics.quantiles(latencies, n=20)
    print(
        f"{name:32} {len(statuses):4d} requests in {seconds:6.2f} s "
        f"(p50 {statistics.median(latencies) * 1000:6.0f} ms, p95 {cuts[18] * 1000:6.0f} ms), "
        f"answers {counts}"
    )
    return server_errors == 0


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--places", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = environment()
    redis = subprocess.run(
        [PYTHON, "-c", "from portal import embedded; print(embedded.redis_url())"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    env["REDIS_URL"] = redis.rsplit("/", 1)[0] + "/2"
    _flush(env)
    prepare(env)
    shell(env, SETUP.format(slug=SLUG, places=args.places))
    ok = True
    with serve(env, args.workers) as base:
        form = f"{base}/en/events/{SLUG}/register/"

        def open_form(client, n):
            return TOKEN.search(client.get(form, timeout=120).text).group(1)

        def send_form(client, n, token):
            data = {
                "csrfmiddlewaretoken": token,
                "name": f"Bench person {n}",
                "email": f"bench{n}@example.org",
                "consent": "on",
            }
            return client.post(form, data=data, allow_redirects=False, timeout=120).status_code

        ok &= report("register (form sent)", *all_at_once(args.people, open_form, send_form))

        paths = json.loads(shell(env, LINKS.format(slug=SLUG)))
        assert len(paths) == args.people, f"{len(paths)} registrations for {args.people} people"

        def open_link(client, n):
            return TOKEN.search(client.get(base + paths[n], timeout=120).text).group(1)

        def confirm(client, n, token):
            response = client.post(
                base + paths[n],
                data={"csrfmiddlewaretoken": token},
                allow_redirects=False,
                timeout=120,
            )
            return response.status_code

        ok &= report("confirm (places given)", *all_at_once(args.people, open_link, confirm))

    outcome = json.loads(shell(env, STATES.format(slug=SLUG)))
    _flush(env)
    states = outcome["states"]
    print(f"\nstates: {states}; distinct places in the waiting list: {outcome['places_in_line']}")
    waiting = args.people - args.places
    ok &= states == {"confirmed": args.places, "waiting": waiting}
    ok &= outcome["places_in_line"] == waiting
    print("ok" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
