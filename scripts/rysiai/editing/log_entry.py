"""`rysiai log`: one call, letter or meeting written into the interaction log from the command line
(the collection whose kind is `log`), as `rysiai new` writes a record: never over another file.

Who held it is the current user: the contact whose id the environment variable RYSIAI_USER gives,
else the contact whose e-mail is git's `user.email` in the data repository; else nobody is named.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from ..errors import RysiaiError
from ..kinds.log import log_collection
from ..kinds.people import is_person, person_with_email
from ..language import _
from ..loading import Record
from ..repository import Repository
from ..words.ids import slugify
from .new_record import NewRecord, new_record

USER_VARIABLE = "RYSIAI_USER"
LONGEST_ID = 60  # characters of an id made from the date and the subject


def log_entry(
    repository: Repository, who: list[str], subject: str, *, how: str | None, day: dt.date, by: Record | None,
) -> NewRecord:
    """One entry of the log, ready to write (its path and change set): on ``day``, with the
    records ``who`` names (ids, or `contacts/ona-b` as a path), about ``subject``, held by ``by``."""
    collection = log_collection(repository.schema)
    if collection is None:
        raise RysiaiError(_("no collection of datapackage.yaml keeps a log (a resource whose kind has `log`)"))
    rule = collection.kind.log
    if not subject.strip():
        raise RysiaiError(_("the subject is empty: say in a few words what it was about"))
    allowed = collection.fields[rule.with_].references
    ids = [_record_id(repository, name, allowed) for name in who]
    values: dict[str, str] = {rule.date: day.isoformat()}
    if rule.kind:
        how = _how(collection.fields[rule.kind], how)
        if how is not None:
            values[rule.kind] = how
    elif how is not None:
        raise RysiaiError(_("{name} has no field that says how (`kind.log.kind`): leave out --kind").format(name=collection.name))
    values[rule.with_] = collection.fields[rule.with_].delimiter.join(ids)
    if rule.by and by is not None:
        values[rule.by] = by.id
    values["id"] = free_id(repository, collection.name, f"{day.isoformat()}-{slugify(subject)}")
    return new_record(repository, collection.name, subject.strip(), values)


def free_id(repository: Repository, collection: str, wanted: str) -> str:
    """``wanted`` cut to LONGEST_ID characters at a dash, with `-2`, `-3`… where it is taken."""
    if len(wanted) > LONGEST_ID:
        wanted = wanted[:LONGEST_ID].rsplit("-", 1)[0]
    candidate, number = wanted, 1
    while candidate in repository.by_id or (repository.root / collection / f"{candidate}.yaml").exists():
        number += 1
        candidate = f"{wanted}-{number}"
    return candidate


def _record_id(repository: Repository, name: str, allowed: tuple[str, ...]) -> str:
    """An id from `ona-b`, `contacts/ona-b` or `contacts/ona-b.yaml`."""
    collection, _slash, record_id = name.strip().removesuffix(".yaml").rpartition("/")
    record = repository.by_id.get(record_id)
    if record is None or (collection and record.collection != collection):
        raise RysiaiError(_("there is no record `{name}` (write its id, e.g. `ona-b`, or its file, e.g. `contacts/ona-b`)").format(name=name))
    if record.collection not in allowed:
        raise RysiaiError(_("`{record_id}` is a record of {collection}; the log names records of {value}").format(record_id=record_id, collection=record.collection, value=', '.join(allowed)))
    return record_id


def _how(field, how: str | None) -> str | None:
    choices = ", ".join(f"{value} ({field.label_of(value)})" for value in field.enum or ())
    if how is None:
        if field.required:
            raise RysiaiError(_("say how with --kind: {choices}").format(choices=choices))
        return None
    if field.enum and how not in field.enum:
        raise RysiaiError(_("--kind `{how}` is not one of: {choices}").format(how=how, choices=choices))
    return how


def current_user(repository: Repository, environ: dict[str, str] | None = None) -> Record | None:
    """The person using Ryšiai: RYSIAI_USER (a contact's id), else the contact whose e-mail is
    git's `user.email`; None when neither says."""
    environ = os.environ if environ is None else environ
    named = environ.get(USER_VARIABLE, "").strip()
    if named:
        record = repository.by_id.get(named)
        if record is None or not is_person(repository, record):
            raise RysiaiError(_("{USER_VARIABLE} is `{named}`, which is no person's id; set it to your contact's id").format(USER_VARIABLE=USER_VARIABLE, named=named))
        return record
    email = git_email(repository.root)
    return person_with_email(repository, email) if email else None


def git_email(root: Path) -> str:
    """git's `user.email` as set for the data repository (empty where git or the setting is missing)."""
    try:
        done = subprocess.run(
            ["git", "-C", str(root), "config", "user.email"],
            capture_output=True, text=True, encoding="utf-8", errors="replace", check=False,
        )
    except OSError:
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""
