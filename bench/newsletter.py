"""Newsletter throughput to a local SMTP server, batched sender beside the naive one.

    .venv/bin/python bench/newsletter.py [--subscribers 10000] [--processes 2]

One Celery worker with two processes (prefork) sends an issue to 10,000 subscribers at
the aiosmtpd sink this script runs, twice in one run: first with the naive sender (one
task and one SMTP connection per mail, bench/naive.py), then with the portal's batches
(news/services/sending.py). Mails a second counts from the first mail the sink receives to
the last; every Message-ID must arrive exactly once. The worker processes' memory is
sampled as they send. Uses the bench database (portal_bench) and Redis database 1, so the
development data and a running `./dev run` are left alone. Exits non-zero if the batched
rate is under 2.5 times the naive one or a worker's memory grows by more than 10 %.
"""

import argparse
import collections
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from bench.run import PYTHON, environment  # noqa: E402
from portal.core.mailsink import Mailbox, Sink  # noqa: E402

TARGET_RATIO = 2.5
MEMORY_GROWTH = 0.10

SEED = """
import json, itertools
from datetime import timedelta
from django.utils import timezone
from events.models import Event
from news.models import Article, Delivery, Issue, IssueItem, Subscriber

Issue.objects.filter(title_en__startswith="[bench]").delete()
Subscriber.objects.filter(email__endswith="@bench.invalid").delete()
languages = itertools.cycle(["nl", "en", "de"])
now = timezone.now()
Subscriber.objects.bulk_create(
    Subscriber(email=f"reader{{n}}@bench.invalid", language=next(languages), state="confirmed",
               consent_text="[bench]", consent_version="bench", consented_at=now)
    for n in range({subscribers})
)
articles = [Article.objects.update_or_create(slug=f"bench-article-{{n}}", defaults=dict(
    title_en=f"[bench] Generated article {{n}}", title_nl=f"[bench] Gegenereerd bericht {{n}}",
    summary_en="A generated summary of a few sentences, as long as a real one. " * 3,
    published_at=now - timedelta(days=n)))[0] for n in range(5)]
events = [Event.objects.update_or_create(slug=f"bench-event-{{n}}", defaults=dict(
    title_en=f"[bench] Generated event {{n}}", type="conference", city="Brussels",
    starts_at=now + timedelta(days=30 + n), ends_at=now + timedelta(days=30 + n, hours=8)))[0]
    for n in range(3)]
ids = {{}}
for name in ("naive", "batched"):
    issue = Issue.objects.create(title_en=f"[bench] {{name}}", title_nl=f"[bench] {{name}} (nl)",
                                 intro_en="An introduction of a paragraph or two. " * 5)
    for position, item in enumerate([*articles, *events], start=1):
        kind = "event" if isinstance(item, Event) else "article"
        IssueItem.objects.create(issue=issue, position=position, **{{kind: item}})
    ids[name] = issue.pk
print(json.dumps(ids))
"""

ENQUEUE_NAIVE = """
import secrets
from news.models import Delivery, Issue, Subscriber
from news import selectors
from bench.naive import send_one
issue = Issue.objects.get(pk={issue})
Delivery.objects.bulk_create(
    Delivery(issue=issue, subscriber_id=pk,
             message_id=f"<naive.{{pk}}.{{secrets.token_hex(4)}}@bench>")
    for pk in selectors.audience(issue).values_list("pk", flat=True)
)
for pk in Delivery.objects.filter(issue=issue).values_list("pk", flat=True):
    send_one.delay(pk)
"""

START_BATCHED = """
from news.models import Issue
from news.services.sending import issue_start
issue_start(issue=Issue.objects.get(pk={issue}))
"""

CHECK = """
from news.models import Delivery
print(Delivery.objects.filter(issue_id={issue}).exclude(state="sent").count())
"""


class TimedMailbox(Mailbox):
    def __init__(self):
        super().__init__(keep=False)
        self.first = self.last = None

    async def handle_DATA(self, server, session, envelope):
        answer = await super().handle_DATA(server, session, envelope)
        self.last = time.monotonic()
        self.first = self.first or self.last
        return answer


