"""`rysiai mv`: a record gets a new id, and every reference to it follows, comments kept.

Files are edited value by value (value_edits.py): comments, key order, quoting and the file's
own list indentation are kept; only the values that held the old id change. Every file is
prepared first, and a file that should change but cannot be read stops the rename before
anything is written.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RysiaiError
from ..language import _
from ..repository import Repository, references
from ..words.ids import id_problem
from .change_set import ChangeSet
from .unreadable import refuse_unreadable
from .value_edits import edit_values


def rename_record(repository: Repository, old: str, new: str) -> ChangeSet:
    """The change that gives record ``old`` the id ``new``; nothing is written yet."""
    record = repository.by_id.get(old)
    if record is None:
        raise RysiaiError(_("there is no record `{old}`").format(old=old))
    problem = id_problem(new)
    if problem:
        raise RysiaiError(_("`{new}` cannot be an id: {problem}").format(new=new, problem=problem))
    if new in repository.by_id:
        raise RysiaiError(_("the id `{new}` is taken by {path}").format(new=new, path=repository.by_id[new].path))
    edits: dict[str, list[tuple[str, tuple]]] = {}
    for source, _field, target, place in references(repository):
        if target == old:
            edits.setdefault(source.path, []).append((source.id, place))
    refuse_unreadable(repository, [*edits, record.path], naming=old)
    change_set = ChangeSet(repository.root)
    for path, places in edits.items():
        replace_references(change_set, repository.root / path, places, old, new)
    if record.path.endswith(".yaml"):
        change_set.rename(record.path, f"{record.collection}/{new}.yaml")
    else:
        edit_values(change_set, repository.root / record.path, [(old, ("id",), _swap(old, new))])
    return change_set


def replace_references(change_set: ChangeSet, path: Path, places: list[tuple[str, tuple]], old: str, new: str) -> Path:
    """In one file, put `new` where `old` stands at each of `places` (YAML kept as written)."""
    return edit_values(change_set, path, [(record_id, place, _swap(old, new)) for record_id, place in places])


def _swap(old: str, new: str):
    return lambda value: new if value == old else value
