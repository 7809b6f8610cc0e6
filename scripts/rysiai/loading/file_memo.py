"""Record files already read, kept by a process that loads the same repository again and again
(`rysiai serve`): loading again reads and types only the files that changed since."""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from ..findings import Finding
from .record import Record


@dataclass
class ReadFile:
    """One file as it was read: its records (typed) and what was found in reading and typing it."""

    stamp: tuple
    records: list[Record]
    read: list[Finding]
    typed: list[Finding]


@dataclass
class FileMemo:
    """Files by their path in the repository, for one schema: another schema forgets them all."""

    schema: str = ""
    files: dict[str, ReadFile] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)  # the files of this loading

    def begin(self, schema: str) -> None:
        """A new loading, with the schema it reads by."""
        if schema != self.schema:
            self.schema, self.files = schema, {}
        self.seen = set()

    def end(self) -> None:
        """Forget the files this loading did not see (deleted, renamed)."""
        self.files = {path: read for path, read in self.files.items() if path in self.seen}

    def known(self, path: str, location: str) -> ReadFile | None:
        """The file as read before, if it has not changed since (same size, times and inode)."""
        found = self.files.get(path)
        if found is None:
            return None
        try:
            status = os.stat(location)
        except OSError:
            return None
        return found if found.stamp == stamp(status) else None


def stamp(status: os.stat_result) -> tuple:
    return (status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino)
