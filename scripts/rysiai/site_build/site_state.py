"""What the site's pages are made of, in short: for each record a digest of what it says, its
label, the records it refers to, what their pages show of it and the elderships it is listed in;
for the site the digests of what the home page and the brief show beside the records, and the
list of elderships. Two states side by side tell which pages a change reaches (dependencies.py).

A state is plain data (JSON), so a build can keep it in its cache and the next build, in
another process, can compare with it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any

from ..findings.wording import finding_line
from ..kinds.deadlines import is_waiting
from ..kinds.elderships import elderships
from ..kinds.people import is_person
from ..kinds.roles import roles_of
from ..kinds.timeline import day_of_record
from ..loading import Record
from ..loading.record import Unpublished
from ..site.context import SiteContext


@dataclass(frozen=True)
class RecordState:
    """One record as its page and the pages around it see it."""

    collection: str
    path: str
    digest: str  # what the record says, where it is written, its last change, and today where it shows
    label: str
    references: tuple[str, ...]  # the ids it refers to, each once, sorted
    face: str = ""  # digest of what the pages it refers to show of it: label, where, the items, its day, its posts
    elderships: tuple[str, ...] = ()  # the elderships whose pages list it

    def to_json(self) -> list:
        return [self.collection, self.path, self.digest, self.label, list(self.references), self.face, list(self.elderships)]

    @classmethod
    def from_json(cls, data: list) -> RecordState:
        collection, path, digest, label, references, face, elderships = data
        return cls(
            str(collection), str(path), str(digest), str(label), tuple(str(r) for r in references), str(face),
            tuple(str(name) for name in elderships),
        )


@dataclass
class SiteState:
    """Every record's state by id, and the digests of what the home page shows beside them."""

    records: dict[str, RecordState] = field(default_factory=dict)
    site: dict[str, str] = field(default_factory=dict)  # findings, history, today

    def to_json(self) -> dict:
        return {"records": {key: state.to_json() for key, state in self.records.items()}, "site": dict(self.site)}

    def row_key(self, record_id: str) -> tuple:
        """What a record's row on an index is made of (dependencies.py): the record, and the
        label and collection of each record it refers to."""
        own = self.records[record_id]
        around = tuple((key, state.label, state.collection) for key in own.references if (state := self.records.get(key)))
        return own.digest, around

    @classmethod
    def from_json(cls, data: dict) -> SiteState:
        records = {str(key): RecordState.from_json(value) for key, value in data["records"].items()}
        return cls(records=records, site={str(key): str(value) for key, value in data["site"].items()})


class RecordDigests:
    """Digests of records, remembered for the record objects that were seen before (a server
    that reloads only the files that changed keeps the others' objects)."""

    def __init__(self):
        self._known: dict[int, tuple[Record, str]] = {}

    def digest(self, record: Record) -> str:
        known = self._known.get(id(record))
        if known is not None and known[0] is record:
            return known[1]
        text = repr((record.collection, record.id, record.path, record.line, _plain(record.values),
                     _plain(record.typed), sorted(record.derived)))
        digest = _hash(text)
        self._known[id(record)] = (record, digest)
        return digest

    def forget_others(self, records: list[Record]) -> None:
        """Keep only what is remembered about these records."""
        keep = {id(record) for record in records}
        self._known = {key: value for key, value in self._known.items() if key in keep}


def site_state(context: SiteContext, digests: RecordDigests | None = None) -> SiteState:
    """The state of the site that ``context`` renders."""
    digests = digests or RecordDigests()
    repository = context.repository
    references: dict[str, dict[str, None]] = {}
    places: dict[str, list] = {}
    for target, entries in context.backlinks.items():
        for source, place in entries:
            references.setdefault(source.id, {})[target] = None
            places.setdefault(source.id, []).append((target, place, _item_at(source, place)))
    today = context.today.isoformat()
    in_elderships: dict[str, list[str]] = {}
    for name, listed in context.records_by_eldership.items():
        for record in listed:
            in_elderships.setdefault(record.id, []).append(name)
    records = {}
    for record in repository.records:
        if record.id in records:
            continue  # a duplicate id is an error: a built site has none
        change = context.history.get(record.path)
        extra = [digests.digest(record)]
        if change is not None:
            extra.append(f"{change.date.isoformat()} {change.author} {change.commit}")
        if _shows_today(context, record):
            extra.append(today)
        records[record.id] = RecordState(
            collection=record.collection,
            path=record.path,
            digest=_hash(" ".join(extra)) if len(extra) > 1 else extra[0],
            label=record.label,
            references=tuple(sorted(references.get(record.id, ()))),
            face=_hash(repr((record.label, sorted(places.get(record.id, []), key=repr), *_shown_elsewhere(context, record)))),
            elderships=tuple(sorted(in_elderships.get(record.id, ()))),
        )
    history = sorted((path, change.date.isoformat(), change.author, change.commit) for path, change in context.history.items())
    site = {
        "findings": _hash(repr([finding_line(finding) for finding in context.findings])),
        "history": _hash(repr(history)),
        "today": today,
        "elderships": json.dumps(elderships(repository), ensure_ascii=False),
    }
    return SiteState(records=records, site=site)


def records_digest(records: list[Record], digests: RecordDigests) -> str:
    """One digest of what all these records say."""
    return _hash(" ".join(sorted(digests.digest(record) for record in records)))


def _shown_elsewhere(context: SiteContext, record: Record) -> tuple:
    """What the pages a record refers to show of it beside its label: its day on their timelines
    and, for a person, their posts on the organisations' pages (current or former as of today)."""
    repository = context.repository
    day = day_of_record(repository, record)
    posts = ()
    if is_person(repository, record):
        posts = tuple(
            (role.organization, role.position, _plain(role.start), _plain(role.until), role.is_current(context.today))
            for role in roles_of(repository, record)
        )
    return (_plain(day), posts)


def _item_at(record: Record, place: tuple):
    """The item of an array field a reference is in (its other fields show beside the
    reference on the page it refers to), if it is in one."""
    if len(place) > 2 and isinstance(place[1], int):
        items = record.typed.get(place[0])
        if isinstance(items, list) and place[1] < len(items):
            return _plain(items[place[1]])
    return None


def _shows_today(context: SiteContext, record: Record) -> bool:
    """Whether the record's page or its row shows something counted from today (the next
    anniversary of its agreements, the days left of a request that waits for an answer)."""
    kind = context.repository.schema.collections[record.collection].kind
    if kind.deadline and is_waiting(context.repository, record):
        return True
    return bool(kind.agreements and record.typed.get(kind.agreements))


def _plain(value: Any) -> Any:
    """A value with the types that print alike told apart (a reference the public view leaves
    out is text, but is shown otherwise)."""
    if isinstance(value, Unpublished):
        return ("unpublished", str(value))
    if isinstance(value, dict):
        return tuple((key, _plain(item)) for key, item in value.items())
    if isinstance(value, list):
        return tuple(_plain(item) for item in value)
    if isinstance(value, (dt.date, dt.datetime)):
        return (type(value).__name__, value.isoformat())
    return value


def _hash(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
