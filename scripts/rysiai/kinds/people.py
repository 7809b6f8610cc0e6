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


TAGS = "tags"  # the field of topics a person or an organisation is marked with


def tagged_people(repository: Repository, tag: str) -> list[Record]:
    """People marked with ``tag``, or working at an organisation marked with it (a media list:
    `žiniasklaida`), in reading order. Tags are compared without regard to letter case."""
    wanted = tag.casefold()

    def tagged(record: Record | None) -> bool:
        tags = record.typed.get(TAGS) if record is not None else None
        return isinstance(tags, list) and any(str(item).casefold() == wanted for item in tags)

    return [
        person for person in people(repository)
        if tagged(person) or tagged(repository.by_id.get(organization_of(repository, person) or ""))
    ]


def person_with_email(repository: Repository, email: str) -> Record | None:
    """The person whose e-mail is ``email`` (letter case aside), if exactly one has it."""
    wanted = email.strip().casefold()
    found = [person for person in people(repository) if str(person.typed.get("email") or "").casefold() == wanted]
    return found[0] if wanted and len(found) == 1 else None
