"""A change to the data repository, all or nothing: every new content is prepared first, then
written in one go, under the lock and through the journal.

    with writing(root, "rysiai mv a b") as writer:   # waits for the lock; finishes an interrupted change
        repository = load_repository(root)          # read under the lock: no one else writes now
        changes = ChangeSet(root)
        changes.write(path, new_bytes)              # prepared in memory; nothing written yet
        writer.apply(changes)                       # staged, committed, then written

A server (the browser editor) does the same for each save.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RysiaiError
from ..language import _
from .journal import write_change
from .recovery import Recovery, recover
from .safe_files import file_mode
from .write_lock import Holder, WriteLock

# Folders a change never writes into: git's own, and Ryšiai's lock and journal.
OFF_LIMITS = (".git", ".rysiai")


class ChangeSet:
    """The files a change writes, deletes or renames, with their new contents, kept in memory
    until applied. The last word on a path counts."""

    def __init__(self, root: Path):
        self.root = root
        self._contents: dict[str, bytes | None] = {}  # path in the repository → contents; None: deleted
        self._modes: dict[str, int | None] = {}  # the permissions a new file takes (a renamed one's)
        self._new_only: set[str] = set()  # files that must not exist yet

    def write(self, path: Path | str, content: bytes) -> None:
        if not isinstance(content, bytes):
            raise TypeError("a change writes bytes: encode the text as the file has it")
        self._contents[self._relative(path)] = content

    def create(self, path: Path | str, content: bytes) -> None:
        """A new file: the change stops, nothing written, if a file is there by then."""
        self.write(path, content)
        self._new_only.add(self._relative(path))

    def delete(self, path: Path | str) -> None:
        self._contents[self._relative(path)] = None

    def read_bytes(self, path: Path | str) -> bytes:
        """The file as the change leaves it so far: what it will write, else what is on disk."""
        key = self._relative(path)
        if key not in self._contents:
            return (self.root / key).read_bytes()
        if self._contents[key] is None:
            raise FileNotFoundError(2, "deleted by this change", str(self.root / key))
        return self._contents[key]

    def rename(self, old: Path | str, new: Path | str, content: bytes | None = None) -> None:
        """Move the file ``old`` to ``new`` (with ``content``, else its own), permissions kept."""
        old_key, new_key = self._relative(old), self._relative(new)
        if (self.root / new_key).exists() and self._contents.get(new_key, b"") is not None:
            raise RysiaiError(_("{path} exists already; nothing was changed").format(path=new_key))
        if content is None:
            content = self.read_bytes(old_key)
        self._contents[new_key] = content
        self._modes[new_key] = file_mode(self.root / old_key)
        self._contents[old_key] = None
        if not (self.root / new_key).exists():
            self._new_only.add(new_key)  # nor made by anyone else before the change is written

    @property
    def paths(self) -> list[Path]:
        """Every file the change touches (written, created or deleted)."""
        return [self.root / key for key in sorted(self._contents)]

    def __len__(self) -> int:
        return len(self._contents)

    def items(self) -> list[tuple[str, bytes | None, int | None, bool]]:
        """(path, new contents or None, permissions for a new file, whether it must be new)."""
        return [(key, content, self._modes.get(key), key in self._new_only) for key, content in self._contents.items()]

    def _relative(self, path: Path | str) -> str:
        path = Path(path)
        if path.is_absolute():
            try:
                path = path.relative_to(self.root)
            except ValueError:
                raise RysiaiError(_("{path} is outside the data repository {root}").format(path=path, root=self.root)) from None
        parts = path.parts
        if not parts or ".." in parts or parts[0] in OFF_LIMITS:
            raise RysiaiError(_("{path}: a change cannot write there").format(path=path))
        return path.as_posix()


@dataclass
class Writer:
    """The right to write, for as long as the lock is held."""

    root: Path
    holder: Holder
    recovered: list[Recovery] = field(default_factory=list)
    _open: bool = True

    def apply(self, changes: ChangeSet) -> list[Path]:
        """Write the change, all of it or, if it stops, nothing; the files that changed."""
        if not self._open:
            raise RuntimeError("the lock was let go: a change is applied inside `with writing(...)`")
        if changes.root != self.root:
            raise RuntimeError("the change is for another data repository")
        return [self.root / path for path in write_change(self.root, self.holder, changes.items())]


@contextmanager
def writing(root: Path, command: str, *, wait: float | None = None) -> Iterator[Writer]:
    """Hold the data repository's lock (waiting up to ``wait`` seconds for another writer) and
    finish any change that was interrupted, then let the block write."""
    with WriteLock(root, command, wait=wait) as lock:
        writer = Writer(root, lock.holder, recover(root))
        try:
            yield writer
        finally:
            writer._open = False
