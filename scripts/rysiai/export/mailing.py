"""A mailing list for a mail merge: the names, e-mails, organisations and positions of the people
marked with a tag (a media list: `žiniasklaida`), as a CSV table that Excel and Word read."""

from __future__ import annotations

from ..kinds.people import organization_of, people_collections
from ..loading import Record
from ..repository import Repository
from .vcards import contacts_of

EMAIL, POSITION = "email", "position"


def mailing_list(repository: Repository, tag: str) -> tuple[list[list[str]], list[Record]]:
    """One row per person with an e-mail (name, e-mail, organisation, position), in Lithuanian
    order of names, and the people left out for having no e-mail."""
    rows, without = [], []
    for person in contacts_of(repository, tag=tag):
        email = person.typed.get(EMAIL)
        if not email:
            without.append(person)
            continue
        organization = repository.by_id.get(organization_of(repository, person) or "")
        rows.append([
            person.label, str(email), organization.label if organization is not None else "",
            str(person.typed.get(POSITION) or ""),
        ])
    return rows, without


def mailing_headers(repository: Repository) -> list[str]:
    """The columns' titles, as the people's collection names its fields."""
    names = people_collections(repository.schema)
    collection = repository.schema.collections[names[0]] if names else None
    wanted = ["name", EMAIL, collection.kind.member_of if collection else None, POSITION]
    fields = collection.fields if collection else {}
    return [fields[name].title if name in fields else str(name or "organization") for name in wanted]
