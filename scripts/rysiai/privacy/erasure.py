"""`rysiai forget`: erase a person (GDPR art. 17) and keep every other record valid.

The person's record is deleted; each reference to them becomes ERASED_PERSON, so a visit keeps
its count of participants; their full name (in any case), e-mail and phone in any text become
ERASED_TEXT. Someone without a record of their own is given by name: only texts change.
Words that only look like the surname are listed for a person to read, never changed. Git
history still holds the old files: the README says how to rewrite it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..editing.change_set import ChangeSet
from ..editing.text_files import file_text
from ..editing.value_edits import Change, delete_csv_rows, edit_values
from ..errors import RysiaiError
from ..kinds.people import is_person
from ..language import N_, _
from ..loading import Record
from ..repository import Repository
from ..words.ids import ERASED_PERSON
from .mentions import PeopleIndex
from .named_person import is_stand_in
from .subject_access import (
    COMMENT,
    PersonData,
    find_mentions,
    find_person,
)

ERASED_TEXT = "[ištrinta]"


@dataclass(frozen=True)
class Edit:
    """One value that changes: where, and what it was and becomes (None: the value is removed,
    as an e-mail or phone field that held only the person's, which `[ištrinta]` would not fit)."""

    record: Record
    place: tuple
    how: tuple[str, ...]  # ("reference",), or what the text held: ("name", "email"), …
    before: str
    after: str | None
    line: int  # of the (first) mention in its file


@dataclass
class Erasure:
    data: PersonData
    edits: list[Edit] = field(default_factory=list)
    # Another person's own e-mail or phone that is the same (colleagues sharing a line): kept.
    shared: list[tuple[Record, tuple]] = field(default_factory=list)

    @property
    def person(self) -> Record:
        return self.data.person


WHOLE_VALUE_CHECKS = ("email", "phone", "url")  # fields whose value is one address or number


def plan_erasure(repository: Repository, person_id: str) -> Erasure:
    """What erasing the person changes; nothing is written. Raises RysiaiError where erasing
    would leave the records invalid (another record of the same person, a required field)."""
    data = find_person(repository, person_id)
    erasure = Erasure(data)
    index = PeopleIndex([data.person])
    seen = set()
    for mention in data.mentions:
        key = (mention.record.id, mention.place)
        if key in seen:
            continue
        seen.add(key)
        along = repository.schema.collections[mention.record.collection].fields_along(mention.place)
        field = along[-1] if along else None
        if mention.how == ("reference",):
            after = ERASED_PERSON
        elif is_person(repository, mention.record) and mention.place in (("email",), ("phone",)):
            erasure.shared.append((mention.record, mention.place))
            continue
        elif is_person(repository, mention.record) and mention.place == ("name",):
            raise RysiaiError(
                _("{path}: `{other}` has the same name as `{person}`: it may be the same person. Merge "
                  "the two first (`rysiai merge {person} {other}`), then forget `{person}`").format(
                    path=mention.record.path, other=mention.record.id, person=person_id)
            )
        elif field is not None and field.check in WHOLE_VALUE_CHECKS:
            if field.required:
                raise RysiaiError(
                    _("{path}:{line}: the required `{field}` holds only {person}'s {how}; write another "
                      "value there first").format(
                        path=mention.record.path, line=mention.record.line_of(*mention.place),
                        field=field.name, person=person_id, how=held(mention.how))
                )
            after = None  # the organisation's address was the person's own: removed
        else:
            after = redact(mention.text, index)
        erasure.edits.append(Edit(mention.record, mention.place, mention.how, mention.text, after, mention.line))
    return erasure


def redact(text: str, index: PeopleIndex) -> str:
    """``text`` with each place that names the person replaced by ERASED_TEXT."""
    text = index.searched_form(text)
    for span in reversed(index.spans(text)):
        text = text[: span.start] + ERASED_TEXT + text[span.end :]
    return text


def erasure_changes(repository: Repository, erasure: Erasure) -> ChangeSet:
    """The change that erases: the other records changed, the person's deleted; written at
    once by the caller, all of it or nothing."""
    person = erasure.person
    index = PeopleIndex([person])
    by_file: dict[str, list[Change]] = {}
    for edit in erasure.edits:
        if edit.after == ERASED_PERSON:
            change = _reference_change(person.id)
        elif edit.after is None:
            change = _removal(index)
        else:
            change = _redaction(index)
        by_file.setdefault(edit.record.path, []).append((edit.record.id, edit.place, change))
    change_set = ChangeSet(repository.root)
    own_file = repository.root / person.path
    for path, changes in by_file.items():
        edit_values(change_set, repository.root / path, changes)
    for path in sorted({path for path, _line, _how in erasure.data.comments}):
        redact_comments(change_set, repository.root / path, index)
    if is_stand_in(person):
        pass  # someone without a record of their own: only the places that name them
    elif own_file.suffix == ".csv":
        delete_csv_rows(change_set, own_file, {person.id})
    else:
        change_set.delete(own_file)
    return change_set


def redact_comments(change_set: ChangeSet, path: Path, index: PeopleIndex) -> Path:
    """The file with the person erased from its comments (the values are left as they are)."""
    file = file_text(change_set.read_bytes(path))
    lines = file.text.splitlines(keepends=True)
    for number, line in enumerate(lines):
        comment = COMMENT.search(line.rstrip("\r\n"))
        if comment and index.spans(comment.group()):
            ending = line[len(line.rstrip("\r\n")):]
            lines[number] = line[: comment.start()] + redact(comment.group(), index) + ending
    change_set.write(path, file.encoded("".join(lines)))
    return path


HELD = {"reference": N_("reference"), "name": N_("name"), "email": N_("e-mail"), "phone": N_("phone")}


def held(how: tuple[str, ...]) -> str:
    """What a place holds of a person, in words: `name and phone` (`vardas ir telefonas`)."""
    return _(" and ").join(_(HELD[word]) if word in HELD else word for word in how)


def leftovers(repository: Repository, person: Record, kept: set[tuple[str, tuple]] = frozenset()) -> list[tuple[Record, int, str]]:
    """After an erasure: where the person's record, id, name, e-mail or phone is still found
    (but for the places ``kept`` on purpose: (record id, place)), as `person` finds them."""
    found = []
    if person.id in repository.by_id:
        own = repository.by_id[person.id]
        found.append((own, own.line, _("record itself")))
    data = find_mentions(repository, person)
    for mention in data.mentions:
        if (mention.record.id, mention.place) not in kept:
            found.append((mention.record, mention.line, held(mention.how)))
    for record in data.ids:
        found.append((record, record.line, _("name or number in its id (rename it with `rysiai mv`)")))
    by_path = {record.path: record for record in repository.records}
    for path, line, what in data.comments:
        found.append((by_path[path], line, _("{what} in a comment").format(what=held((what,)))))
    return found


def _reference_change(person_id: str):
    return lambda value: ERASED_PERSON if value == person_id else value


def _redaction(index: PeopleIndex):
    return lambda value: redact(value, index)


def _removal(index: PeopleIndex):
    return lambda value: None if index.spans(value) else value
