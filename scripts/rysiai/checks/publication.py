"""What a public build would show that it must not: the name, e-mail or phone of a person who is
not published, written into a public text (a visit's outcomes, an event's place).

`rysiai validate` warns; `rysiai build --public` refuses to build while any is left. Only exact
full names are found: an inflected name (`Agnei Vilkaitei`) is for the reader to catch.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .. import catalogue
from ..findings import Finding
from ..publishing import is_published, public_schema
from ..repository import Repository
from ..schema import Field
from . import location

WORD = re.compile(r"\w+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d ()-]{6,}\d")
PHONE_DIGITS = 8  # a Lithuanian national number; enough to tell numbers apart here


def check(repository: Repository) -> Iterator[Finding]:
    people = _unpublished_people(repository)
    if not people:
        return
    schema = public_schema(repository.schema)
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if record.collection not in schema.collections or not is_published(collection, record):
            continue
        fields = schema.collections[record.collection].fields
        for place, text in _texts(record.typed, fields, ()):
            for what, person in _mentions(text, people):
                if person.id != record.id:
                    yield catalogue.UNPUBLISHED_PERSON_NAMED(
                        **location(record, place), what=what, other=person.id, other_path=person.path
                    )


class _People:
    """The unpublished people's names, e-mails and phones, ready to look up word by word."""

    def __init__(self):
        self.names: dict[tuple[str, ...], object] = {}
        self.emails: dict[str, object] = {}
        self.phones: dict[str, object] = {}
        self.longest = 0

    def __bool__(self) -> bool:
        return bool(self.names or self.emails or self.phones)


def _unpublished_people(repository: Repository) -> _People:
    people = _People()
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if collection.publish != "marked" or is_published(collection, record):
            continue
        name = record.typed.get("name")
        if isinstance(name, str):
            words = tuple(word.casefold() for word in WORD.findall(name))
            if len(words) >= 2:  # a first name alone is too common to mean this person
                people.names[words] = record
                people.longest = max(people.longest, len(words))
        email = record.typed.get("email")
        if isinstance(email, str) and "@" in email:
            people.emails[email.casefold()] = record
        phone = _phone_key(record.typed.get("phone"))
        if phone:
            people.phones[phone] = record
    return people


def _phone_key(value) -> str | None:
    digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else None


def _mentions(text: str, people: _People) -> Iterator[tuple[str, object]]:
    words = [word.casefold() for word in WORD.findall(text)]
    for start in range(len(words)):
        for length in range(2, people.longest + 1):
            person = people.names.get(tuple(words[start : start + length]))
            if person is not None:
                yield "the name", person
    for email in EMAIL.findall(text):
        if email.casefold() in people.emails:
            yield "the e-mail address", people.emails[email.casefold()]
    for phone in PHONE.findall(text):
        key = _phone_key(phone)
        if key in people.phones:
            yield "the phone number", people.phones[key]


def _texts(value, fields: dict[str, Field], place: tuple) -> Iterator[tuple[tuple, str]]:
    for name, item in value.items():
        field = fields.get(name)
        if field is None or field.references:
            continue
        if field.type == "array":
            for index, sub in enumerate(item):
                yield from _texts(sub, field.fields, place + (name, index))
        elif isinstance(item, list):
            yield from ((place + (name, index), text) for index, text in enumerate(item) if isinstance(text, str))
        elif isinstance(item, str):
            yield place + (name,), item
