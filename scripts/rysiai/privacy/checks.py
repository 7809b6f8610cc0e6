"""The privacy checks of `rysiai validate`.

A public body keeps a contact register on the basis of its public task (GDPR art. 6(1)(e)); it
keeps the data current and holds no personal codes (asmens kodai): records not reviewed for long
and text that holds a personal code are warnings. And what a public build would show that it
must not: the name, e-mail or phone of a person who is not published, written into a public text
(a visit's outcomes, an event's place): `rysiai validate` warns, `rysiai build --public` refuses
to build while any is left. Names are found in all seven cases (`Agnei Vilkaitei`), both words
together and in one case, as written and as a reader sees the text (see privacy.mentions).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..language import N_, _
from ..loading import Record
from ..loading.record import location
from ..repository import Repository
from ..words.dates import months_before
from ..words.texts import texts_of
from .mentions import PeopleIndex, search_keys, text_line
from .public_view import is_published, public_schema

ELEVEN_DIGITS = re.compile(r"(?<![0-9])[1-6][0-9]{10}(?![0-9])")


def check_personal_data(repository: Repository) -> Iterator[Finding]:
    """Records not reviewed for long, and texts that hold a personal code."""
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if collection.review_months:
            yield from _review(record, collection.review_months, repository.today)
        yield from _codes(record, record.typed, ())


def _review(record, months: int, today: dt.date) -> Iterator[Finding]:
    # A record without a `reviewed` date is left to the agenda's care: new records, imports and
    # tests would otherwise all warn at once.
    reviewed = record.typed.get("reviewed")
    if isinstance(reviewed, dt.date) and reviewed < months_before(today, months):
        what = _("this record was last reviewed on {date}").format(date=reviewed.isoformat())
        yield catalogue.NOT_REVIEWED(**location(record, ("reviewed",)), what=what, months=months)


def _codes(record, value, place: tuple) -> Iterator[Finding]:
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _codes(record, item, place + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _codes(record, item, place + (index,))
    elif isinstance(value, str) and len(value) >= 11:
        for code in ELEVEN_DIGITS.findall(value):
            if is_personal_code(code):
                yield catalogue.PERSONAL_CODE(**location(record, place), code=code)


def is_personal_code(code: str) -> bool:
    """11 digits: century and sex, a real birth date, a serial number, the mod-11 check digit."""
    if not (len(code) == 11 and code.isdigit() and code[0] in "123456"):
        return False
    century = {"1": 1800, "2": 1800, "3": 1900, "4": 1900, "5": 2000, "6": 2000}[code[0]]
    try:
        dt.date(century + int(code[1:3]), int(code[3:5]), int(code[5:7]))
    except ValueError:
        return False
    digits = [int(character) for character in code]
    for weights in ((1, 2, 3, 4, 5, 6, 7, 8, 9, 1), (3, 4, 5, 6, 7, 8, 9, 1, 2, 3)):
        remainder = sum(d * w for d, w in zip(digits, weights)) % 11
        if remainder != 10:
            return remainder == digits[10]
    return digits[10] == 0


WHAT = {"name": N_("the name"), "email": N_("the e-mail address"), "phone": N_("the phone number")}


class PublicTextsMemo:
    """What the check of public texts found in each text, kept for the next check of the same
    repository (`rysiai serve` after a save). While the people it looks for (their ids, files,
    names, e-mails and phones) are the same, only the texts not seen before are searched; when
    some of them change, also the texts that hold a word, address or number of theirs, old or
    new (mentions.search_keys): a save changes a person or two, and most texts name neither."""

    def __init__(self):
        self.people = PeopleIndex()
        self.spans: dict[str, list] = {}
        self.keys: dict[str, tuple[str, ...]] = {}  # each text's search keys
        self._people: dict[tuple, Record] = {}  # by what of them is looked for, in the records' order

    def people_of(self, repository: Repository) -> PeopleIndex:
        people = {_searched_for(person): person for person in _unpublished(repository)}
        if list(people) == list(self._people):
            return self.people
        before = [key for key in self._people if key in people]
        if before != [key for key in people if key in self._people]:
            self.spans = {}  # the same people in another order: who wins a shared name may change
        else:
            changed = [person for key, person in self._people.items() if key not in people]
            changed += [person for key, person in people.items() if key not in self._people]
            keys = PeopleIndex(changed).search_keys()
            self.spans = {text: spans for text, spans in self.spans.items() if keys.isdisjoint(self.keys[text])}
        self._people, self.people = people, PeopleIndex(list(people.values()))
        return self.people

    def search_keys(self, text: str) -> None:
        if text not in self.keys:
            self.keys[text] = search_keys(text)

    def keep(self, spans: dict[str, list]) -> None:
        """The texts of now, with what was found in them: those of changed or deleted records go."""
        self.spans = spans
        self.keys = {text: self.keys[text] for text in spans}


def _searched_for(person: Record) -> tuple:
    return (person.id, person.path, *(repr(person.typed.get(name)) for name in ("name", "email", "phone")))


def check_public_texts(
    repository: Repository, people: PeopleIndex | None = None, memo: PublicTextsMemo | None = None
) -> Iterator[Finding]:
    """Public texts and ids that name a person who is not published: those of ``people``
    where given (the browser editor keeps the index of a whole repository while it checks a
    few records), else of the repository's own records; ``memo``: see PublicTextsMemo."""
    if people is None:
        people = memo.people_of(repository) if memo is not None else unpublished_people(repository)
    if not people:
        return
    schema = public_schema(repository.schema)
    known = memo.spans if memo is not None else {}
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
                what=_(WHAT["name"]), other=person.id, other_path=person.path,
            )
        for place, text in texts_of(record.typed, schema.collections[record.collection].fields):
            reported = set()  # one finding per field, kind and person, however often named
            spans = seen.get(text)
            if spans is None:  # tags, places and titles repeat: each text is searched once
                spans = known.get(text)
                if spans is None:
                    spans = people.spans(text)
                    if memo is not None:
                        memo.search_keys(text)
                seen[text] = spans
            for span in spans:
                if span.person.id != record.id and (span.what, span.person.id) not in reported:
                    reported.add((span.what, span.person.id))
                    where = location(record, place)
                    where["line"] = text_line(repository.root, record, place, text, span.start)
                    yield catalogue.UNPUBLISHED_PERSON_NAMED(
                        **where, what=_(WHAT[span.what]), other=span.person.id, other_path=span.person.path,
                    )
    if memo is not None:
        memo.keep(seen)


def unpublished_people(repository: Repository) -> PeopleIndex:
    """The people a public text must not name: those of `publish: marked` records not marked."""
    return PeopleIndex(_unpublished(repository))


def _unpublished(repository: Repository) -> list:
    found = []
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        if collection.publish == "marked" and not is_published(collection, record):
            found.append(record)
    return found
