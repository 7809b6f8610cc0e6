"""References between records: what each record points at, and what points back at it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from .loading import Record
from .repository import Repository
from .schema import Field


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
