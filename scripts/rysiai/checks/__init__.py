"""The checks: one module per family, each a ``check(repository)`` yielding findings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..loading import Record
from ..repository import Repository
from ..schema import Field


def checked_values(repository: Repository, check: str) -> Iterator[tuple[Record, Field, Any, tuple]]:
    """Every typed value of every field whose ``check`` is ``check``, with its place.

    List fields give each item; array fields are searched inside their items.
    """
    fields_by_collection = {
        name: _fields_with_check(collection.fields, check)
        for name, collection in repository.schema.collections.items()
    }
    for record in repository.records:
        for place, field in fields_by_collection[record.collection]:
            yield from _values_at(record, record.typed, place, field)


def _fields_with_check(fields: dict[str, Field], check: str) -> list[tuple[tuple, Field]]:
    found = []
    for field in fields.values():
        if field.check == check:
            found.append(((field.name,), field))
        for place, sub_field in _fields_with_check(field.fields, check):
            found.append(((field.name,) + place, sub_field))
    return found


def _values_at(record: Record, values: dict, place: tuple, field: Field, prefix: tuple = ()):
    name, rest = place[0], place[1:]
    value = values.get(name)
    if value is None:
        return
    if rest:  # an array field: look inside each item
        for index, item in enumerate(value):
            yield from _values_at(record, item, rest, field, prefix + (name, index))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield record, field, item, prefix + (name, index)
    else:
        yield record, field, value, prefix + (name,)
