"""Which of the files a change will touch hold uncommitted changes of their own (git), so that a
command can name them before it writes: after it, `git diff` mixes the two."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path


def uncommitted_changes(root: Path, paths: Iterable[Path]) -> list[Path]:
    """Those of ``paths`` that git sees as changed, added, deleted or untracked; none where
    ``root`` is not in a git working tree (or git is not installed)."""
    wanted = {Path(path).resolve() for path in paths}
    if not wanted:
        return []
    top = _git(root, "rev-parse", "--show-toplevel")
    if top is None:
        return []
    top_folder = Path(top.decode("utf-8").strip()).resolve()
    # Only the folders the change touches are asked about: a large repository stays quick.
    folders = sorted({str(path.parent) for path in wanted if path.parent.is_dir()})
    output = _git(root, "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *folders)
    if output is None:
        return []
    dirty = set()
    fields = output.decode("utf-8", "surrogateescape").split("\0")
    index = 0
    while index < len(fields) and fields[index]:
        status, name = fields[index][:2], fields[index][3:]
        dirty.add((top_folder / name).resolve())
        if "R" in status or "C" in status:  # a rename names the old path next
            index += 1
            dirty.add((top_folder / fields[index]).resolve())
        index += 1
    return sorted(wanted & dirty)


def _git(root: Path, *args: str) -> bytes | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None
