"""Benchmark: `rysiai validate` on synthetic repositories, against the floor of parsing their YAML.

Both are timed as whole processes, so interpreter start-up and imports count in both; the ratio
says how much validation costs beyond reading and parsing the files with libyaml. Each size is
generated once (untimed), validated once as a check and warm-up (the files are then in the page
cache for every timed run), then validate and floor runs alternate, so that noise on a shared
machine falls on both; the table gives medians.

    python bench/bench_validate.py [--sizes 2000,20000,50000] [--repeat N] [--out DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

import rysiai
from rysiai.errors import RysiaiError
from rysiai.synthetic import generate_repository

# The floor: read every record file and parse it with libyaml, nothing more.
FLOOR = """
import csv, io, os, sys, yaml
root = sys.argv[1]
for collection in ("partners", "contacts", "associations", "visits"):
    folder = os.path.join(root, collection)
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if name.endswith(".yaml"):
            with open(path, "rb") as file:
                yaml.load(file.read().decode("utf-8-sig"), Loader=yaml.CBaseLoader)
        elif name.endswith(".csv"):
            with open(path, "rb") as file:
                list(csv.reader(io.StringIO(file.read().decode("utf-8-sig"), newline="")))
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000,50000", help="records per repository")
    parser.add_argument("--repeat", type=int, default=5, help="timed runs per size (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="generator seed (default 0)")
    parser.add_argument(
        "--out", type=Path, help="keep the repositories in DIR/records-N (default: a temp folder)"
    )
    args = parser.parse_args(argv)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",")]
    rysiai_command = Path(sys.executable).parent / "rysiai"
    if not rysiai_command.exists():
        print(f"no {rysiai_command}: install the project in this Python's venv", file=sys.stderr)
        return 2

    print(f"Python {platform.python_version()} ({platform.python_implementation()}), "
          f"{platform.machine()}, {os.cpu_count()} CPUs")
    print(f"PyYAML {yaml.__version__}, libyaml: {'yes' if yaml.__with_libyaml__ else 'NO'}, "
          f"CBaseLoader: {'yes' if hasattr(yaml, 'CBaseLoader') else 'NO'}; "
          f"rysiai {rysiai.__version__}")
    print(flush=True)

    with tempfile.TemporaryDirectory(prefix="rysiai-bench-") as temporary:
        out = args.out or Path(temporary)
        rows = []
        for size in sizes:
            root = out / f"records-{size}"
            start = time.perf_counter()
            try:
                counts = generate_repository(root, size, seed=args.seed)
            except RysiaiError as error:  # --out already holds this repository
                print(f"bench: {error}", file=sys.stderr)
                return 2
            log(f"{size} records generated in {time.perf_counter() - start:.1f} s: {counts}")
            warnings = check(rysiai_command, root)
            if warnings is None:
                return 1
            repeat = args.repeat
            validate_times, floor_times = [], []
            for run in range(repeat):
                validate_times.append(timed([str(rysiai_command), "validate", "--root", str(root)]))
                floor_times.append(timed([sys.executable, "-c", FLOOR, str(root)]))
                log(f"  run {run + 1}/{repeat}: validate {validate_times[-1]:.2f} s, "
                    f"floor {floor_times[-1]:.2f} s")
            rows.append((size, validate_times, floor_times, warnings))

    # The ratio is the median of the run-by-run ratios: each pair ran back to back.
    print("| records | validate median s | floor median s | ratio (median of pairs) | validate µs/record |")
    print("|--:|--:|--:|--:|--:|")
    for size, validate_times, floor_times, _ in rows:
        validate, floor = statistics.median(validate_times), statistics.median(floor_times)
        ratio = statistics.median(v / f for v, f in zip(validate_times, floor_times))
        print(f"| {size:,} | {validate:.2f} | {floor:.2f} | {ratio:.2f} "
              f"| {validate / size * 1e6:.0f} |")
    print()
    for size, validate_times, floor_times, warnings in rows:
        print(f"{size:,} records: {len(validate_times)} runs, validate {spread(validate_times)}, "
              f"floor {spread(floor_times)}; {warnings} warning(s)")
    return 0


def check(rysiai_command: Path, root: Path) -> int | None:
    """Validate once (also warming the page cache): the number of warnings, or None on errors."""
    done = subprocess.run(
        [str(rysiai_command), "validate", "--root", str(root), "--format", "json"],
        capture_output=True, text=True,
    )
    try:
        findings = json.loads(done.stdout)["findings"]
    except (ValueError, KeyError):
        findings = None
    if done.returncode != 0 or findings is None:
        print(f"rysiai validate failed on the synthetic data at {root} (exit {done.returncode}); "
              f"the generator must write valid data.", file=sys.stderr)
        for finding in (findings or [])[:20]:
            print(f"  {finding['path']}:{finding['line']}: {finding['severity']}: "
                  f"[{finding['code']}] {finding['message']}", file=sys.stderr)
        if findings is None:
            print(done.stderr[-2000:], file=sys.stderr)
        return None
    warnings = [finding for finding in findings if finding["severity"] == "warning"]
    for finding in warnings[:5]:
        log(f"  warning: {finding['path']}: [{finding['code']}] {finding['message']}")
    return len(warnings)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed (exit {done.returncode}): {done.stderr[-2000:]}")
    return elapsed


def spread(times: list[float]) -> str:
    return f"min {min(times):.2f} / max {max(times):.2f} s"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
