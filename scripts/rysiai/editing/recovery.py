"""A change stopped halfway (its journal left behind) is finished, or undone, by the next writer.

A committed change is carried through: its new contents are all staged and flushed, so the end
state is known. It is undone only where the journal itself is damaged, or where undoing was
already under way. Either way each file is looked at first: one that is neither as the change
found it nor as it leaves it was edited after the interruption, and is left as it is (and named).
"""

from __future__ import annotations

import errno
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from ..errors import RysiaiError
from ..findings import Finding, catalogue
from ..language import _, ngettext
from .journal import (
    PLAN,
    ROLLING_BACK,
    Plan,
    finish,
    pending_changes,
    put_new,
    step,
    sync_folders,
)
from .safe_files import digest_of, fsync_folder, write_atomically
from .write_lock import Holder, current_holder


@dataclass(frozen=True)
class Recovery:
    """What the next writer did with an interrupted change."""

    holder: Holder
    finished: bool  # True: carried through; False: undone
    files: tuple[str, ...]
    left: tuple[str, ...]  # edited after the interruption: left as they are

    def describe(self) -> str:
        if self.finished:
            text = _("an interrupted change, {holder}, was finished: {files}")
        else:
            text = _("an interrupted change, {holder}, was undone (its journal was damaged): {files}")
        text = text.format(holder=self.holder.describe(), files=_files(self.files))
        if self.left:
            text += _("; edited after the interruption, so left as they are (check them): {files}").format(
                files=_files(self.left))
        return text


@dataclass(frozen=True)
class InterruptedChange:
    """A change that stopped halfway and waits for the next writing command."""

    journal: Path
    holder: Holder | None  # None: the journal cannot be read
    files: tuple[str, ...]

    def describe(self) -> str:
        if self.holder is None:
            return _("a change was interrupted and its journal ({journal}) cannot be read").format(journal=self.journal)
        return _("a change was interrupted: {holder}; it was writing {files}").format(
            holder=self.holder.describe(), files=_files(self.files))


def recover(root: Path) -> list[Recovery]:
    """Finish or undo every change the journal holds; the caller holds the lock."""
    done = []
    for folder in pending_changes(root):
        if not (folder / PLAN).exists():  # stopped before it was committed: nothing was touched
            shutil.rmtree(folder, ignore_errors=True)
            continue
        plan = Plan.read(folder)
        if (folder / ROLLING_BACK).exists() or _damaged(root, folder, plan):
            (folder / ROLLING_BACK).touch()
            fsync_folder(folder)
            left, finished = roll_back(root, folder, plan), False
        else:
            left, finished = roll_forward(root, folder, plan), True
        finish(folder)
        done.append(Recovery(plan.holder, finished, tuple(e.path for e in plan.entries), tuple(left)))
    return done


def interrupted_change(root: Path) -> InterruptedChange | None:
    """The change that was interrupted, for `validate`; None where there is none, or where a
    writer is at work now (it finishes any interrupted change before its own)."""
    folders = [folder for folder in pending_changes(root) if (folder / PLAN).exists()]
    if not folders or current_holder(root) is not None:
        return None
    try:
        plan = Plan.read(folders[0])
    except RysiaiError:
        return InterruptedChange(folders[0], None, ())
    return InterruptedChange(folders[0], plan.holder, tuple(entry.path for entry in plan.entries))


def interrupted_change_findings(root: Path) -> list[Finding]:
    """The interrupted change, as `validate` reports it: an error, until a writer finishes it."""
    change = interrupted_change(root)
    if change is None:
        return []
    journal = change.journal.relative_to(root).as_posix()
    if change.holder is None:
        return [catalogue.INTERRUPTED_CHANGE(
            path=journal, command="?", who="?", since="?", files="?",
            hint=_("its journal cannot be read: check the record files with `git status` and `git diff`, "
                   "then delete {journal}").format(journal=journal),
        )]
    holder = change.holder
    return [catalogue.INTERRUPTED_CHANGE(
        path=journal, command=holder.command, who=holder.who,
        since=holder.since.replace("T", " ")[:19], files=_files(change.files),
    )]


def roll_forward(root: Path, folder: Path, plan: Plan) -> list[str]:
    """Write what is not written yet; return the files edited meanwhile (left as they are)."""
    left = []
    for number, entry in enumerate(plan.entries):
        current = digest_of(root / entry.path)
        if current == entry.after:
            continue
        if current != entry.before:
            left.append(entry.path)
            continue
        put_new(root, folder, number, entry)
        step()
    sync_folders(root, plan.entries)
    return left


def roll_back(root: Path, folder: Path, plan: Plan) -> list[str]:
    """Put back what was written, last first; return the files edited meanwhile (left as they are)."""
    left = []
    for number, entry in reversed(list(enumerate(plan.entries))):
        target = root / entry.path
        current = digest_of(target)
        if current == entry.before:
            continue
        kept = folder / "old" / str(number)
        if current != entry.after or (entry.before is not None and digest_of(kept) != entry.before):
            left.append(entry.path)
            continue
        if entry.before is None:
            target.unlink()
        else:
            _put_back(kept, target)
        step()
    sync_folders(root, plan.entries)
    return sorted(left)


def _put_back(kept: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(kept, target)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        write_atomically(target, kept.read_bytes())


def _damaged(root: Path, folder: Path, plan: Plan) -> bool:
    """Whether a new content the change still has to write is missing or not what was staged."""
    for number, entry in enumerate(plan.entries):
        if entry.after is None:
            continue
        staged = folder / "new" / str(number)
        if staged.exists():
            if digest_of(staged) != entry.after:
                return True
        elif digest_of(root / entry.path) == entry.before:
            return True  # not written yet, and its new contents are gone
    return False


def _files(paths) -> str:
    """`3 files (a.yaml, b.yaml, c.yaml)`, the first five named."""
    paths = list(paths)
    shown = ", ".join(paths[:5])
    if len(paths) > 5:
        shown = _("{names} and {n} more").format(names=shown, n=len(paths) - 5)
    return ngettext("{n} file ({names})", "{n} files ({names})", len(paths)).format(n=len(paths), names=shown)
