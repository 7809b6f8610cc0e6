"""Elderships (a kind with `eldership`): the municipality's elderships, from the allowed values of
the fields that name them (the associations' `eldership`), and the records in each: those whose
field names it, and those that refer to one of them (a request from a community)."""

from __future__ import annotations

from collections import defaultdict

from ..loading import Record
from ..repository import Repository, references
from ..words.collation import sort_key
from .people import people_collections


def elderships(repository: Repository) -> list[str]:
    """The elderships in the schema's order (the allowed values of the eldership fields); where
    no field lists them, the ones the records name, in Lithuanian order."""
    listed: dict[str, None] = {}
    for collection in repository.schema.collections.values():
        field = collection.fields.get(collection.kind.eldership or "")
        if field is not None and field.enum:
            listed.update(dict.fromkeys(field.enum))
    if listed:
        return list(listed)
    return sorted({name for record in repository.records for name in elderships_of(repository, record)}, key=sort_key)


def elderships_of(repository: Repository, record: Record) -> list[str]:
    """The elderships a record's own field names."""
    field = repository.schema.collections[record.collection].kind.eldership
    value = record.typed.get(field) if field else None
    if isinstance(value, str):
        return [value]
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def records_by_eldership(repository: Repository) -> dict[str, list[Record]]:
    """Eldership → the records in it, in reading order: those that name it, and (but people,
    who are listed on their organisation's page) those that refer to a record that names it."""
    found: dict[str, dict[str, Record]] = defaultdict(dict)
    named: dict[str, list[str]] = {}
    for record in repository.records:
        own = elderships_of(repository, record)
        if own:
            named[record.id] = own
            for name in own:
                found[name][record.id] = record
    people = set(people_collections(repository.schema))
    for record, _field, target, _place in references(repository):
        if target in named and record.collection not in people:
            for name in named[target]:
                found[name].setdefault(record.id, record)
    order = {record.id: index for index, record in enumerate(repository.records)}
    return {name: sorted(records.values(), key=lambda r: order[r.id]) for name, records in found.items()}
