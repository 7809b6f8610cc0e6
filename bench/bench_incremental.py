"""Benchmark: fast feedback. How soon an edit shows on `rysiai serve`, and how long a build with
the cache takes, each beside a full build in the same run.

1. Edit → updated pages: synthetic repositories of 2,000 and 20,000 records are served with
   `rysiai serve`; a contact's name is changed several times, and each time the clock runs from
   writing the file until its own page, its organisation's page and the contacts' index all show
   the new name, asked for as an open page would: the page's live-reload request is answered
   when the server has built, then the three pages are fetched (and asked again while they do
   not show it); and until the search index has the change too (the downloads and the search
   index are made after the pages are served, polled every 50 ms). Each save is made
   on a server at rest: after the first build's search index, and after the last save's.
   Beside it, in the same run: a full build of the same repository (`rysiai build --no-cache`),
   which is what each change cost before.
2. Cached rebuild: a 10,000-record repository in git; a clean build (`--no-cache`) and, after a
   one-record change committed, a build with the cache the last build left (the output folder
   removed first, as in a CI job that keeps only the cache), alternating.

    python bench/bench_incremental.py [--serve-sizes 2000,20000] [--edits 5]
                                      [--cache-size 10000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from bench_tools import free_port, log, timed
from rysiai.synthetic import generate_repository

BIN = Path(sys.executable).parent
ENVIRONMENT = dict(os.environ, NO_MKDOCS_2_WARNING="1", LANGUAGE="en")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve-sizes", default="2000,20000")
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--cache-size", type=int, default=10000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    serve_rows, cache_row = [], None
    with tempfile.TemporaryDirectory(prefix="rysiai-bench-incremental-") as temporary:
        out = Path(temporary)
        for size in [int(size) for size in args.serve_sizes.split(",") if size]:
            repository = out / f"serve-{size}"
            generate_repository(repository, size)
            serve_rows.append((size, *measure_serve(repository, args.edits, out / f"full-{size}")))
            shutil.rmtree(repository, ignore_errors=True)
        if args.cache_size:
            repository = out / f"cache-{args.cache_size}"
            generate_repository(repository, args.cache_size)
            cache_row = measure_cache(repository, args.repeat, out / "site")
    print("| records | edit → own page, organisation's page and index (median) | search index updated | full rebuild | ratio (median) |")
    print("|--:|--:|--:|--:|--:|")
    for size, pages, search, full in serve_rows:
        ratio = statistics.median(pages) / statistics.median(full)
        print(f"| {size:,} | {statistics.median(pages):.2f} s ({min(pages):.2f}–{max(pages):.2f}) "
              f"| {statistics.median(search):.2f} s ({min(search):.2f}–{max(search):.2f}) "
              f"| {statistics.median(full):.1f} s | {ratio:.1%} |")
    if cache_row:
        clean, cached = cache_row
        ratio = statistics.median(x / y for x, y in zip(cached, clean))
        print()
        print("| records | clean build | build with the cache, one record changed | ratio (median of pairs) |")
        print("|--:|--:|--:|--:|")
        print(f"| {args.cache_size:,} | {statistics.median(clean):.1f} s ({min(clean):.1f}–{max(clean):.1f}) "
              f"| {statistics.median(cached):.1f} s ({min(cached):.1f}–{max(cached):.1f}) | {ratio:.1%} |")
    return 0


def measure_serve(repository: Path, edits: int, full_site: Path) -> tuple[list[float], list[float], list[float]]:
    port = free_port()
    server = subprocess.Popen(
        [str(BIN / "rysiai"), "serve", "--root", str(repository), "--dev-addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENVIRONMENT,
    )
    base = f"http://127.0.0.1:{port}/"
    pages, search, full = [], [], []
    try:
        started = time.perf_counter()
        wait(lambda: fetch(base + "contacts/") is not None, 3600)
        log(f"{repository.name}: served after {time.perf_counter() - started:.0f} s")
        # The first build's search index follows the pages; an edit is timed on a server at rest.
        # (until then the server lists no shard)
        wait(lambda: json.loads(fetch(base + "pagefind/rysiai-shards.json") or '{"primary": null}')["primary"], 3600)
        log(f"{repository.name}: search index after {time.perf_counter() - started:.0f} s")
        # (people with a post in an organisation: its page lists them)
        contacts = [path for path in sorted((repository / "contacts").glob("*.yaml"))
                    if "\norganization: " in path.read_text(encoding="utf-8")]
        for number in range(edits):
            contact = contacts[(number + 1) * len(contacts) // (edits + 2)]
            text = contact.read_text(encoding="utf-8")
            old_name = text.split("\n", 1)[0].removeprefix("name: ")
            organization = next(line.split(": ", 1)[1] for line in text.splitlines() if line.startswith("organization: "))
            collection = next(folder.name for folder in repository.iterdir() if (folder / f"{organization}.yaml").is_file())
            new_name = f"{old_name.split()[0]} Keistavardė{number}"
            listing_before = fetch(base + "pagefind/rysiai-shards.json")
            time.sleep(1.5)  # the file's time must differ from the last save's; a rest between saves
            urls = [base + f"contacts/{contact.stem}/", base + f"{collection}/{organization}/", base + "contacts/"]
            epoch = reload_epoch(fetch(urls[0]) or "")
            written = time.perf_counter()
            contact.write_text(text.replace(old_name, new_name, 1), encoding="utf-8")
            epoch = reloaded(base, epoch, written + 600)
            while not all(new_name in (fetch(url) or "") for url in urls):
                epoch = reloaded(base, epoch, written + 600)
            pages.append(time.perf_counter() - written)
            wait(lambda: fetch(base + "pagefind/rysiai-shards.json") != listing_before, 600)
            search.append(time.perf_counter() - written)
            log(f"{repository.name} edit {number + 1}: pages {pages[-1]:.2f} s, search {search[-1]:.2f} s")
    finally:
        server.terminate()
        server.wait(timeout=60)
    for run in range(2):
        full.append(timed([str(BIN / "rysiai"), "build", "--no-cache", "--root", str(repository), "-d", str(full_site)], ENVIRONMENT))
        log(f"{repository.name} full build {run + 1}: {full[-1]:.1f} s")
    shutil.rmtree(full_site, ignore_errors=True)
    return pages, search, full


def measure_cache(repository: Path, repeat: int, site: Path) -> tuple[list[float], list[float]]:
    git(repository, "init", "-q")
    git(repository, "add", "-A")
    git(repository, "commit", "-qm", "Records")
    build = [str(BIN / "rysiai"), "build", "--root", str(repository), "-d", str(site)]
    timed(build, ENVIRONMENT)  # fills the cache
    contacts = sorted((repository / "contacts").glob("*.yaml"))
    clean, cached = [], []
    for run in range(repeat):
        clean.append(timed([*build, "--no-cache"], ENVIRONMENT))
        contact = contacts[(run + 1) * len(contacts) // (repeat + 2)]
        text = contact.read_text(encoding="utf-8")
        contact.write_text(text.replace("position: ", "position: vyr. ", 1) if "position: " in text else text + "position: vyr. specialistas\n", encoding="utf-8")
        git(repository, "commit", "-qam", f"Change {run}")
        shutil.rmtree(site)  # a CI job keeps the cache, not the site
        cached.append(timed(build, ENVIRONMENT))
        log(f"cache {repository.name} run {run + 1}: clean {clean[-1]:.1f} s, cached {cached[-1]:.1f} s")
    return clean, cached


def git(repository: Path, *arguments: str) -> None:
    subprocess.run(["git", "-C", str(repository), "-c", "user.name=Bench", "-c", "user.email=bench@example.org", *arguments],
                   check=True, capture_output=True)


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def reload_epoch(page: str) -> int:
    """The build a served page was made by, as its live-reload script says (mkdocs's)."""
    found = re.search(r"livereload\((\d+),", page)
    if found is None:
        raise SystemExit("bench: the served page has no live-reload script")
    return int(found[1])


def reloaded(base: str, epoch: int, deadline: float) -> int:
    """Wait as an open page does for a build newer than ``epoch``; its epoch."""
    while time.perf_counter() < deadline:
        answer = fetch(f"{base}livereload/{epoch}/1")
        if answer is not None and int(float(answer)) > epoch:
            return int(float(answer))
    raise SystemExit("bench: timed out waiting for the site")


def wait(condition, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise SystemExit("bench: timed out waiting for the site")
        time.sleep(0.05)


if __name__ == "__main__":
    sys.exit(main())
