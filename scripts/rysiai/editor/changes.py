"""Renaming, deleting and erasing a record from the editor, each as one commit: a rename as
`rysiai mv` makes it (every reference follows), a delete only while nothing refers to the
record, and a person's erasure as `rysiai forget` carries it out."""

from __future__ import annotations

from pathlib import Path

from ..editing.rename import rename_record
from ..editing.value_edits import delete_csv_rows
from ..errors import RysiaiError
from ..privacy.erasure import Erasure, carry_out, plan_erasure
from ..schema import Collection
from ..words.ids import RESERVED_IDS, id_problem
from .git_commits import GitError, commit, push
from .people import Person
from .saving import Outcome, Saver


def rename(saver: Saver, collection: Collection, old: str, new: str, person: Person) -> Outcome:
    live = saver.live
    with saver.lock, live.lock:
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
            changed = rename_record(live.repository, old, new)
        except (RysiaiError, OSError) as error:
            live.refresh()
            return Outcome(problems={"": f"Pervadinti nepavyko: {error}"})
        paths = sorted({_relative(live.root, path) for path in changed} | referring | {record.path})
        return _commit(saver, paths, f"{collection.name}/{old}: pervadinta į {new}", person)


def delete(saver: Saver, collection: Collection, record_id: str, person: Person) -> Outcome:
    """Delete a record that nothing refers to (the file, or its row of a CSV file)."""
    live = saver.live
    with saver.lock, live.lock:
        live.refresh()
        record = live.record(collection, record_id)
        if record is None:
            return Outcome(problems={"": "Šio įrašo nebėra."})
        if live.referrers(record_id):
            return Outcome(problems={"": "Į šį įrašą dar nurodo kiti įrašai: pirma pakeiskite juos."})
        target = live.root / record.path
        if record.path.endswith(".csv"):
            delete_csv_rows(target, {record_id})
        else:
            target.unlink()
        return _commit(saver, [record.path], f"{collection.name}/{record_id}: ištrinta", person)


def erasure_plan(saver: Saver, record_id: str) -> Erasure:
    with saver.live.lock:
        saver.live.refresh()
        return plan_erasure(saver.live.repository, record_id)


def erase(saver: Saver, collection: Collection, record_id: str, person: Person) -> Outcome:
    """Erase a person as `rysiai forget` does: their record, every reference and mention."""
    live = saver.live
    with saver.lock, live.lock:
        live.refresh()
        record = live.record(collection, record_id)
        if record is None:
            return Outcome(problems={"": "Šio įrašo nebėra."})
        try:
            erasure = plan_erasure(live.repository, record_id)
            changed = carry_out(live.repository, erasure)
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
