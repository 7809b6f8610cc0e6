"""The journal of a change: every new content is staged and the plan written down before any
record file is touched, so that a change stopped halfway can be finished or undone.

A change lives in `.rysiai/journal/<id>/`: `new/N` holds the Nth file's new contents, `old/N`
its contents before (a second name of the same file, which costs no copy: the change gives the
record file a new file, the old one lives on under this name), and `plan.json` lists the files
with a fingerprint of each before and after. The plan is written last, in one step: without it
no record file has been touched and the folder is simply removed; with it the change is
committed and is carried through to the end, by this process or by the next writing command.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import RysiaiError
from ..language import _, system_problem
from .safe_files import (
    digest,
    file_mode,
    flush_to_disk,
    fsync_folder,
    write_atomically,
    write_new_file,
)
from .write_lock import Holder, state_folder

JOURNAL = "journal"
PLAN = "plan.json"
ROLLING_BACK = "rolling-back"  # written when a committed change is being undone instead
# For the kill tests: stop dead (SIGKILL) at the Nth step of writing a change, or pause at it
# ("N:FILE": FILE.paused is made, and the process waits until FILE exists).
KILL_VARIABLE = "RYSIAI_TEST_KILL_AT_STEP"
PAUSE_VARIABLE = "RYSIAI_TEST_PAUSE_AT_STEP"


@dataclass(frozen=True)
class Entry:
    """One file of a change: its path in the repository, the fingerprint of its contents before
    and after (None: no file), and the permissions it is written with."""

    path: str
    before: str | None
    after: str | None
    mode: int | None


@dataclass(frozen=True)
class Plan:
    holder: Holder
    entries: tuple[Entry, ...]

    def to_json(self) -> str:
        return json.dumps({"holder": asdict(self.holder), "files": [asdict(e) for e in self.entries]}, ensure_ascii=False, indent=1)

    @classmethod
    def read(cls, folder: Path) -> Plan:
        path = folder / PLAN
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return cls(Holder(**data["holder"]), tuple(Entry(**entry) for entry in data["files"]))
        except (OSError, ValueError, TypeError, KeyError) as error:
            raise RysiaiError(_(
                "{path}: the journal of an interrupted change cannot be read ({problem}), so it cannot "
                "be finished. Check the record files with `git status` and `git diff`, then delete "
                "the folder {folder}").format(path=path, problem=error, folder=folder)) from None


def journal_folder(root: Path) -> Path:
    return root / ".rysiai" / JOURNAL


def pending_changes(root: Path) -> list[Path]:
    """The journal folders left by changes that did not end, oldest first."""
    try:
        return sorted(path for path in journal_folder(root).iterdir() if path.is_dir())
    except FileNotFoundError:
        return []


def write_change(root: Path, holder: Holder, changes: list[tuple[str, bytes | None, int | None, bool]]) -> list[str]:
    """Write ``changes`` (path in the repository, new contents or None to delete, permissions for
    a new file, whether it must be new) through the journal; return the paths that changed. The
    caller holds the lock."""
    state_folder(root)
    folder = journal_folder(root) / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}"
    (folder / "new").mkdir(parents=True)
    (folder / "old").mkdir()
    try:
        entries, to_flush = _stage(root, folder, changes)
        plan = Plan(holder, tuple(entries))
        if entries:
            flush_to_disk(to_flush)
            for part in ("new", "old", ""):
                fsync_folder(folder / part)
            step()
            write_atomically(folder / PLAN, plan.to_json().encode("utf-8"))
            step()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)  # no record file has been touched yet
        raise
    if not entries:
        shutil.rmtree(folder)
        return []
    current = entries[0].path
    try:
        for number, entry in enumerate(entries):
            current = entry.path
            put_new(root, folder, number, entry)
            step()
        sync_folders(root, entries)
    except OSError as error:
        _roll_back_now(root, folder, plan, _("{path}: cannot be written ({problem})").format(path=current, problem=system_problem(error)))
    except KeyboardInterrupt:  # Ctrl-C halfway: the change is committed, so it is finished first
        from .recovery import roll_forward

        roll_forward(root, folder, plan)
        finish(folder)
        raise
    finish(folder)
    return [entry.path for entry in entries]


def _stage(root: Path, folder: Path, changes) -> tuple[list[Entry], list[Path]]:
    entries, to_flush = [], []
    for path, content, new_mode, must_be_new in changes:
        target = root / path
        if target.is_dir():
            raise RysiaiError(_("{path}: is a folder, where the change would write a file; nothing was changed").format(path=path))
        before = target.read_bytes() if target.exists() else None
        if must_be_new and before is not None:
            raise RysiaiError(_("{path} exists already (made meanwhile?); it is never replaced: nothing was changed").format(path=path))
        if before == content:
            continue
        number, mode = len(entries), file_mode(target)
        if before is not None and _keep_old(target, folder / "old" / str(number)):
            to_flush.append(folder / "old" / str(number))
        if content is not None:
            write_new_file(folder / "new" / str(number), content, mode if mode is not None else new_mode)
            to_flush.append(folder / "new" / str(number))
        entries.append(Entry(path, None if before is None else digest(before), None if content is None else digest(content), mode))
        step()
    return entries, to_flush


def _keep_old(target: Path, keep: Path) -> bool:
    """Keep the file's contents before under a second name; True where that made a copy."""
    try:
        os.link(target, keep)
        return False
    except OSError:  # a file system without hard links
        shutil.copy2(target, keep)
        return True


def put_new(root: Path, folder: Path, number: int, entry: Entry) -> None:
    target = root / entry.path
    if entry.after is None:
        target.unlink(missing_ok=True)
        return
    staged = folder / "new" / str(number)
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(staged, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        write_atomically(target, staged.read_bytes())  # a folder on another file system
        staged.unlink()


def sync_folders(root: Path, entries) -> None:
    for parent in sorted({(root / entry.path).parent for entry in entries}):
        if parent.is_dir():
            fsync_folder(parent)
    step()


def _roll_back_now(root: Path, folder: Path, plan: Plan, problem: str) -> None:
    """Undo a change that failed while it was being applied, and say so."""
    from .recovery import roll_back

    (folder / ROLLING_BACK).touch()
    fsync_folder(folder)
    left = roll_back(root, folder, plan)
    finish(folder)
    if left:
        raise RysiaiError(_(
            "{problem}; the change was undone, but {files} could not be put back as it was (it was "
            "changed meanwhile): check it").format(problem=problem, files=", ".join(left)))
    raise RysiaiError(_("{problem}; the change was undone: nothing was changed").format(problem=problem))


def finish(folder: Path) -> None:
    """The change is through (or undone): its journal goes, the plan first."""
    (folder / PLAN).unlink(missing_ok=True)
    fsync_folder(folder)
    step()
    shutil.rmtree(folder, ignore_errors=True)


_steps = 0


def step() -> None:
    """One step of writing a change: where the kill tests stop or pause the process."""
    global _steps
    _steps += 1
    if os.environ.get(KILL_VARIABLE) == str(_steps):
        os.kill(os.getpid(), signal.SIGKILL)
    number, _colon, release = os.environ.get(PAUSE_VARIABLE, "").partition(":")
    if number == str(_steps):
        Path(release + ".paused").touch()
        while not Path(release).exists():
            time.sleep(0.01)


def steps_taken() -> int:
    return _steps
