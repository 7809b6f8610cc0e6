"""A save, one at a time: the file read as it is now and compared with the version the form was
opened from, the new values written into it in place (record_edits), the result checked, written
and committed; or, when anything stops it, nothing written and the reason given. A save holds the
data repository's lock, as the commands that write do, and writes through the journal."""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from ..editing.change_set import ChangeSet, Writer, writing
from ..editing.json_schemas import schema_path
from ..editing.record_edits import (
    RecordEditError,
    commit_message,
    edit_record_text,
    read_record_values,
)
from ..editing.record_values import normal_record
from ..editing.write_lock import WriteLockBusy
from ..findings import Finding
from ..kinds.people import is_person
from ..loading import read_record_file
from ..schema import Collection
from .checking import UnpublishedPeople, Verdict, check_change
from .git_commits import GitError, commit, push
from .live import LiveRepository
from .people import Person


@dataclass
class Opened:
    """A record's file as a form opens it: its values and the version they come from."""

    values: dict[str, Any]
    version: str
    base: str  # the values as JSON, carried by the form to show another person's change


@dataclass
class Outcome:
    """What became of a save: ``saved`` (with the commit), or stopped by ``problems`` (by input
    name), the checks' ``verdict`` or ``conflict`` (another person's values, by field)."""

    saved: bool = False
    commit: str = ""
    message: str = ""
    path: str = ""
    pushed: str | None = None  # why a push failed (the commit is kept)
    nothing_changed: bool = False
    problems: dict[str, str] = field(default_factory=dict)
    verdict: Verdict = field(default_factory=Verdict)
    conflict: dict[str, Any] | None = None
    current: Opened | None = None  # the file as it is now, for the form shown again


def version_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def open_record(live: LiveRepository, collection: Collection, record_id: str, path: str) -> Opened:
    data = (live.root / path).read_bytes()
    values = read_record_values(data.decode("utf-8"), collection, record_id, path=path)
    return Opened(values, version_of(data), json.dumps(values, ensure_ascii=False))


