"""Benchmark: `rysiai build` on synthetic repositories, against plain mkdocs-material.

For each size, the same run builds (a) the Ryšiai site of a synthetic repository of that many
records and (b) a plain mkdocs-material site of as many plain Markdown pages (a heading and a
table of ten fields each), kept out of the navigation like record pages, with the same theme
features and plugins (search, tags). Both are timed as whole processes, alternating; the table
gives medians, their ratio and the average size of a record page.

    python bench/bench_site.py [--sizes 2000,10000,20000] [--repeat N] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from bench_tools import log, timed
from rysiai.synthetic import generate_repository

PLAIN_CONFIG = """\
site_name: Plain pages
docs_dir: docs
theme:
  name: material
  language: lt
  font: false
  features: [navigation.sections, content.action.edit, search.highlight]
plugins: [search, tags]
not_in_nav: /pages/
nav:
  - index.md
  - tags.md
"""
PLAIN_PAGE = "# Įrašas {n}\n\n| Laukas | Reikšmė |\n|---|---|\n" + "".join(
    f"| Laukas {i} | Reikšmė {i} numeriui {{n}} |\n" for i in range(10)
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,10000,20000", help="records per site")
    parser.add_argument("--repeat", type=int, default=3, help="timed builds of each (default 3)")
    parser.add_argument("--out", type=Path, help="keep the repositories and sites in DIR")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",")]
    bin_dir = Path(sys.executable).parent
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    rows = []
    with tempfile.TemporaryDirectory(prefix="rysiai-bench-site-") as temporary:
        out = args.out or Path(temporary)
        for size in sizes:
            repository = out / f"records-{size}"
            plain = out / f"plain-{size}"
            generate_repository(repository, size)
            write_plain_site(plain, size)
            ours_command = [str(bin_dir / "rysiai"), "build", "--root", str(repository), "-d", str(out / "site-ours")]
            plain_command = [
                str(bin_dir / "mkdocs"), "build", "-q", "-f", str(plain / "mkdocs.yml"), "-d", str(out / "site-plain"),
            ]
            ours, theirs = [], []
            for run in range(args.repeat):
                ours.append(timed(ours_command, environment))
                theirs.append(timed(plain_command, environment))
                log(f"{size} records, run {run + 1}/{args.repeat}: rysiai build {ours[-1]:.1f} s, "
                    f"plain {theirs[-1]:.1f} s")
            rows.append((size, ours, theirs, record_page_size(out / "site-ours", size)))
            shutil.rmtree(out / "site-ours", ignore_errors=True)
            shutil.rmtree(out / "site-plain", ignore_errors=True)
    # The ratio is the median of the run-by-run ratios: each pair ran back to back, so a slow
    # spell of the shared machine falls on both.
    print("| records | rysiai build, median | plain mkdocs-material, median | ratio (median of pairs) | per record | record page, average |")
    print("|--:|--:|--:|--:|--:|--:|")
    for size, ours, theirs, page_size in rows:
        a, b = statistics.median(ours), statistics.median(theirs)
        ratio = statistics.median(x / y for x, y in zip(ours, theirs))
        print(f"| {size:,} | {a:.1f} s ({min(ours):.1f}–{max(ours):.1f}) | {b:.1f} s ({min(theirs):.1f}–{max(theirs):.1f}) "
              f"| {ratio:.2f}× | {a / size * 1000:.2f} ms | {page_size / 1024:.1f} KB |")
    return 0


def write_plain_site(folder: Path, pages: int) -> None:
    (folder / "docs" / "pages").mkdir(parents=True, exist_ok=True)
    (folder / "mkdocs.yml").write_text(PLAIN_CONFIG, encoding="utf-8")
    (folder / "docs" / "index.md").write_text("# Plain pages\n", encoding="utf-8")
    (folder / "docs" / "tags.md").write_text("# Žymos\n\n<!-- material/tags -->\n", encoding="utf-8")
    for number in range(pages):
        (folder / "docs" / "pages" / f"p{number}.md").write_text(PLAIN_PAGE.format(n=number), encoding="utf-8")


def record_page_size(site: Path, records: int) -> float:
    """Average bytes of a record page (`<collection>/<id>/index.html`)."""
    total = sum(
        page.stat().st_size
        for collection in ("partners", "contacts", "associations", "visits")
        for page in (site / collection).glob("*/index.html")
    )
    return total / records


if __name__ == "__main__":
    sys.exit(main())
