"""Benchmark: the browser editor on synthetic repositories. Save → commit: a contact's form is
posted to a running editor (waitress, as `rysiai edit` serves it) and timed until the answer
comes back, the record checked, written and committed. First paint: an association's form, whose
chair is a picker over every contact, opened in Chromium and timed from navigation to its first
contentful paint.

    python bench/bench_editor.py [--sizes 2000,20000] [--paint-contacts 14000] [--repeat N]
"""

from __future__ import annotations

import argparse
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from editor_server import hidden, running_editor  # noqa: E402
from rysiai.synthetic import SHARES, generate_repository  # noqa: E402


def git_repository(root: Path, records: int) -> Path:
    generate_repository(root, records)
    # No housekeeping of git's own in the background: it would still be writing in .git when the
    # benchmark removes the repository.
    for arguments in (["init", "-q"], ["config", "user.name", "Bench"], ["config", "user.email", "bench@example.org"],
                      ["config", "gc.auto", "0"], ["config", "maintenance.auto", "false"],
                      ["add", "--all"], ["commit", "-qm", "synthetic data"]):
        subprocess.run(["git", *arguments], cwd=root, check=True)
    return root


def save_times(root: Path, repeat: int) -> list[float]:
    contact = sorted((root / "contacts").glob("*.yaml"))[len(list((root / "contacts").glob("*.yaml"))) // 2].stem
    times = []
    with running_editor(root) as url:
        form = url + f"contacts/{contact}/"
        for run in range(repeat + 1):
            html = urllib.request.urlopen(form).read().decode("utf-8")
            data = {name: hidden(html, name) for name in ("_csrf", "_version", "_base")}
            data["position"] = f"Specialistė {run}"
            body = urllib.parse.urlencode(data).encode()
            start = time.perf_counter()
            answer = urllib.request.urlopen(urllib.request.Request(form, data=body)).read().decode("utf-8")
            elapsed = time.perf_counter() - start
            assert "ry-saved" in answer, "the save did not go through"
            if run:  # the first save builds the index of unpublished people: not timed
                times.append(elapsed)
    return times


def paint_times(root: Path, repeat: int) -> list[float]:
    from playwright.sync_api import sync_playwright

    association = sorted((root / "associations").glob("*.yaml"))[0].stem
    times = []
    with running_editor(root) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for run in range(repeat + 1):
            page = browser.new_context().new_page()
            page.goto(url + f"associations/{association}/")
            page.wait_for_function("performance.getEntriesByType('paint').length > 1")
            paint = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
            assert page.locator(".ry-picker").count() > 0
            page.context.close()
            if run:
                times.append(paint / 1000)
        browser.close()
    return times


def described(times: list[float]) -> str:
    return f"{statistics.median(times) * 1000:,.0f} ms ({min(times) * 1000:,.0f}–{max(times) * 1000:,.0f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="records per repository for save → commit")
    parser.add_argument("--paint-contacts", type=int, default=14000, help="contacts behind the picker")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs (default 5)")
    args = parser.parse_args(argv)
    print(f"Python {platform.python_version()}, {platform.machine()}; medians (min–max) of {args.repeat} runs")
    with tempfile.TemporaryDirectory() as folder:
        for size in (int(size) for size in args.sizes.split(",")):
            root = git_repository(Path(folder) / f"records-{size}", size)
            print(f"save → commit, {size:,} records: {described(save_times(root, args.repeat))}", flush=True)
        records = round(args.paint_contacts / (1 - sum(SHARES.values())))
        root = git_repository(Path(folder) / "paint", records)
        contacts = len(list((root / "contacts").glob("*.yaml")))
        print(f"form with a picker over {contacts:,} contacts ({records:,} records), first paint: "
              f"{described(paint_times(root, args.repeat))}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
