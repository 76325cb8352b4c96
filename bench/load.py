"""Mixed load with locust against gunicorn on loopback, the users stepped up in one run.

    .venv/bin/python bench/load.py [--steps 5,10,20,40,80] [--step-seconds 30] [--workers 2]

Uses bench/run.py's database (portal_bench, prepared the same way) and server. Visitors
read the public site, the API and the feeds; one user in ten is a partner saving the demo's
draft plans through the workspace API, with the version they read (a crossed save, 409, is
counted apart: it is the workspace refusing to overwrite, not an error). Prints, per step,
requests per second, p50/p95/p99, errors and crossed saves; says the largest load with no
error and p95 under a second, and the first at which p95 passes a second. Exits non-zero
if the first step has an error.
"""

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PYTHON, environment, prepare, serve  # noqa: E402

PARTNERS = [
    "partner.wallonia@example.org",
    "partner.limburg@example.org",
    "partner.lombardy@example.org",
]
TOKENS = """
from rest_framework.authtoken.models import Token
from portal.accounts.models import User
users = [User.objects.get(email=email) for email in {emails!r}]
print(",".join(Token.objects.get_or_create(user=user)[0].key for user in users))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", default="5,10,20,40,80")
    parser.add_argument("--step-seconds", type=int, default=30)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()

    env = environment()
    # Partners' tokens are counted per user; the load is not a client to slow down.
    env["API_RATE_TOKEN"] = "1000000/second"
    prepare(env)
    tokens = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", TOKENS.format(emails=PARTNERS)],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.split()[-1]
    results = ROOT / "var" / "load-results.json"
    steps = [int(n) for n in args.steps.split(",")]
    with serve(env, args.workers) as base:
        subprocess.run(
            [
                *(PYTHON, "-m", "locust", "-f", str(ROOT / "bench" / "locustfile.py")),
                *("--headless", "--host", base, "--only-summary", "--loglevel", "WARNING"),
            ],
            cwd=ROOT,
            env={
                **os.environ,
                "LOAD_STEPS": args.steps,
                "LOAD_STEP_SECONDS": str(args.step_seconds),
                "LOAD_TOKENS": tokens,
                "LOAD_RESULTS": str(results),
            },
            check=False,
        )
    rows = json.loads(results.read_text())

    heading = ("users", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "409")
    print("\n" + " ".join(f"{name:>8}" for name in heading))
    for row in rows:
        print(
            f"{row['users']:8d} {row['rps']:8.1f} {row['p50']:8.0f} {row['p95']:8.0f} "
            f"{row['p99']:8.0f} {row['errors']:8d} {row['crossed']:8d}"
        )
    clean = [row for row in rows if not row["errors"] and row["p95"] < 1000]
    over = next((row for row in rows if row["p95"] >= 1000), None)
    print()
    if clean:
        print(f"largest load with no error and p95 under 1 s: {clean[-1]['users']} users")
    print(
        f"p95 passes 1 s at {over['users']} users"
        if over
        else f"p95 stayed under 1 s up to {steps[-1]} users"
    )
    return 0 if rows and not rows[0]["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
