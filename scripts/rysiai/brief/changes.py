"""What changed in the register over some days, from git: record files new, renamed, changed and
removed, with who changed them and when (`git log --name-status -M` over the collections' folders)."""

from __future__ import annotations

import datetime as dt
import subprocess
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..kinds.people import people_collections
from ..loading.yaml_source import read_yaml_record
from ..repository import Repository
from ..words.collation import sort_key
from ..words.dates import VILNIUS
from ..words.ids import ERASED_PERSON
from .model import Edit, Ref, RegisterChange

_COMMIT = "\x1e"  # starts each commit's header line
_FIELD = "\x1f"
ORDER = ("new", "renamed", "changed", "erased", "removed-person", "removed")
SHOWN = 25  # changes listed of each kind; a larger import is counted, not listed


@dataclass(frozen=True)
class Commit:
    commit: str
    edit: Edit
    files: tuple[tuple[str, ...], ...]  # ("M", path), ("R", old, new)…


def _git(root: Path, *args: str, raw: bool = False):
    """Git's output (bytes where ``raw``), or None when git is missing or fails."""
    try:
        done = subprocess.run(["git", "-C", str(root), "-c", "core.quotepath=off", *args], capture_output=True, check=False)
    except OSError:
        return None
    if done.returncode != 0:
        return None
    return done.stdout if raw else done.stdout.decode("utf-8", errors="replace")


def read_commits(root: Path, folders: list[str], since: dt.date, until: dt.date) -> list[Commit] | None:
    """The commits authored from ``since`` to ``until`` (days in Vilnius) that touched ``folders``,
    oldest first; None when ``root`` is not in a git repository or git is missing."""
    # Committed no earlier than authored: git's own filter on the commit date only narrows the walk.
    after = (since - dt.timedelta(days=2)).isoformat()
    text = _git(
        root, "log", "--no-merges", "-M", "--name-status", "--relative", f"--since={after}",
        f"--format={_COMMIT}%H{_FIELD}%aI{_FIELD}%an", "--", *folders,
    )
    if text is None:
        return None
    commits: list[Commit] = []
    for block in text.split(_COMMIT)[1:]:
        header, _, body = block.partition("\n")
        commit, date, author = header.split(_FIELD, 2)
        day = dt.datetime.fromisoformat(date).astimezone(VILNIUS).date()
        if since <= day <= until:
            files = tuple(tuple(line.split("\t")) for line in body.split("\n") if "\t" in line)
            commits.append(Commit(commit, Edit(day, author), files))
    return commits[::-1]


def erasing_commits(root: Path, folders: list[str], since: dt.date) -> set[str]:
    """The commits that wrote `istrintas-asmuo` where a person was referred to (`rysiai forget`)."""
    after = (since - dt.timedelta(days=2)).isoformat()
    text = _git(root, "log", "--no-merges", f"--since={after}", "-S", ERASED_PERSON, "--format=%H", "--", *folders)
    return set((text or "").split())


@dataclass
class FileHistory:
    """A record file's commits in the period: whether it is new, renamed or changed, where it
    was before, its edits, and each commit with the file's path in it, oldest first."""

    what: str
    first_path: str
    edits: list[Edit] = field(default_factory=list)
    commits: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class History:
    files: dict[str, FileHistory]  # by the file's path now
    removed: list[RegisterChange]


