"""Benchmark: what the reports (Ataskaitos) add to `rysiai build`, measured inside the build.

Each run is a whole `rysiai build` in a fresh process. In it, the time of every step that is the
reports' alone is added up: importing what only they use (pandas, matplotlib and reports/),
gathering their records, each year's page and the overview, the map on the partners' index and
the tables written as CSV and XLSX (in the build's second process, where downloads are made; its
time is counted as if it were not in parallel). The table gives medians of the runs: the build's
wall time, the reports' time and their share of the build (the issue allows 10%).

    python bench/bench_report_share.py [--sizes sample,20000] [--repeat 3] [--out DIR]

`sample` is this repository's own data; a number, a synthetic repository of that many records.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent

# Run in the build's process: the reports' steps timed, each adding a line `seconds` to a file
# (appended, so that the forked process writing the downloads adds its own).
RUNNER = r"""
import os, sys, time
log = open(sys.argv[1], "a", buffering=1)

def note(seconds, what):
    log.write(f"{seconds:.6f} {what} {os.getpid()}\n")

import rysiai.repository, rysiai.validate, rysiai.site.context, rysiai.site.pages  # the build's own
start = time.perf_counter()
import pandas, matplotlib.figure  # only the reports use them
import rysiai.site_build.report_pages, rysiai.reports.table_files
note(time.perf_counter() - start, "imports")

from rysiai.site_build import downloads, report_pages, site

def timed(function):
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            note(time.perf_counter() - start, function.__name__)
    return wrapper

for name in ("_year", "_overview", "_index_map"):
    setattr(report_pages.SiteReports, name, timed(getattr(report_pages.SiteReports, name)))
report_pages.SiteReports.__init__ = timed(report_pages.SiteReports.__init__)
site.report_sources = timed(site.report_sources)
for name in ("report_tables_plan", "write_report_tables"):
    setattr(downloads, name, timed(getattr(downloads, name)))

from rysiai.cli import main
sys.exit(main(["build", "--root", sys.argv[2], "-d", sys.argv[3]]))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="sample,20000", help="`sample` or records per site")
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each (default 3)")
    parser.add_argument("--out", type=Path, help="keep the repositories and sites in DIR")
    args = parser.parse_args(argv)
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    rows = []
    with tempfile.TemporaryDirectory(prefix="rysiai-bench-report-") as temporary:
        out = args.out or Path(temporary)
        out.mkdir(parents=True, exist_ok=True)
        for size in args.sizes.split(","):
            root = PROJECT if size == "sample" else out / f"records-{size}"
            if size != "sample":
                from rysiai.synthetic import generate_repository

                generate_repository(root, int(size))
            builds, reports = [], []
            for run in range(args.repeat):
                log_file = out / f"report-times-{size}-{run}.txt"
                log_file.unlink(missing_ok=True)
                command = [sys.executable, "-c", RUNNER, str(log_file), str(root), str(out / "site")]
                start = time.perf_counter()
                done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=environment)
                builds.append(time.perf_counter() - start)
                if done.returncode != 0:
                    raise SystemExit(f"the build failed (exit {done.returncode}): {done.stderr[-2000:]}")
                reports.append(sum(float(line.split()[0]) for line in log_file.read_text().splitlines()))
                log(f"{size}, run {run + 1}/{args.repeat}: build {builds[-1]:.1f} s, reports {reports[-1]:.2f} s")
            rows.append((size, builds, reports))
    print("| records | rysiai build, median | the reports in it, median | share (median of runs) |")
    print("|---|--:|--:|--:|")
    for size, builds, reports in rows:
        share = statistics.median(r / b for r, b in zip(reports, builds))
        print(f"| {size} | {statistics.median(builds):.1f} s | {statistics.median(reports):.2f} s | {share:.1%} |")
    return 0


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
