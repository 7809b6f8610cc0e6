"""What a public build would show that it must not: the name, e-mail or phone of a person who is
not published, written into a public text (a visit's outcomes, an event's place).

`rysiai validate` warns; `rysiai build --public` refuses to build while any is left. Only exact
full names are found: an inflected name (`Agnei Vilkaitei`) is for the reader to catch.
"""

from __future__ import annotations

from collections.abc import Iterator

from .. import catalogue
from ..findings import Finding
from ..mentions import PeopleIndex, text_line
from ..publishing import is_published, public_schema
from ..repository import Repository
from . import location

WHAT = {"name": "the name", "email": "the e-mail address", "phone": "the phone number"}


def check(repository: Repository) -> Iterator[Finding]:
    people = _unpublished_people(repository)
    if not people:
        return
    schema = public_schema(repository.schema)
    plans = {name: _text_fields(collection.fields) for name, collection in schema.collections.items()}
    seen: dict[str, list] = {}
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if record.collection not in schema.collections or not is_published(collection, record):
            continue
        # The id is the page's public address (a person's own id spells their own name).
        named = [] if collection.publish == "marked" else people.named_in_id(record.id)
        for person in named:
            yield catalogue.UNPUBLISHED_PERSON_NAMED(
                path=record.path, line=record.line, record=record.id, field="id",
                what="the name", other=person.id, other_path=person.path,
            )
        for place, text in _texts(record.typed, plans[record.collection]):
            reported = set()  # one finding per field, kind and person, however often named
            spans = seen.get(text)
            if spans is None:  # tags, places and titles repeat: each text is searched once
                spans = seen[text] = people.detect(text)
            for span in spans:
                if span.person.id != record.id and (span.what, span.person.id) not in reported:
                    reported.add((span.what, span.person.id))
                    where = location(record, place)
                    where["line"] = text_line(repository.root, record, place, text, span.start)
                    yield catalogue.UNPUBLISHED_PERSON_NAMED(
                        **where, what=WHAT[span.what], other=span.person.id, other_path=span.person.path,
                    )


def _text_fields(fields: dict) -> list[tuple[str, list | None]]:
    """The fields that may hold text, once per collection: (name, the item fields of an array)."""
    return [
        (name, _text_fields(field.fields) if field.type == "array" else None)
        for name, field in fields.items()
        if not field.references and field.type in ("string", "list", "array")
    ]


def _texts(typed: dict, plan: list, place: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """The texts of a record's values in the fields of ``plan`` (a flat walk: this check reads
    every public text of the repository)."""
    for name, items in plan:
        value = typed.get(name)
        if value is None:
            continue
        if isinstance(value, str):
            yield place + (name,), value
        elif items is not None:
            for index, item in enumerate(value):
                yield from _texts(item, items, place + (name, index))
        else:
            for index, item in enumerate(value):
                if isinstance(item, str):
                    yield place + (name, index), item


def _unpublished_people(repository: Repository) -> PeopleIndex:
    people = PeopleIndex()
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if collection.publish == "marked" and not is_published(collection, record):
            people.add(record)
    return people
