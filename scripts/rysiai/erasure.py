"""`rysiai forget`: erase a person (GDPR art. 17) and keep every other record valid.

The person's record is deleted; each reference to them becomes ERASED_PERSON, so a visit keeps
its count of participants; their full name, e-mail and phone in any text become ERASED_TEXT.
Words that only look like the surname are listed for a person to read, never changed. Git
history still holds the old files: the README says how to rewrite it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .loading import ERASED_PERSON, Record
from .people import PersonData, find_person
from .repository import Repository
from .mentions import PeopleIndex
from .value_edits import Change, delete_csv_rows, edit_values

ERASED_TEXT = "[ištrinta]"


@dataclass(frozen=True)
class Edit:
    """One value that changes: where, and what it was and becomes."""

    record: Record
    place: tuple
    how: tuple[str, ...]  # ("reference",), or what the text held: ("name", "email"), …
    before: str
    after: str


@dataclass
class Erasure:
    data: PersonData
    edits: list[Edit] = field(default_factory=list)

    @property
    def person(self) -> Record:
        return self.data.person


def plan_erasure(repository: Repository, person_id: str) -> Erasure:
    """What erasing the person changes; nothing is written."""
    data = find_person(repository, person_id)
    erasure = Erasure(data)
    index = PeopleIndex([data.person])
    seen = set()
    for mention in data.mentions:
        key = (mention.record.id, mention.place)
        if key in seen:
            continue
        seen.add(key)
        after = ERASED_PERSON if mention.how == ("reference",) else redact(mention.text, index)
        erasure.edits.append(Edit(mention.record, mention.place, mention.how, mention.text, after))
    return erasure


def redact(text: str, index: PeopleIndex) -> str:
    """``text`` with each place that names the person replaced by ERASED_TEXT."""
    for span in reversed(index.spans(text)):
        text = text[: span.start] + ERASED_TEXT + text[span.end :]
    return text


def carry_out(repository: Repository, erasure: Erasure) -> list[Path]:
    """Write the erasure: change the other records, then delete the person's. The files changed."""
    person = erasure.person
    index = PeopleIndex([person])
    by_file: dict[str, list[Change]] = {}
    for edit in erasure.edits:
        change = _reference_change(person.id) if edit.after == ERASED_PERSON else (lambda v: redact(v, index))
        by_file.setdefault(edit.record.path, []).append((edit.record.id, edit.place, change))
    changed = [edit_values(repository.root / path, changes) for path, changes in by_file.items()]
    own_file = repository.root / person.path
    if own_file.suffix == ".csv":
        changed.append(delete_csv_rows(own_file, {person.id}))
    else:
        own_file.unlink()
        changed.append(own_file)
    return sorted(set(changed))


def _reference_change(person_id: str):
    return lambda value: ERASED_PERSON if value == person_id else value
