"""The data repository: finds its root, loads every collection, indexes records by id, and knows
the references between records (what each points at, and what points back at it)."""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .errors import RepositoryNotFound
from .findings import Finding
from .language import _
from .loading import Record, read_collection
from .loading.file_memo import FileMemo
from .schema import SCHEMA_FILE, Field, Schema, load_schema


def find_root(start: Path | None = None) -> Path:
    """The nearest folder from ``start`` upward that holds datapackage.yaml."""
    start = (start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        if (folder / SCHEMA_FILE).is_file():
            return folder
    raise RepositoryNotFound(
        _("no data repository here: neither {start} nor a folder above it holds {schema} (give one "
          "with --root DIR, or create one with `rysiai init DIR`)").format(start=start, schema=SCHEMA_FILE)
    )


@dataclass
class Repository:
    """All records of a data repository, as loaded; loading problems are in ``findings``."""

    root: Path
    schema: Schema
    records: list[Record]
    findings: list[Finding] = field(default_factory=list)
    by_id: dict[str, Record] = field(default_factory=dict)
    today: dt.date = field(default_factory=dt.date.today)  # what "overdue" is measured against

    def collection(self, name: str) -> list[Record]:
        return [record for record in self.records if record.collection == name]


def load_repository(root: Path, memo: FileMemo | None = None) -> Repository:
    """Load every collection under ``root``; raises RepositoryNotFound or SchemaError only.
    ``memo`` keeps the files read, for the next loading to read only those that changed."""
    if not (root / SCHEMA_FILE).is_file():
        raise RepositoryNotFound(
            _("{root} is not a data repository: it holds no {schema} (create one with `rysiai init {root}`)")
            .format(root=root, schema=SCHEMA_FILE)
        )
    schema = load_schema(root)
    records: list[Record] = []
    findings: list[Finding] = []
    if memo is not None:
        memo.begin(hashlib.blake2b((root / SCHEMA_FILE).read_bytes()).hexdigest())
    with paused_garbage_collection():
        for collection in schema.collections.values():
            found_records, found = read_collection(root, collection, memo)
            records.extend(found_records)
            findings.extend(found)
    if memo is not None:
        memo.end()
    by_id: dict[str, Record] = {}
    for record in records:
        by_id.setdefault(record.id, record)
    return Repository(root=root, schema=schema, records=records, findings=findings, by_id=by_id)


@contextmanager
def paused_garbage_collection() -> Iterator[None]:
    """Pause Python's cycle collector while many small, acyclic objects are made.

    Loading makes hundreds of thousands of dicts, lists and strings and no reference cycles;
    the collector would scan them again and again for nothing (a quarter of the loading time
    at 20k records). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def references(repository: Repository) -> Iterator[tuple[Record, Field, str, tuple]]:
    """Every reference in the repository: (record, field, referenced id, place)."""
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        yield from _in_mapping(record, collection.fields, record.typed, ())


def backlinks(repository: Repository) -> dict[str, list[tuple[Record, tuple]]]:
    """For each referenced id, the records that refer to it and where (in reading order)."""
    found: dict[str, list[tuple[Record, tuple]]] = defaultdict(list)
    for record, _field, target, place in references(repository):
        found[target].append((record, place))
    return found


def _in_mapping(record: Record, fields: dict[str, Field], typed: dict, prefix: tuple):
    for name, value in typed.items():
        field = fields.get(name)
        if field is None:
            continue
        place = prefix + (name,)
        if field.type == "array":
            for index, item in enumerate(value):
                yield from _in_mapping(record, field.fields, item, place + (index,))
        elif field.references:
            if isinstance(value, list):
                for index, item in enumerate(value):
                    yield record, field, item, place + (index,)
            else:
                yield record, field, value, place
