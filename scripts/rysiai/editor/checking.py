"""A save checked as `rysiai validate` checks the repository, on what the change can affect: the
record as its file would read, the records that refer to it, the records it may duplicate, and
the public texts that may name it. The same checks run before and after the change, so a save is
stopped only by its own errors and warns only about what it brings."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from .. import validate
from ..checks import duplicates
from ..findings import ERROR, Finding
from ..kinds.people import is_person
from ..loading import Record
from ..privacy.checks import check_public_texts, unpublished_people
from ..privacy.mentions import PeopleIndex
from ..privacy.public_view import is_published
from ..repository import Repository
from .live import LiveRepository

# The checks that look beyond one record run on their own sets of records, below.
BEYOND_ONE_RECORD = (duplicates.check, check_public_texts)


@dataclass
class Verdict:
    """What the checks say about a change: ``errors`` stop it; ``warnings`` are those the change
    brings (the record's standing ones are in ``standing``)."""

    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    standing: list[Finding] = field(default_factory=list)


class UnpublishedPeople:
    """The index of the people a public text must not name, for the whole repository: built
    once, and again in the background after a person's record changes (until then a save is
    checked against the index as it was, which differs only in that person)."""

    def __init__(self, live: LiveRepository):
        self.live = live
        self._index: PeopleIndex | None = None
        self._lock = threading.Lock()
        self._again = threading.Event()

    def index(self) -> PeopleIndex:
        with self._lock:
            if self._index is None:
                self._index = self._build()
            return self._index

    def person_changed(self) -> None:
        if self._index is None:
            return
        self._again.set()
        threading.Thread(target=self._rebuild, daemon=True, name="unpublished-people").start()

    def _rebuild(self) -> None:
        with self._lock:
            if self._again.is_set():
                self._again.clear()
                self._index = self._build()

    def _build(self) -> PeopleIndex:
        with self.live.lock:
            records = list(self.live.repository.records)
        return unpublished_people(Repository(root=self.live.root, schema=self.live.schema, records=records))


def check_change(
    live: LiveRepository, people: UnpublishedPeople, before: Record | None, after: Record | None,
    after_findings: list[Finding],
) -> Verdict:
    """Check a record going from ``before`` (None: new) to ``after`` (None: deleted), the
    findings of reading its new file given. Called under the live repository's lock."""
    record_id = (after or before).id
    referrers = live.referrers(record_id)
    before_findings = [f for f in live.repository.findings if before is not None and f.path == before.path and f.record in (record_id, None)]
    old = _findings(live, people, before, referrers, before_findings, replacing=before)
    new = _findings(live, people, after, referrers, after_findings, replacing=before)
    if after is not None and _identity(live, after) != (_identity(live, before) if before is not None else None):
        # Texts that name the person as they now are: new, since what names them changed (the
        # one check that reads every public text, so it runs only then).
        new.extend(_naming(live, after, {**live.repository.by_id, after.id: after}))
    seen = {_key(finding) for finding in old}
    verdict = Verdict()
    for finding in new:
        about_it = finding.record == record_id
        if finding.severity == ERROR:
            if about_it or _key(finding) not in seen:
                verdict.errors.append(finding)
        elif _key(finding) not in seen:
            verdict.warnings.append(finding)
        elif about_it:
            verdict.standing.append(finding)
    return verdict


def _findings(
    live: LiveRepository, people: UnpublishedPeople, record: Record | None, referrers: list[Record],
    loading: list[Finding], replacing: Record | None,
) -> list[Finding]:
    repository = live.repository
    by_id = dict(repository.by_id)
    if replacing is not None and by_id.get(replacing.id) is replacing:
        del by_id[replacing.id]
    if record is not None:
        by_id.setdefault(record.id, record)
    records = ([record] if record is not None else []) + referrers
    part = Repository(root=live.root, schema=live.schema, records=records, findings=list(loading), by_id=by_id, today=repository.today)
    findings = list(part.findings)
    for check in validate.CHECKS:
        if check not in BEYOND_ONE_RECORD:
            findings.extend(check(part))
    findings.extend(check_public_texts(part, people.index()))
    if record is not None:
        findings.extend(_duplicates(live, record, by_id))
    return findings


def _identity(live: LiveRepository, record: Record) -> tuple:
    """What a public text could name a person by, and whether they are published."""
    collection = live.schema.collections[record.collection]
    values = tuple(record.typed.get(name) for name in ("name", "email", "phone"))
    return (*values, is_published(collection, record))


def _duplicates(live: LiveRepository, record: Record, by_id: dict) -> list[Finding]:
    """Possible duplicates of the record: the duplicate check on the records of its collection
    that share a word of its name, its e-mail or its phone."""
    if "name" not in live.schema.collections[record.collection].fields:
        return []
    candidates = [other for other in live.look_alikes(record) if other.collection == record.collection]
    part = Repository(root=live.root, schema=live.schema, records=candidates + [record], by_id=by_id)
    # A group's finding sits on its first member and names every member.
    return [f for f in duplicates.check(part) if record.id in f.values.get("members", ())]


def _naming(live: LiveRepository, record: Record, by_id: dict) -> list[Finding]:
    """The public texts of other records that name this person, where their record is not
    published (their name, e-mail or phone in a visit's outcomes)."""
    collection = live.schema.collections[record.collection]
    if not is_person(live.repository, record) or collection.publish != "marked" or is_published(collection, record):
        return []
    published = [
        other for other in live.repository.records
        if other.id != record.id and is_published(live.schema.collections[other.collection], other)
    ]
    part = Repository(root=live.root, schema=live.schema, records=published + [record], by_id=by_id)
    return [f for f in check_public_texts(part, PeopleIndex([record])) if f.record != record.id]


def _key(finding: Finding) -> tuple:
    """A finding without its line (an edit moves lines), to tell old findings from new ones."""
    return (finding.path, finding.record, finding.field, finding.code, repr(sorted(finding.values.items(), key=lambda pair: pair[0])))
