"""Contacts as vCards (3.0), which Outlook, Google Contacts and phones import."""

from __future__ import annotations

import vobject

from ..kinds.people import organization_of, people, tagged_people
from ..loading import Record
from ..repository import Repository
from ..words.collation import sort_key
from ..words.contact_points import normalize_phone

UID_DOMAIN = "rysiai"


def contacts_of(repository: Repository, organization: str | None = None, tag: str | None = None) -> list[Record]:
    """All people, or one organisation's, or those marked with a tag (or working at an
    organisation marked with it), in Lithuanian order of their names."""
    chosen = [
        person for person in (people(repository) if tag is None else tagged_people(repository, tag))
        if organization is None or organization_of(repository, person) == organization
    ]
    return sorted(chosen, key=lambda record: sort_key(record.label))


def vcards(repository: Repository, people: list[Record]) -> str:
    return "".join(vcard(repository, person) for person in people)


def vcard(repository: Repository, person: Record) -> str:
    card = vobject.vCard()
    name = person.label
    card.add("fn").value = name
    given, _, family = name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family or name, given=given)
    card.add("uid").value = f"{person.collection}-{person.id}@{UID_DOMAIN}"
    organization = repository.by_id.get(organization_of(repository, person) or "")
    if organization is not None:
        card.add("org").value = [organization.label]
    if person.typed.get("position"):
        card.add("title").value = person.typed["position"]
    if person.typed.get("email"):
        email = card.add("email")
        email.value = person.typed["email"]
        email.type_param = "INTERNET"
    if person.typed.get("phone"):
        phone = card.add("tel")
        phone.value = normalize_phone(person.typed["phone"]) or person.typed["phone"]
        phone.type_param = "WORK"
    if person.typed.get("tags"):
        card.add("categories").value = list(person.typed["tags"])
    if person.typed.get("notes"):
        card.add("note").value = person.typed["notes"].strip()
    return card.serialize()