def read_history(repository: Repository, since: dt.date, until: dt.date) -> History | None:
    """What git says of the record files from ``since`` to ``until``; None without git. A file
    made and removed within the days is left out."""
    folders = list(repository.schema.collections)
    commits = read_commits(repository.root, folders, since, until)
    if commits is None:
        return None
    erasing = erasing_commits(repository.root, folders, since) if commits else set()
    files: dict[str, FileHistory] = {}
    removed: list[RegisterChange] = []
    for commit in commits:
        for status, *paths in commit.files:
            if status.startswith("R") and len(paths) == 2:
                old, new = paths
                state = files.pop(old, None) or FileHistory("changed", old)
                if state.what == "changed":
                    state.what = "renamed"
                files[new] = state
            elif status == "D":
                state = files.pop(paths[0], None) or FileHistory("changed", paths[0])
                if state.what != "new":
                    edits = (*state.edits, commit.edit)
                    removed.append(_removed(repository, state.first_path, edits, commit.commit in erasing))
                    if removed[-1].record is not None:  # named as it was before it went
                        removed[-1] = replace(removed[-1], record=_label_before(repository, commit.commit, paths[0], removed[-1].record))
                continue
            elif status == "A":
                state = files.setdefault(paths[0], FileHistory("new", paths[0]))
            else:
                state = files.setdefault(paths[-1], FileHistory("changed", paths[-1]))
            state.edits.append(commit.edit)
            state.commits.append((commit.commit, paths[-1]))
    return History(files, removed)


def register_changes(repository: Repository, history: History) -> list[RegisterChange]:
    """Every record file changed in the history's days, in ORDER, then by name."""
    changes = [
        RegisterChange(state.what, path, _record_at(repository, path),
                       state.first_path if state.what == "renamed" else None, _unique(state.edits))
        for path, state in history.files.items()
        if _is_record_file(path)
    ]
    changes.extend(change for change in history.removed if change.path is None or _is_record_file(change.path))
    return sorted(changes, key=lambda c: (ORDER.index(c.what), c.record is None, sort_key(_name(c)), c.path or ""))


def grouped(changes: tuple[RegisterChange, ...]) -> list[tuple[str, list[RegisterChange], int]]:
    """The changes of each kind in ORDER: the first SHOWN of them, and how many more there are."""
    groups = []
    for what in ORDER:
        chosen = [change for change in changes if change.what == what]
        if chosen:
            groups.append((what, chosen[:SHOWN], len(chosen) - SHOWN if len(chosen) > SHOWN else 0))
    return groups


def file_in(repository: Repository, revision: str, path: str) -> bytes | None:
    """A file as it was in a commit (`abc123`, `abc123^`); None where it was not there."""
    return _git(repository.root, "show", f"{revision}:./{path}", raw=True)


def _removed(repository: Repository, path: str, edits: tuple[Edit, ...], erasing: bool) -> RegisterChange:
    collection, _, name = path.partition("/")
    if name.endswith(".yaml") and collection in people_collections(repository.schema):
        # The file was named after the person: neither its name nor its path is shown.
        return RegisterChange("erased" if erasing else "removed-person", None, None, None, _unique(list(edits)))
    record = Ref(name.removesuffix(".yaml"), collection) if name.endswith(".yaml") else None
    return RegisterChange("removed", path, record, None, _unique(list(edits)))


def _label_before(repository: Repository, commit: str, path: str, record: Ref) -> Ref:
    """The removed record's name, read from the file as the commit before its removal held it."""
    data = file_in(repository, f"{commit}^", path)
    if data is None:
        return record
    found, _ = read_yaml_record(data, collection=record.collection, record_id=record.id, path=path)
    return replace(record, label=found.label) if found is not None and found.label != record.id else record


def _is_record_file(path: str) -> bool:
    return path.endswith((".yaml", ".csv")) and path.count("/") == 1


def _record_at(repository: Repository, path: str) -> Ref | None:
    """The record a YAML file holds now (a CSV file holds many: none)."""
    if not path.endswith(".yaml"):
        return None
    collection, _, name = path.partition("/")
    record = repository.by_id.get(name.removesuffix(".yaml"))
    if record is None or record.path != path:
        return Ref(name.removesuffix(".yaml"), collection)
    return Ref(record.id, record.collection, record.label)


def _unique(edits: list[Edit]) -> tuple[Edit, ...]:
    """Each day and author once, in the order of the edits."""
    return tuple(dict.fromkeys(edits))


def _name(change: RegisterChange) -> str:
    if change.record is not None:
        return change.record.label or change.record.id
    return change.path or ""
