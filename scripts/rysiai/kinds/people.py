"""People and the organisations they work at (the `people`, `member_of` and `organizations`
kind): whom vCards hold, whom `rysiai person` and `forget` are about, whom imports add."""

from __future__ import annotations

from ..loading import Record
from ..repository import Repository
from ..schema import Schema


def people_collections(schema: Schema) -> list[str]:
    return [name for name, collection in schema.collections.items() if collection.kind.people]


def organization_collections(schema: Schema) -> list[str]:
    return [name for name, collection in schema.collections.items() if collection.kind.organizations]


def is_person(repository: Repository, record: Record) -> bool:
    return repository.schema.collections[record.collection].kind.people


def people(repository: Repository) -> list[Record]:
    """Every person's record, in reading order."""
    kept = set(people_collections(repository.schema))
    return [record for record in repository.records if record.collection in kept]


def organizations(repository: Repository) -> list[Record]:
    kept = set(organization_collections(repository.schema))
    return [record for record in repository.records if record.collection in kept]


def organization_of(repository: Repository, person: Record) -> str | None:
    """The id a person's record names as their organisation (its `member_of` field), if any."""
    field = repository.schema.collections[person.collection].kind.member_of
    value = person.typed.get(field) if field else None
    return value if isinstance(value, str) else None
