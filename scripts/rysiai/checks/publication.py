"""What a public build would show that it must not: the name, e-mail or phone of a person who is
not published, written into a public text (a visit's outcomes, an event's place).

`rysiai validate` warns; `rysiai build --public` refuses to build while any is left. Only exact
full names are found: an inflected name (`Agnei Vilkaitei`) is for the reader to catch.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..mentions import PeopleIndex, text_line
from ..publishing import is_published, public_schema
from ..repository import Repository
from ..words.texts import texts_of
from . import location

WHAT = {"name": "the name", "email": "the e-mail address", "phone": "the phone number"}


def check(repository: Repository) -> Iterator[Finding]:
    people = _unpublished_people(repository)
    if not people:
        return
    schema = public_schema(repository.schema)
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
        for place, text in texts_of(record.typed, schema.collections[record.collection].fields):
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


def _unpublished_people(repository: Repository) -> PeopleIndex:
    people = PeopleIndex()
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if collection.publish == "marked" and not is_published(collection, record):
            people.add(record)
    return people
