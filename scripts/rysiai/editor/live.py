"""The data repository as the editor keeps it: loaded once, held in memory, and brought up to
date by reading again only the files that changed (by the editor's own saves or from outside:
a `git pull`, a file edited by hand), with the indexes a form needs (who refers to a record,
records by name)."""

from __future__ import annotations

import os
import threading
from collections import defaultdict
from pathlib import Path

from ..findings import Finding, catalogue
from ..loading import Record, read_record_file
from ..repository import Repository, load_repository, references
from ..schema import Collection
from ..words.names import fold
from .look_alikes import LookAlikes

RECORD_FILE_ENDINGS = (".yaml", ".csv")


class LiveRepository:
    """One loaded repository, shared by the editor's threads under ``lock``."""

    def __init__(self, root: Path):
        self.root = root
        self.lock = threading.RLock()
        self.repository: Repository = load_repository(root)
        self.schema = self.repository.schema
        self._stamps: dict[str, tuple[int, int]] = self._scan()
        self._file_findings: dict[str, list[Finding]] = defaultdict(list)
        for finding in self.repository.findings:
            self._file_findings[finding.path].append(finding)
        self._referrers: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        self._index_references(self.repository.records)
        self._folded: dict[str, str] = {record.id: fold(record.label) for record in self.repository.records}
        self.generation = 0  # counts the changes seen, for caches built from the records
        self._look_alikes: LookAlikes | None = None  # built at the first save that needs it

    # -- keeping up with the files -------------------------------------------------------------

    def refresh(self) -> list[str]:
        """Read again every record file that changed on disk since it was last read; the paths."""
        with self.lock:
            stamps = self._scan()
            if stamps == self._stamps:  # the usual case, settled in one comparison
                return []
            before = self._stamps
            changed = [path for path, stamp in stamps.items() if before.get(path) != stamp]
            changed += [path for path in before if path not in stamps]
            for path in sorted(changed):
                self._reload(path)
            self._stamps = stamps
            return changed

    def reload(self, *paths: str) -> None:
        """Read again the files the editor itself has just written (or deleted)."""
        with self.lock:
            for path in paths:
                self._reload(path)
                stamp = self._stamp(self.root / path)
                if stamp is None:
                    self._stamps.pop(path, None)
                else:
                    self._stamps[path] = stamp

    def _scan(self) -> dict[str, tuple[int, int]]:
        stamps = {}
        for name in self.repository.schema.collections:
            folder = self.root / name
            if not folder.is_dir():
                continue
            with os.scandir(folder) as entries:
                for entry in entries:
                    if entry.name.endswith(RECORD_FILE_ENDINGS) and entry.is_file():
                        status = entry.stat()
                        stamps[f"{name}/{entry.name}"] = (status.st_mtime_ns, status.st_size)
        return stamps

    @staticmethod
    def _stamp(path: Path) -> tuple[int, int] | None:
        try:
            status = path.stat()
        except FileNotFoundError:
            return None
        return (status.st_mtime_ns, status.st_size)

    def _reload(self, path: str) -> None:
        repository = self.repository
        collection = repository.schema.collections.get(path.partition("/")[0])
        old = [record for record in repository.records if record.path == path]
        new: list[Record] = []
        findings: list[Finding] = []
        if collection is not None:
            try:
                data = (self.root / path).read_bytes()
            except FileNotFoundError:
                data = None
            except OSError as error:
                data, findings = None, [catalogue.UNREADABLE(path=path, problem=error.strerror)]
            if data is not None:
                new, findings = read_record_file(data, collection, path)
        self._unindex_references(old)
        if self._look_alikes is not None:
            self._look_alikes.remove(old)
        gone = {id(record) for record in old}
        repository.records = [record for record in repository.records if id(record) not in gone] + new
        for record in old:
            if repository.by_id.get(record.id) is record:
                del repository.by_id[record.id]
                other = next((r for r in repository.records if r.id == record.id), None)
                if other is not None:
                    repository.by_id[record.id] = other
            self._folded.pop(record.id, None)
        for record in new:
            repository.by_id.setdefault(record.id, record)
            self._folded[record.id] = fold(record.label)
        self._index_references(new)
        if self._look_alikes is not None:
            self._look_alikes.add(new)
        self._file_findings[path] = findings
        repository.findings = [finding for found in self._file_findings.values() for finding in found]
        self.generation += 1

    # -- indexes ---------------------------------------------------------------------------------

    def _index_references(self, records: list[Record]) -> None:
        part = Repository(root=self.root, schema=self.schema, records=records)
        for source, _field, target, _place in references(part):
            self._referrers[target][source.path].add(source.id)

    def _unindex_references(self, records: list[Record]) -> None:
        part = Repository(root=self.root, schema=self.schema, records=records)
        for source, _field, target, _place in references(part):
            sources = self._referrers.get(target, {}).get(source.path)
            if sources is not None:
                sources.discard(source.id)
                if not sources:
                    del self._referrers[target][source.path]

    def referrers(self, record_id: str) -> list[Record]:
        """The records that refer to ``record_id`` (in any field, item or list), in file order."""
        with self.lock:
            found = []
            for path, ids in sorted(self._referrers.get(record_id, {}).items()):
                for source_id in sorted(ids):
                    record = self.repository.by_id.get(source_id)
                    if record is not None and record.path == path and source_id != record_id:
                        found.append(record)
            return found

    def look_alikes(self, record: Record) -> list[Record]:
        """The other records of ``record``'s collection that share a word of its name, its
        e-mail or its phone (those it may duplicate), in the order of their files."""
        with self.lock:
            if self._look_alikes is None:
                self._look_alikes = LookAlikes(self.schema, self.repository.records)
            by_id = self.repository.by_id
            found = [by_id[other] for other in self._look_alikes.of(record) if other in by_id]
            return sorted(found, key=lambda other: (other.path, other.line))

    def folded_label(self, record_id: str) -> str:
        """A record's name folded (letter case and diacritics aside), kept from its loading."""
        return self._folded.get(record_id, "")

    def record(self, collection: Collection, record_id: str) -> Record | None:
        with self.lock:
            record = self.repository.by_id.get(record_id)
            return record if record is not None and record.collection == collection.name else None

    def label(self, record_id: str) -> str | None:
        with self.lock:
            record = self.repository.by_id.get(record_id)
            return record.label if record is not None else None

    def search(self, collections: tuple[str, ...], query: str, limit: int = 20) -> list[Record]:
        """Records of ``collections`` whose name holds the query's words (letter case and
        diacritics aside: `zalien` finds Žalienė), those starting with it first."""
        words = fold(query).split()
        with self.lock:
            found = []
            for record in self.repository.records:
                if record.collection not in collections:
                    continue
                folded = self._folded.get(record.id, "")
                if all(word in folded for word in words):
                    found.append(record)
        first = words[0] if words else ""
        found.sort(key=lambda record: (not self._folded.get(record.id, "").startswith(first), self._folded.get(record.id, "")))
        return found[:limit]

    def named(self, collections: tuple[str, ...], text: str) -> list[Record]:
        """Records of ``collections`` whose id is ``text``, else whose name is ``text`` (letter
        case and diacritics aside)."""
        with self.lock:
            record = self.repository.by_id.get(text.strip())
            if record is not None and record.collection in collections:
                return [record]
            wanted = " ".join(fold(text).split())
            return [
                record for record in self.repository.records
                if record.collection in collections and " ".join(self._folded.get(record.id, "").split()) == wanted
            ]
