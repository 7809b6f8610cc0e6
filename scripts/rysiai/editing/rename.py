"""`rysiai mv`: a record gets a new id, and every reference to it follows, comments kept.

Files are edited value by value (value_edits.py): comments, key order, quoting and the file's
own list indentation are kept; only the values that held the old id change.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import RysiaiError
from ..repository import Repository, references
from ..words.ids import id_problem
from .value_edits import edit_values


def rename_record(repository: Repository, old: str, new: str) -> list[Path]:
    """Give record ``old`` the id ``new``; return the files changed."""
    record = repository.by_id.get(old)
    if record is None:
        raise RysiaiError(f"there is no record `{old}`")
    problem = id_problem(new)
    if problem:
        raise RysiaiError(f"`{new}` cannot be an id: {problem}")
    if new in repository.by_id:
        raise RysiaiError(f"the id `{new}` is taken by {repository.by_id[new].path}")
    edits: dict[str, list[tuple[str, tuple]]] = {}
    for source, _field, target, place in references(repository):
        if target == old:
            edits.setdefault(source.path, []).append((source.id, place))
    changed = []
    for path, places in edits.items():
        changed.append(replace_references(repository.root / path, places, old, new))
    if record.path.endswith(".yaml"):
        target = repository.root / record.collection / f"{new}.yaml"
        if target.exists():
            raise RysiaiError(f"{target} exists already")
        (repository.root / record.path).rename(target)
        changed.append(target)
    else:
        changed.append(edit_values(repository.root / record.path, [(old, ("id",), _swap(old, new))]))
    return sorted(set(changed))


def replace_references(path: Path, places: list[tuple[str, tuple]], old: str, new: str) -> Path:
    """In one file, put `new` where `old` stands at each of `places` (YAML kept as written)."""
    return edit_values(path, [(record_id, place, _swap(old, new)) for record_id, place in places])


def _swap(old: str, new: str):
    return lambda value: new if value == old else value
