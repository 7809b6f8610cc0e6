"""Benchmark: the cost of safe writes, as `rysiai mv` of a much-referred-to record, before and after.

A repository is generated (untimed) with one partner referred to by 3,000 visit files and by
3,000 rows of a 60,000-row contacts CSV. `rysiai mv` renames the partner back and forth: run by
the code before safe writes (the parent of the commit that added `editing/journal.py`, unpacked
with `git archive`) and by this code, alternately, each as a whole process from the same Python.
Every run is preceded by a sync, so that neither pays for flushing the other's writes. The
table gives medians and the ratio of the medians (target ≤ 1.5).

    python bench/bench_mv.py [--repeat N] [--before REV] [--out DIR]
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
REFERRING_FILES, CSV_ROWS, REFERRING_ROWS = 3000, 60_000, 3000
OLD, NEW = "talsu-novads", "talsu-novado-savivaldybe"
# The CLI of the code at hand, as a module, so that PYTHONPATH decides which code runs.
RUN_CLI = "import sys; from rysiai.cli import main; sys.exit(main())"


def make_repository(root: Path) -> None:
    from rysiai.editing.new_repository import create_repository

    create_repository(root)
    (root / "partners" / f"{OLD}.yaml").write_text(
        "name: Talsu novads\nkind: municipality\ncountry: LV\n# Partneriai nuo 2001 m.\n", encoding="utf-8"
    )
    (root / "partners" / "gmina-luban.yaml").write_text("name: Gmina Lubań\nkind: municipality\ncountry: PL\n", encoding="utf-8")
    for number in range(REFERRING_FILES):
        (root / "visits" / f"vizitas-{number:05}.yaml").write_text(
            f"title: Vizitas Nr. {number}\ndirection: incoming\nstart: 2024-05-{number % 28 + 1:02}\n"
            f"place: Prienai\npartners:\n  - {OLD}  # svečiai\n  - gmina-luban\npurpose: Kultūros mainai.\n",
            encoding="utf-8",
        )
    every = CSV_ROWS // REFERRING_ROWS
    rows = ["id,name,organization,position,email"] + [
        f"kontaktas-{n:05},Asmuo {n},{OLD if n % every == 0 else 'gmina-luban'},specialistas,asmuo{n}@example.lt"
        for n in range(CSV_ROWS)
    ]
    (root / "contacts" / "kontaktai.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


def before_commit(revision: str | None) -> str:
    if revision is None:
        added = git("log", "--diff-filter=A", "--format=%H", "--", "scripts/rysiai/editing/journal.py").split()
        if not added:
            sys.exit("bench: no commit adds scripts/rysiai/editing/journal.py: give --before REV")
        revision = added[-1] + "^"
    return git("rev-parse", "--verify", revision + "^{commit}").strip()


def unpack(commit: str, folder: Path) -> Path:
    if not (folder / "scripts" / "rysiai" / "cli.py").exists():
        folder.mkdir(parents=True, exist_ok=True)
        archive = subprocess.run(["git", "-C", str(PROJECT), "archive", commit, "scripts"], capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive.stdout, check=True)
    return folder / "scripts"


def git(*args: str) -> str:
    return subprocess.run(["git", "-C", str(PROJECT), *args], capture_output=True, text=True, check=True).stdout


def timed_mv(code: Path, root: Path, old: str, new: str) -> tuple[float, float]:
    """The wall time of one `mv`, and the processor time it took (user and system): on a shared
    machine the second varies less, but leaves out waiting for the disk."""
    environment = {**os.environ, "PYTHONPATH": str(code)}
    os.sync()
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", RUN_CLI, "mv", old, new, "--root", str(root)],
                          capture_output=True, text=True, env=environment)
    took = time.perf_counter() - start
    now = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"bench: `rysiai mv {old} {new}` failed with {code}:\n{done.stderr}")
    return took, (now.ru_utime - used.ru_utime) + (now.ru_stime - used.ru_stime)


def which_code(code: Path) -> str:
    environment = {**os.environ, "PYTHONPATH": str(code)}
    return subprocess.run([sys.executable, "-c", "import rysiai; print(rysiai.__file__)"],
                          capture_output=True, text=True, env=environment, check=True).stdout.strip()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=7, help="timed runs of each (default 7)")
    parser.add_argument("--before", metavar="REV", help="the code to compare with (default: before safe writes)")
    parser.add_argument("--out", type=Path, help="keep the repository and the old code in DIR")
    args = parser.parse_args(argv)
    commit = before_commit(args.before)
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} CPUs; "
          f"before: {commit[:12]}, after: the code in {PROJECT / 'scripts'}", flush=True)
    with tempfile.TemporaryDirectory(prefix="rysiai-bench-mv-") as temporary:
        out = args.out or Path(temporary)
        codes = {"before": unpack(commit, out / f"code-{commit[:12]}"), "after": PROJECT / "scripts"}
        for name, code in codes.items():  # each really runs its own code
            assert which_code(code).startswith(str(code)), (name, which_code(code))
        root = out / "repository"
        shutil.rmtree(root, ignore_errors=True)
        make_repository(root)
        names = [OLD, NEW]
        timed_mv(codes["after"], root, *names)  # warm-up: the files are in the page cache after it
        names.reverse()
        times: dict[str, list[float]] = {"before": [], "after": []}
        processor: dict[str, list[float]] = {"before": [], "after": []}
        for _ in range(args.repeat):
            for name, code in codes.items():
                wall, cpu = timed_mv(code, root, *names)
                times[name].append(wall)
                processor[name].append(cpu)
                names.reverse()
    print(f"\n`rysiai mv` of a partner referred to by {REFERRING_FILES:,} files and {REFERRING_ROWS:,} rows "
          f"of a {CSV_ROWS:,}-row CSV ({args.repeat} runs each, alternating):\n")
    print("| code | wall, median | min–max | processor time, median | min–max |\n|---|--:|--:|--:|--:|")
    for name, runs in times.items():
        cpu = processor[name]
        print(f"| {name} | {statistics.median(runs):.2f} s | {min(runs):.2f}–{max(runs):.2f} s "
              f"| {statistics.median(cpu):.2f} s | {min(cpu):.2f}–{max(cpu):.2f} s |")
    ratio = statistics.median(times["after"]) / statistics.median(times["before"])
    pairs = [after / before for before, after in zip(times["before"], times["after"])]
    print(f"\nafter / before, ratio of the medians: {ratio:.2f}× (target ≤ 1.5×); median of the "
          f"run-by-run ratios {statistics.median(pairs):.2f}× ({min(pairs):.2f}–{max(pairs):.2f}); "
          f"processor time {statistics.median(processor['after']) / statistics.median(processor['before']):.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
