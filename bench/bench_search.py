"""Benchmark: the first search on a 20k-record site, Pagefind beside mkdocs-material's own search.

Builds the site of a synthetic repository twice: as Ryšiai builds it (Pagefind answers the
header's search box) and with the plugin's `search: false` (mkdocs-material's built-in lunr
search). With `theme.language: lt` mkdocs-material 9.8 gives lunr an empty pipeline step and its
search finds nothing at all, so the baseline is given `pipeline: [trimmer]`: it then lowercases
and matches prefixes, as it does for a language lunr does not know. Each is served by a plain web server on 127.0.0.1 and opened in Debian's Chromium
(Playwright); after the page has loaded, a query is typed into the search box. Measured, in the
same run, several times each:
- the bytes transferred for search: every response of the search engine (its index, worker and
  code, headers and bodies) from opening the page until the results show;
- the time from the last keystroke until the first result shows, by the page's own clock (the
  last key's event to the first frame drawn with a result).
Two queries: a person's surname from the data (what staff mostly type) and `savivaldybe`, a word
on almost half of the pages (the slowest kind of query). Keys come every 60 ms (a fast typist:
the box waits for the last); `--key-delay 150` types at a staff member's pace, where the box
searches between keys, `--no-baseline` leaves out the theme's own search.

    python bench/bench_search.py [--records 20000] [--repeat 5] [--key-delay 60] [--no-baseline]
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from bench_tools import log  # noqa: E402
from browser import CHROMIUM, CHROMIUM_ARGS, static_server  # noqa: E402

from rysiai.synthetic import generate_repository  # noqa: E402

# What is fetched for searching, by URL: Pagefind's bundle, and the theme's worker and index
# (which the theme fetches on every page even where Pagefind answers, so both count it).
SEARCH_PARTS = ("/pagefind/", "/search/", "/workers/search")

# Timed in the page, by the page's own clock: from the last key pressed to the first frame drawn
# with a result in it. (Waiting for the result from outside, the browser driver looks again
# only every few hundred milliseconds once a wait has lasted a while, and adds that much.)
# At a slower pace the box shows results between keys: what counts is the first frame drawn
# after results were put on the page after the last key (`keysLeft`: the keys still to come,
# set before typing).
SHOWN_CLOCK = """
window.rysiaiBench = { keysLeft: -1 };
document.addEventListener("keydown", function () {
  window.rysiaiBench.lastKey = performance.now();
  window.rysiaiBench.keysLeft -= 1;
}, true);
function addsResult(change) {
  return Array.prototype.some.call(change.addedNodes, function (node) {
    return node.nodeType === 1 && (node.matches(".md-search-result__item") || node.querySelector(".md-search-result__item"));
  });
}
new MutationObserver(function (changes, observer) {
  if (window.rysiaiBench.keysLeft === 0 && changes.some(addsResult)) {
    observer.disconnect();
    requestAnimationFrame(function () { window.rysiaiBench.shown = performance.now(); });
  }
}).observe(document, { subtree: true, childList: true });
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--broad-query", default="savivaldybe")
    parser.add_argument("--key-delay", type=int, default=60, help="milliseconds between keys (staff type about 150)")
    parser.add_argument("--no-baseline", action="store_true", help="Pagefind only, without mkdocs-material's own search")
    args = parser.parse_args(argv)
    if not CHROMIUM.exists():
        print("bench: Debian's Chromium is needed (apt-get install chromium)", file=sys.stderr)
        return 2
    rysiai = Path(sys.executable).parent / "rysiai"
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with tempfile.TemporaryDirectory(prefix="rysiai-bench-search-") as temporary:
        out = Path(temporary)
        repository = out / "records"
        generate_repository(repository, args.records)
        sites = {}
        for engine in ("pagefind",) if args.no_baseline else ("pagefind", "material"):
            if engine == "material":
                config = repository / "mkdocs.yml"
                text = config.read_text(encoding="utf-8")
                text = text.replace("  - search\n", "  - search:\n      pipeline: [trimmer]\n")
                text = text.replace("      history_uri: commits/main/\n", "      history_uri: commits/main/\n      search: false\n")
                config.write_text(text, encoding="utf-8")
            sites[engine] = out / f"site-{engine}"
            started = time.perf_counter()
            subprocess.run([str(rysiai), "build", "--root", str(repository), "-d", str(sites[engine])],
                           check=True, env=environment, capture_output=True)
            log(f"{engine}: site of {args.records} records built in {time.perf_counter() - started:.0f} s")
        queries = [surname(repository), args.broad_query]
        results = {
            (engine, query): measure(sites[engine], engine, query, args.repeat, args.key_delay)
            for query in queries
            for engine in sites
        }
    print(f"First query on a {args.records:,}-record site, a key every {args.key_delay} ms, {args.repeat} runs each, medians (min–max):")
    print()
    print("| query | search | bytes for the first query | results after typing stops |")
    print("|---|---|--:|--:|")
    for query in queries:
        for engine, label in (("pagefind", "Pagefind (Ryšiai)"), ("material", "mkdocs-material built-in")):
            if (engine, query) not in results:
                continue
            sizes, times = results[(engine, query)]
            print(f"| `{query}` | {label} | {kb(statistics.median(sizes))} ({kb(min(sizes))}–{kb(max(sizes))}) "
                  f"| {statistics.median(times):.0f} ms ({min(times):.0f}–{max(times):.0f}) |")
    return 0


def surname(repository: Path) -> str:
    """A contact's surname as staff type it: lower case, no diacritics."""
    import unicodedata

    import yaml

    first = sorted((repository / "contacts").glob("*.yaml"))[len(list((repository / "contacts").glob("*.yaml"))) // 2]
    name = yaml.safe_load(first.read_text(encoding="utf-8"))["name"].split()[-1]
    folded = unicodedata.normalize("NFKD", name.lower())
    return "".join(c for c in folded if not unicodedata.combining(c))


def measure(site: Path, engine: str, query: str, repeat: int, key_delay: int) -> tuple[list[float], list[float]]:
    from playwright.sync_api import sync_playwright

    sizes, times = [], []
    with static_server(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        for run in range(repeat):
            context = browser.new_context()  # a new context: nothing cached from the last run
            page = context.new_page()
            transferred = []
            page.on("requestfinished", lambda request: transferred.append((request.url, request.sizes())))
            page.add_init_script(SHOWN_CLOCK)
            page.goto(url + "partners/", wait_until="load")
            page.wait_for_timeout(1000)
            box = page.locator("input.md-search__input")
            box.click()
            page.evaluate(f"window.rysiaiBench.keysLeft = {len(query)}")
            page.keyboard.type(query, delay=key_delay)
            page.wait_for_function("window.rysiaiBench.shown !== undefined", timeout=600_000, polling=50)
            times.append(page.evaluate("window.rysiaiBench.shown - window.rysiaiBench.lastKey"))
            page.wait_for_timeout(300)  # let the last responses finish counting
            sizes.append(sum(
                size["responseBodySize"] + size["responseHeadersSize"]
                for address, size in transferred
                if any(part in address for part in SEARCH_PARTS)
            ))
            log(f"{engine} `{query}` run {run + 1}: {kb(sizes[-1])}, {times[-1]:.0f} ms")
            context.close()
        browser.close()
    return sizes, times


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB"


if __name__ == "__main__":
    sys.exit(main())
