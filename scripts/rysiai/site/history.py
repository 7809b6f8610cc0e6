"""When and by whom each record file last changed, from git, read in one `git log`."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
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
    return ChangesRead.start(root, folders).result()


class ChangesRead:
    """`git log` over the record folders, started to run beside other work (a build loads and
    checks the records meanwhile); its output goes to a temporary file, not a pipe, so that
    git never waits for a reader, and no thread is needed."""

    def __init__(self, process: subprocess.Popen | None, output):
        self._process = process
        self._output = output

    @classmethod
    def start(cls, root: Path, folders: list[str]) -> ChangesRead:
        output = tempfile.TemporaryFile()
        try:
            process = subprocess.Popen(
                [
                    "git", "-C", str(root), "-c", "core.quotepath=off", "log", "--no-merges", "--no-renames",
                    f"--format={_COMMIT}%H{_FIELD}%aI{_FIELD}%an", "--name-only", "--relative",
                    "--", *folders,
                ],
                stdout=output, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL,
            )
        except OSError:
            process = None
        return cls(process, output)

    def close(self) -> None:
        """Stop git where its answer is no longer wanted (the build stopped)."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
        self._output.close()

    def result(self) -> dict[str, Change]:
        """Each file's last change (waits for git where it is still at work)."""
        try:
            if self._process is None or self._process.wait() != 0:
                return {}
            self._output.seek(0)
            text = self._output.read().decode("utf-8", errors="replace")
        except BaseException:  # (interrupted while waiting: git is not left at work)
            self.close()
            raise
        finally:
            self._output.close()
        changes: dict[str, Change] = {}
        current: Change | None = None
        for line in text.split("\n"):  # not splitlines(): it splits on \x1e too
            if line.startswith(_COMMIT):
                commit, date, author = line[1:].split(_FIELD, 2)
                current = Change(date=dt.datetime.fromisoformat(date), author=author, commit=commit)
            elif line and current is not None:
                changes.setdefault(line, current)  # newest first: the first seen is the last change
        return changes
