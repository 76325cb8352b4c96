"""Typesetting the project overview PDF, beside a naive table-heavy layout of the same
content, in one run.

    .venv/bin/python bench/pdf.py [--rounds 3] [--no-prepare]

The project is the monitoring benchmark's (bench/monitoring.py: 30 regions, 8 periods, 10
actions a plan), in the bench database (portal_bench), prepared as bench/run.py does. Each
round gathers the data and typesets it twice: with the portal's layout
(templates/reports/project_overview.html and static/css/report.css, through the same
services the worker calls) and with the naive one (bench/templates/naive_overview.html:
one outer table for running headers and footers, tables inside tables for every block).
The first of the portal's renders in the process is reported apart: it loads the fonts,
as a worker's first report does. Times are the median of the rounds, in CPU seconds of the
process (the typesetting is single-threaded; on a shared machine the wall clock measures
the neighbours' load) and in wall seconds. Exits non-zero if the portal's layout takes
more than half the naive one's CPU time.
"""

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import PYTHON, environment, prepare  # noqa: E402

TARGET_RATIO = 0.5
NAIVE_TEMPLATE = Path(__file__).resolve().parent / "templates" / "naive_overview.html"
NAIVE_CSS = """
@page { size: A4; margin: 15mm; }
body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; }
table { border-collapse: collapse; }
td, th { padding: 2px 4px; vertical-align: top; text-align: left; }
tr.region { break-before: page; }
"""


def measure(rounds: int) -> dict:
    """Run inside Django (manage.py shell): the seconds and pages of each layout."""
    from django.template import engines
    from django.utils import translation

    from bench.monitoring import SLUG
    from portal.core.reports import kinds, rendering, services
    from projects.models import Project

    kind = kinds.get("project-overview")
    pk = Project.objects.get(slug=SLUG).pk
    naive_template = engines["django"].from_string(NAIVE_TEMPLATE.read_text())

    def ours():
        prepared = services.prepare(kind, kind.load(pk), "en")
        return rendering.html_to_pdf(prepared.html.replace(services.MADE_AT, "now"))

    def naive():
        subject = kind.load(pk)
        with translation.override("en"):
            layout = kind.layout(subject)
            html = naive_template.render(
                {
                    **layout.context,
                    "report_title": layout.title,
                    "report_subtitle": layout.subtitle,
                    "report_kind": kind.kind_label,
                    "made_at": "now",
                    "site_url": "",
                }
            )
        return rendering.html_to_pdf(html, css=NAIVE_CSS)

    def timed(make):
        wall, cpu = time.perf_counter(), time.process_time()
        rendered = make()
        return (time.perf_counter() - wall, time.process_time() - cpu), rendered.pages

    first, pages = timed(ours)
    times = {"ours": [], "naive": []}
    found_pages = {"ours": pages}
    for _round in range(rounds):
        for name, make in (("naive", naive), ("ours", ours)):
            seconds, found_pages[name] = timed(make)
            times[name].append(seconds)
    return {
        "first": first,
        **{name: [statistics.median(s[i] for s in times[name]) for i in (0, 1)] for name in times},
        "pages": found_pages,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--no-prepare", action="store_true", help="the bench database is ready from a run before"
    )
    args = parser.parse_args()
    env = environment()
    if not args.no_prepare:
        prepare(env)
    out = subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "import json; from bench.pdf import measure; "
            f"print(json.dumps(measure({args.rounds})))",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    found = json.loads(out.splitlines()[-1])
    pages = found["pages"]
    print("| layout | pages | CPU s | CPU s a page | wall s |")
    print("| --- | --- | --- | --- | --- |")
    for name, label in (
        ("naive", "naive: tables inside tables (bench/templates/naive_overview.html)"),
        ("ours", "the portal's layout (templates/reports/project_overview.html)"),
        ("first", "the portal's layout, first in its process (loads the fonts)"),
    ):
        wall, cpu = found[name]
        count = pages["ours" if name == "first" else name]
        print(f"| {label} | {count} | {cpu:.2f} | {cpu / count:.3f} | {wall:.2f} |")
    # CPU time: on a machine others share, the wall clock mostly measures their load.
    ratio = found["ours"][1] / found["naive"][1]
    print(f"\nThe portal's layout takes {ratio:.0%} of the naive one's CPU time (target 50 %).")
    return 0 if ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
