"""Renaming, deleting and erasing a record from the editor, each as one commit: a rename as
`rysiai mv` makes it (every reference follows), a delete only while nothing refers to the
record, and a person's erasure as `rysiai forget` carries it out. Each holds the data
repository's lock and is written whole or not at all, as the commands write."""

from __future__ import annotations

from pathlib import Path

from ..editing.change_set import ChangeSet
from ..editing.rename import rename_record
from ..editing.value_edits import delete_csv_rows
from ..editing.write_lock import WriteLockBusy
from ..errors import RysiaiError
from ..privacy.erasure import Erasure, erasure_changes, plan_erasure
from ..schema import Collection
from ..words.ids import RESERVED_IDS, id_problem
from .git_commits import GitError, commit, push
from .people import Person
from .saving import Outcome, Saver


def rename(saver: Saver, collection: Collection, old: str, new: str, person: Person) -> Outcome:
    try:
        with saver.writing(f"{collection.name}/{old} → {new}", person) as writer:
            return _rename(saver, writer, collection, old, new, person)
    except WriteLockBusy as error:
        return Outcome(problems={"": str(error)})


def _rename(saver: Saver, writer, collection: Collection, old: str, new: str, person: Person) -> Outcome:
    live = saver.live
    live.refresh()
    record = live.record(collection, old)
    if record is None:
        return Outcome(problems={"": "Šio įrašo nebėra."})
    if new in RESERVED_IDS:
        return Outcome(problems={"id": f"Identifikatorius „{new}“ rezervuotas: pasirinkite kitą."})
    if id_problem(new):
        return Outcome(problems={"id": "Identifikatoriuje gali būti tik mažosios raidės a–z, skaitmenys ir brūkšneliai."})
    if new in live.repository.by_id or (live.root / collection.name / f"{new}.yaml").exists():
        return Outcome(problems={"id": f"Identifikatorius „{new}“ jau užimtas: pasirinkite kitą."})
    referring = {source.path for source in live.referrers(old)}
    try:
        changed = writer.apply(rename_record(live.repository, old, new))
    except (RysiaiError, OSError) as error:
        live.refresh()
        return Outcome(problems={"": f"Pervadinti nepavyko: {error}"})
    paths = sorted({_relative(live.root, path) for path in changed} | referring | {record.path})
    return _commit(saver, paths, f"{collection.name}/{old}: pervadinta į {new}", person)


def delete(saver: Saver, collection: Collection, record_id: str, person: Person) -> Outcome:
    """Delete a record that nothing refers to (the file, or its row of a CSV file)."""
    try:
        with saver.writing(f"{collection.name}/{record_id}", person) as writer:
            return _delete(saver, writer, collection, record_id, person)
    except WriteLockBusy as error:
        return Outcome(problems={"": str(error)})


def _delete(saver: Saver, writer, collection: Collection, record_id: str, person: Person) -> Outcome:
    live = saver.live
    live.refresh()
    record = live.record(collection, record_id)
    if record is None:
        return Outcome(problems={"": "Šio įrašo nebėra."})
    if live.referrers(record_id):
        return Outcome(problems={"": "Į šį įrašą dar nurodo kiti įrašai: pirma pakeiskite juos."})
    target, change_set = live.root / record.path, ChangeSet(live.root)
    if record.path.endswith(".csv"):
        delete_csv_rows(change_set, target, {record_id})
    else:
        change_set.delete(target)
    writer.apply(change_set)
    return _commit(saver, [record.path], f"{collection.name}/{record_id}: ištrinta", person)


def erasure_plan(saver: Saver, record_id: str) -> Erasure:
    with saver.live.lock:
        saver.live.refresh()
        return plan_erasure(saver.live.repository, record_id)


def erase(saver: Saver, collection: Collection, record_id: str, person: Person) -> Outcome:
    """Erase a person as `rysiai forget` does: their record, every reference and mention."""
    try:
        with saver.writing(f"{collection.name}: erasure", person) as writer:
            return _erase(saver, writer, collection, record_id, person)
    except WriteLockBusy as error:
        return Outcome(problems={"": str(error)})


def _erase(saver: Saver, writer, collection: Collection, record_id: str, person: Person) -> Outcome:
    live = saver.live
    live.refresh()
    record = live.record(collection, record_id)
    if record is None:
        return Outcome(problems={"": "Šio įrašo nebėra."})
    try:
        erasure = plan_erasure(live.repository, record_id)
        changed = writer.apply(erasure_changes(live.repository, erasure))
    except (RysiaiError, OSError) as error:
        live.refresh()
        return Outcome(problems={"": f"Ištrinti nepavyko: {error}"})
    paths = sorted({_relative(live.root, path) for path in changed} | {record.path})
    # The message names no one: the commit outlives the erasure.
    return _commit(saver, paths, f"{collection.name}: asmens duomenys ištrinti (BDAR 17 str.)", person)


def _commit(saver: Saver, paths: list[str], message: str, person: Person) -> Outcome:
    live = saver.live
    try:
        commit_id = commit(live.root, paths, message, person)
    except GitError as error:
        live.reload(*paths)
        return Outcome(problems={"": f"Failai pakeisti, bet pakeitimo nepavyko įrašyti į git: {error}"})
    live.reload(*paths)
    saver.people.person_changed()
    outcome = Outcome(saved=True, commit=commit_id, message=message, path=paths[0] if paths else "")
    if saver.push:
        outcome.pushed = push(live.root)
    return outcome


def _relative(root: Path, path: Path) -> str:
    return Path(path).resolve().relative_to(root.resolve()).as_posix()
