"""When and by whom each record file last changed, from git, read in one `git log`."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass
from pathlib import Path

_COMMIT = "\x1e"  # starts each commit's header line
_FIELD = "\x1f"


@dataclass(frozen=True)
class Change:
    """The last commit that touched a file."""

    date: dt.datetime
    author: str
    commit: str


def last_changes(root: Path, folders: list[str]) -> dict[str, Change]:
    """For each file under ``folders`` (paths relative to ``root``), its last change.

    Empty when ``root`` is not in a git repository or git is missing: the site then leaves the
    "last changed" lines out.
    """
    try:
        done = subprocess.run(
            [
                "git", "-C", str(root), "-c", "core.quotepath=off", "log", "--no-merges", "--no-renames",
                f"--format={_COMMIT}%H{_FIELD}%aI{_FIELD}%an", "--name-only", "--relative",
                "--", *folders,
            ],
            capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
        )
    except OSError:
        return {}
    if done.returncode != 0:
        return {}
    changes: dict[str, Change] = {}
    current: Change | None = None
    for line in done.stdout.split("\n"):  # not splitlines(): it splits on \x1e too
        if line.startswith(_COMMIT):
            commit, date, author = line[1:].split(_FIELD, 2)
            current = Change(date=dt.datetime.fromisoformat(date), author=author, commit=commit)
        elif line and current is not None:
            changes.setdefault(line, current)  # newest first: the first seen is the last change
    return changes