def bench_env(sink: Sink) -> dict:
    env = environment()
    redis = os.environ.get("REDIS_URL")
    env.update(
        EMAIL_URL=sink.url,
        NEWSLETTER_RATE="1000000/second",
        NEWSLETTER_LANES="2",
        DATABASE_POOL="false",
    )
    if redis:
        env["REDIS_URL"] = redis.rsplit("/", 1)[0] + "/1"
    else:
        # The embedded Redis, database 1: the settings module knows where it listens.
        url = subprocess.run(
            [PYTHON, "-c", "from portal import embedded; print(embedded.redis_url())"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        env["REDIS_URL"] = url.rsplit("/", 1)[0] + "/1"
    return env


def shell(env, code: str) -> str:
    """The last line the code prints (Django's shell first says what it imported)."""
    out = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return out.splitlines()[-1] if out else ""


def run_worker(env, processes: int, start, sink: Sink, expected: int, label: str) -> dict:
    mailbox = sink.handler
    with mailbox.lock:
        mailbox.message_ids = []
    mailbox.first = mailbox.last = None
    worker = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "celery",
            "-A",
            "portal",
            "worker",
            "-I",
            "bench.naive",
            "--pool=prefork",
            f"--concurrency={processes}",
            "-lWARNING",
            "-n",
            f"bench-{label}@%h",
        ],
        cwd=ROOT,
        env=env,
    )
    samples = []  # (mails received, RSS of each process in MB)
    try:
        start()
        deadline = time.monotonic() + 600
        while mailbox.count() < expected:
            if worker.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"{label}: the worker stopped after {mailbox.count()} mails")
            children = psutil.Process(worker.pid).children()
            samples.append((mailbox.count(), [c.memory_info().rss / 2**20 for c in children]))
            time.sleep(0.25)
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    received = collections.Counter(mailbox.message_ids)
    if len(received) != expected or max(received.values()) != 1:
        raise RuntimeError(f"{label}: {len(received)} distinct mails, not {expected} once each")
    early = next(rss for count, rss in samples if count >= expected // 10)
    late = samples[-1][1]
    return {
        "rate": (expected - 1) / (mailbox.last - mailbox.first),
        "seconds": mailbox.last - mailbox.first,
        "rss_early": early,
        "rss_late": late,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--subscribers", type=int, default=10_000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()

    sink = Sink(handler=TimedMailbox()).start()
    env = bench_env(sink)
    subprocess.run([PYTHON, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [PYTHON, "manage.py", "collectstatic", "-v0", "--noinput"], cwd=ROOT, env=env, check=True
    )
    issues = json.loads(shell(env, SEED.format(subscribers=args.subscribers)))
    subprocess.run(
        [PYTHON, "-m", "celery", "-A", "portal", "purge", "-f"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
    )
    results = {}
    try:
        # The naive tasks are queued before the worker starts, so it is timed sending alone.
        shell(env, ENQUEUE_NAIVE.format(issue=issues["naive"]))
        results["naive: a task and a connection per mail"] = run_worker(
            env, args.processes, lambda: None, sink, args.subscribers, "naive"
        )
        results["batched: news/services/sending.py"] = run_worker(
            env,
            args.processes,
            lambda: threading.Thread(
                target=shell, args=(env, START_BATCHED.format(issue=issues["batched"]))
            ).start(),
            sink,
            args.subscribers,
            "batched",
        )
        for name in ("naive", "batched"):
            left = int(shell(env, CHECK.format(issue=issues[name])))
            if left:
                raise RuntimeError(f"{name}: {left} deliveries not recorded as sent")
    finally:
        sink.stop()

    print(f"\n{args.subscribers} subscribers, {args.processes} worker processes")
    print(
        f"{'sender':45} {'mails/s':>8} {'seconds':>8} {'RSS at 10 % (MB)':>18} {'RSS at end':>14}"
    )
    for name, r in results.items():
        early = "/".join(f"{mb:.0f}" for mb in r["rss_early"])
        late = "/".join(f"{mb:.0f}" for mb in r["rss_late"])
        print(f"{name:45} {r['rate']:8.0f} {r['seconds']:8.1f} {early:>18} {late:>14}")
    naive, batched = results.values()
    ratio = batched["rate"] / naive["rate"]
    growth = max(
        (late - early) / early
        for early, late in zip(batched["rss_early"], batched["rss_late"], strict=True)
    )
    failed = ratio < TARGET_RATIO or growth > MEMORY_GROWTH
    print(f"\nbatched / naive: {ratio:.1f}x (target {TARGET_RATIO}x)")
    print(
        f"batched worker memory from 10 % to the end: {growth:+.1%} (at most {MEMORY_GROWTH:.0%})"
    )
    print("BELOW TARGET" if failed else "ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
