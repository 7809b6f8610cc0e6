"""Benchmark: `rysiai validate` on one large CSV file, and on findings that once grew quadratically.

Each case is a synthetic data repository, validated as a whole process (start-up included),
--repeat times; the table gives medians, min–max in brackets:

- one contacts CSV of 50,000, 100,000 and 200,000 rows (valid, written as the synthetic
  generator writes contacts) beside 100 partners in YAML: the cost per row should stay flat;
- 20,000 CSV rows referring to one missing organisation (20,000 `reference` errors): the hint
  for a missing id is looked up once, not once per row;
- 14,000 contacts sharing 120 names: possible duplicates come as 120 groups, not as pairs.

Beside the time on the clock, the processor time of `rysiai validate` and its second process
(user and system), which other work on a shared machine disturbs far less.

    python bench/bench_csv.py [--rows 50000,100000,200000] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from rysiai.editing.new_repository import create_repository
from rysiai.synthetic import _Generator

COLUMNS = ["id", "name", "organization", "position", "email", "phone", "languages", "public",
           "legal_basis", "tags", "notes", "reviewed"]
PARTNERS = 100


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", default="50000,100000,200000", help="rows of the one CSV file")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per case (default 5)")
    args = parser.parse_args(argv)
    rysiai_command = Path(sys.executable).parent / "rysiai"
    cases = [(f"one CSV of {int(rows):,} rows", int(rows), "valid", 0)
             for rows in args.rows.replace("_", "").split(",")]
    cases += [("20,000 rows referring to one missing id", 20_000, "missing", 1),
              ("14,000 contacts sharing 120 names", 14_000, "names", 0)]
    results = []
    with tempfile.TemporaryDirectory(prefix="rysiai-bench-csv-") as temporary:
        for number, (title, rows, kind, exit_code) in enumerate(cases):
            root = Path(temporary) / f"case-{number}"
            write_case(root, rows, kind)
            findings = check(rysiai_command, root, exit_code)
            runs = [timed([str(rysiai_command), "validate", "--root", str(root)], exit_code)
                    for _ in range(args.repeat)]
            log(f"{title}: {' '.join(f'{wall:.2f} ({cpu:.2f})' for wall, cpu in runs)} s; {findings}")
            results.append((title, rows, [wall for wall, _ in runs], [cpu for _, cpu in runs], findings))
    print("| case | validate, median | processor time, median | per row (processor) | findings |")
    print("|---|--:|--:|--:|---|")
    for title, rows, walls, cpus, findings in results:
        cpu = statistics.median(cpus)
        print(f"| {title} | {statistics.median(walls):.2f} s ({min(walls):.2f}–{max(walls):.2f}) "
              f"| {cpu:.2f} s ({min(cpus):.2f}–{max(cpus):.2f}) | {cpu / rows * 1e6:.0f} µs "
              f"| {findings} |")
    return 0


def write_case(root: Path, rows: int, kind: str) -> None:
    """A data repository of PARTNERS partners (YAML) and one contacts CSV of ``rows`` rows."""
    create_repository(root)
    gen = _Generator(random.Random(0), rows + 2 * PARTNERS + 120)  # one name core each
    partners = [gen.partner() for _ in range(PARTNERS)]
    for partner_id, record in partners:
        (root / "partners" / f"{partner_id}.yaml").write_text(
            yaml.safe_dump(record, allow_unicode=True, sort_keys=False), encoding="utf-8")
    names = [f"Jonas Pav{gen._core(4)}" for _ in range(120)] if kind == "names" else []
    with open(root / "contacts" / "contacts.csv", "w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(COLUMNS)
        for row in range(rows):
            contact_id, record = gen.contact(gen.person(), partners)
            if kind == "missing":
                record["organization"] = "nera-tokios-organizacijos"
            if kind == "names":
                record = {"name": names[row % 120]}
            writer.writerow([contact_id] + [cell(record.get(column)) for column in COLUMNS[1:]])


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return "; ".join(value)
    return str(value)


def check(rysiai_command: Path, root: Path, exit_code: int) -> str:
    """Validate once (also warming the page cache); what was found, by code."""
    done = subprocess.run([str(rysiai_command), "validate", "--root", str(root), "--format", "json"],
                          capture_output=True, text=True)
    if done.returncode != exit_code:
        raise SystemExit(f"validate exited {done.returncode}, not {exit_code}: {done.stdout[:2000]}"
                         f"{done.stderr[-2000:]}")
    codes: dict[str, int] = {}
    for finding in json.loads(done.stdout)["findings"]:
        codes[finding["code"]] = codes.get(finding["code"], 0) + 1
    return ", ".join(f"{count:,} {code}" for code, count in sorted(codes.items())) or "none"


def timed(command: list[str], exit_code: int) -> tuple[float, float]:
    """Seconds on the clock, and of processor time (the command and its second process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != exit_code:
        raise SystemExit(f"{command[0]} exited {done.returncode}: {done.stderr[-2000:]}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