class Saver:
    """Saves into one data repository, serialised: one save at a time, whoever asks."""

    def __init__(self, live: LiveRepository, *, push: bool = False):
        self.live = live
        self.push = push
        self.people = UnpublishedPeople(live)
        self.lock = threading.Lock()

    @contextmanager
    def writing(self, what: str, person: Person) -> Iterator[Writer]:
        """One save at a time in this server, and one writer at a time in the data repository:
        the lock the commands take (a change another writer left unfinished is finished first)."""
        with self.lock, writing(self.live.root, f"rysiai edit ({person.user}): {what}") as writer, self.live.lock:
            yield writer

    def save(
        self, collection: Collection, record_id: str, values: dict[str, Any], *, version: str, base: str,
        person: Person, accept_warnings: bool,
    ) -> Outcome:
        try:
            with self.writing(f"{collection.name}/{record_id}", person) as writer:
                return self._save(writer, collection, record_id, values, version, base, person, accept_warnings)
        except WriteLockBusy as error:
            return Outcome(problems={"": str(error)})

    def _save(self, writer, collection, record_id, values, version, base, person, accept_warnings) -> Outcome:
        self.live.refresh()
        before = self.live.record(collection, record_id)
        if before is None:
            return Outcome(problems={"": "Šio įrašo nebėra: kažkas jį ištrynė arba pervadino, kol jį keitėte."})
        path = before.path
        data = (self.live.root / path).read_bytes()
        text = data.decode("utf-8")
        current = open_record(self.live, collection, record_id, path)
        if version_of(data) != version:
            other = _other_change(base, current.values)
            if other is not None:
                return Outcome(conflict=other, current=current)
        try:
            new_text = edit_record_text(text, collection, record_id, values, path=path)
        except RecordEditError as error:
            return Outcome(problems={error.field or "": str(error)}, current=current)
        if new_text == text:
            return Outcome(nothing_changed=True, path=path, current=current)
        message = commit_message(collection, record_id, current.values, values)
        return self._write(writer, collection, record_id, path, data, new_text.encode("utf-8"), before, message, person, accept_warnings, current)

    def create(
        self, collection: Collection, record_id: str, values: dict[str, Any], *, person: Person, accept_warnings: bool
    ) -> Outcome:
        try:
            with self.writing(f"{collection.name}/{record_id}", person) as writer:
                return self._create(writer, collection, record_id, values, person, accept_warnings)
        except WriteLockBusy as error:
            return Outcome(problems={"": str(error)})

    def _create(self, writer, collection, record_id, values, person, accept_warnings) -> Outcome:
        self.live.refresh()
        path = f"{collection.name}/{record_id}.yaml"
        if (self.live.root / path).exists() or record_id in self.live.repository.by_id:
            return Outcome(problems={"id": f"Identifikatorius „{record_id}“ jau užimtas: įrašykite kitą."})
        skeleton = new_file_text(collection)
        try:
            new_text = edit_record_text(skeleton, collection, record_id, values, path=path)
        except RecordEditError as error:
            return Outcome(problems={error.field or "": str(error)})
        message = commit_message(collection, record_id, None, values)
        return self._write(writer, collection, record_id, path, None, new_text.encode("utf-8"), None, message, person, accept_warnings, None)

    def _write(self, writer, collection, record_id, path, old_data, new_data, before, message, person, accept_warnings, current) -> Outcome:
        records, findings = read_record_file(new_data, collection, path)
        after = next((record for record in records if record.id == record_id), None)
        mine = [f for f in findings if f.record in (record_id, None)]
        verdict = check_change(self.live, self.people, before, after, mine)
        if after is None and not verdict.errors:
            verdict.errors.append(_unreadable(path, record_id))
        if verdict.errors or (verdict.warnings and not accept_warnings):
            return Outcome(verdict=verdict, current=current, path=path)
        change_set, undo = ChangeSet(self.live.root), ChangeSet(self.live.root)
        if old_data is None:
            change_set.create(path, new_data)  # a new record never replaces a file
            undo.delete(path)
        else:
            change_set.write(path, new_data)
            undo.write(path, old_data)
        writer.apply(change_set)
        try:
            commit_id = commit(self.live.root, [path], message, person)
        except GitError as error:
            writer.apply(undo)
            self.live.reload(path)
            return Outcome(problems={"": f"Pakeitimo nepavyko įrašyti į git, todėl failas paliktas koks buvo: {error}"}, current=current)
        self.live.reload(path)
        if is_person(self.live.repository, after):
            self.people.person_changed()
        outcome = Outcome(saved=True, commit=commit_id, message=message, path=path, verdict=verdict)
        if self.push:
            outcome.pushed = push(self.live.root)
        return outcome


def new_file_text(collection: Collection) -> str:
    """A new record's file before its values are written: as `rysiai new` starts one, each field
    named with its title and description, the fields left empty as comments."""
    lines = [
        f"# yaml-language-server: $schema=../{schema_path(collection.name)}",
        f"# {collection.title}: {collection.description}",
    ]
    for fld in collection.fields.values():
        if fld.name == "id":
            continue
        comment = f"{fld.title}{' (privalomas)' if fld.required else ''}: {fld.description}"
        lines.append(f"{fld.name}:  # {comment}" if fld.required else f"# {fld.name}:  # {comment}")
    return "\n".join(lines) + "\n"


def _other_change(base: str, now: dict[str, Any]) -> dict[str, Any] | None:
    """The fields another person changed since the form was opened (their values now), or None
    when the record itself is as it was (another row of a CSV file changed, or a comment)."""
    try:
        then = normal_record(json.loads(base)) if base else None
    except (ValueError, TypeError):
        then = None
    now_normal = normal_record(dict(now))
    if then == now_normal:
        return None
    if then is None:
        return {name: value for name, value in now_normal.items()}
    names = set(then) | set(now_normal)
    return {name: now_normal.get(name) for name in names if then.get(name) != now_normal.get(name)}


def _unreadable(path: str, record_id: str) -> Finding:
    from ..findings import catalogue

    return catalogue.UNREADABLE(path=path, record=record_id, problem="the record does not read back")
