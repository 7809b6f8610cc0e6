"""One writer at a time: a lock file in the data repository, released when its holder ends.

The lock is flock(2) on `.rysiai/lock`: the kernel lets go of it when the process ends, however
it ends (`kill -9` included), so a lock is never left behind. The file also says who holds it
(user, computer, process, command) and since when, for the message a second writer gets. Each
taking of the lock opens the file anew, so two threads of one server (the browser editor, one
save each) wait for each other as two processes do.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import getpass
import json
import os
import socket
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import RysiaiError
from ..language import _
from .safe_files import write_atomically

STATE_FOLDER = ".rysiai"
LOCK_FILE = "lock"
DEFAULT_WAIT = 5.0  # seconds a second writer waits before it gives up
WAIT_VARIABLE = "RYSIAI_LOCK_WAIT"  # the wait, in seconds, for the setups that need another
POLL = 0.05


class WriteLockBusy(RysiaiError):
    """Another writer holds the data repository's lock, and did not let go in time."""


@dataclass(frozen=True)
class Holder:
    """Who holds (or last held) the lock."""

    user: str
    host: str
    pid: int
    command: str
    since: str  # ISO 8601, local time with its offset

    @property
    def who(self) -> str:
        return f"{self.user}@{self.host}"

    def describe(self) -> str:
        return _("`{command}` by {who} (process {pid}), since {since}").format(
            command=self.command, who=self.who, pid=self.pid, since=self.since.replace("T", " ")[:19])

    @classmethod
    def now(cls, command: str) -> Holder:
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no login name to be had (a service without one)
            user = "unknown"
        since = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        return cls(user, socket.gethostname(), os.getpid(), command, since)


def state_folder(root: Path) -> Path:
    """`.rysiai/` in the data repository (made on first use), which git is told to ignore."""
    folder = root / STATE_FOLDER
    ignore = folder / ".gitignore"
    if not ignore.exists():
        folder.mkdir(exist_ok=True)
        # Data repositories made before this folder existed have no line for it in .gitignore.
        write_atomically(ignore, "# Ryšiai's lock and journal: never committed\n*\n".encode("utf-8"))
    return folder


class WriteLock:
    """``with WriteLock(root, "rysiai mv a b"):`` — the data repository's lock, held in the block.

    A second writer waits ``wait`` seconds (default RYSIAI_LOCK_WAIT, else 5), then
    WriteLockBusy says who holds the lock and since when.
    """

    def __init__(self, root: Path, command: str, *, wait: float | None = None):
        self.root = root
        self.command = command
        self.wait = lock_wait() if wait is None else wait
        self.holder: Holder | None = None
        self._descriptor: int | None = None

    def __enter__(self) -> WriteLock:
        path = state_folder(self.root) / LOCK_FILE
        descriptor = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(descriptor)
                    raise WriteLockBusy(_busy_message(path, self.wait)) from None
                time.sleep(POLL)
        self.holder = Holder.now(self.command)
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, json.dumps(self.holder.__dict__, ensure_ascii=False).encode("utf-8"), 0)
        self._descriptor = descriptor
        return self

    def __exit__(self, *exc_info) -> None:
        descriptor, self._descriptor = self._descriptor, None
        if descriptor is None:
            return
        try:
            os.ftruncate(descriptor, 0)  # no one holds it now: an empty file says so
        finally:
            os.close(descriptor)  # closing lets go of the lock


def lock_wait() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_VARIABLE, DEFAULT_WAIT)))
    except ValueError:
        raise RysiaiError(_("{variable} must be a number of seconds, not {value!r}").format(
            variable=WAIT_VARIABLE, value=os.environ[WAIT_VARIABLE])) from None


def current_holder(root: Path) -> Holder | None:
    """Who holds the lock now; None where no one does (a writer that ended leaves it free)."""
    path = root / STATE_FOLDER / LOCK_FILE
    try:
        descriptor = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return _read_holder(path) or Holder("unknown", "unknown", 0, "unknown", "")
        fcntl.flock(descriptor, fcntl.LOCK_UN)
        return None
    finally:
        os.close(descriptor)


def _read_holder(path: Path) -> Holder | None:
    # The holder writes its name just after it takes the lock: a moment's wait may be needed.
    for _attempt in range(10):
        try:
            return Holder(**json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            time.sleep(POLL)
    return None


def _busy_message(path: Path, waited: float) -> str:
    holder = _read_holder(path)
    if holder is None:
        return _("another change is being written to this data repository by a process that has not "
                 "said who it is. Waited {seconds} s; run the command again when it has finished (the "
                 "lock is {lock})").format(seconds=f"{waited:g}", lock=path)
    return _("another change is being written to this data repository: {holder}. Waited {seconds} s; "
             "run the command again when that one has finished (the lock is {lock})").format(
        holder=holder.describe(), seconds=f"{waited:g}", lock=path)
