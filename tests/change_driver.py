"""A writer in its own process, for the tests of safe writes: killed, paused, or run side by side.

    python change_driver.py ROOT rename     # the change of `mv old-id new-id`, made by hand
    python change_driver.py ROOT recover    # what any writing command does first
    python change_driver.py ROOT hold       # take the lock, say so, and keep it
    python change_driver.py ROOT count N    # N times: under the lock, add one to count.txt
    python change_driver.py ROOT flip N     # N times: write a.bin all "a", then all "b" (atomically)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from rysiai.editing.change_set import ChangeSet, writing
from rysiai.editing.journal import steps_taken
from rysiai.editing.safe_files import write_atomically
from rysiai.errors import RysiaiError


def rename_change(root: Path) -> None:
    """Every reference to `old-id` becomes `new-id`, the record's file is renamed, a file is
    deleted and one is made in a new folder: each kind of step a change has."""
    print("start", flush=True)
    with writing(root, "driver rename") as writer:
        changes = ChangeSet(root)
        for path in sorted((root / "refs").glob("*.yaml")) + [root / "big.csv"]:
            changes.write(path, path.read_bytes().replace(b"old-id", b"new-id"))
        changes.rename("people/old-id.yaml", "people/new-id.yaml")
        changes.delete("gone.yaml")
        changes.write("fresh/new.yaml", b"name: New\n")
        writer.apply(changes)
    print(f"steps {steps_taken()}")


def recover(root: Path) -> None:
    with writing(root, "driver recover") as writer:
        for recovery in writer.recovered:
            print(recovery.describe())


def hold(root: Path) -> None:
    with writing(root, "driver hold"):
        print("held", flush=True)
        time.sleep(600)


def count(root: Path, times: int) -> None:
    """Read, wait a moment, write: without the lock two of these lose each other's additions."""
    for _ in range(times):
        with writing(root, "driver count", wait=60) as writer:
            number = int((root / "count.txt").read_text())
            time.sleep(0.002)
            changes = ChangeSet(root)
            changes.write("count.txt", f"{number + 1}\n".encode())
            writer.apply(changes)


def flip(root: Path, times: int) -> None:
    for turn in range(times):
        write_atomically(root / "a.bin", (b"a" if turn % 2 else b"b") * 1_000_000)


if __name__ == "__main__":
    folder, action, *rest = sys.argv[1:]
    try:
        {
            "rename": rename_change, "recover": recover, "hold": hold,
            "count": lambda root: count(root, int(rest[0])), "flip": lambda root: flip(root, int(rest[0])),
        }[action](Path(folder))
    except RysiaiError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
