"""A person given by name rather than by id: the one record of that name, or, for someone who
has no record of their own (a resident named only in a request's `from_name`), a stand-in that
holds only the name, so that `person` and `forget` look for them as for anyone else."""

from __future__ import annotations

import re

from ..errors import RysiaiError
from ..language import _
from ..loading import Record
from ..repository import Repository
from ..words.names import fold

WORD = re.compile(r"\w+")
ID = re.compile(r"[a-z0-9-]+")  # what an id may look like; anything else is taken for a name


def is_stand_in(person: Record) -> bool:
    """Whether ``person`` stands for someone without a record of their own."""
    return not person.path


def looks_like_id(text: str) -> bool:
    return bool(ID.fullmatch(text))


def person_named(repository: Repository, name: str, is_person) -> Record:
    """The record of the person called ``name`` (either word first, letter case and diacritics
    aside), or a stand-in when no record has that name. ``is_person(record)`` tells the records
    of people. A RysiaiError when the name is one word or several records have it."""
    words = tuple(WORD.findall(fold(name)))
    if len(words) < 2:
        raise RysiaiError(
            _("`{name}` is not an id, and as a name it is one word: give the first name and the surname "
              "(`rysiai person \"Vardas Pavardė\"`) or the record's id").format(name=name)
        )
    orders = {words, (words[-1], *words[:-1])}
    same = [
        record for record in repository.records
        if is_person(record) and isinstance(record.typed.get("name"), str)
        and tuple(WORD.findall(fold(record.typed["name"]))) in orders
    ]
    if len(same) > 1:
        ids = ", ".join(f"`{record.id}` ({record.path})" for record in same)
        raise RysiaiError(_("{n} records are of people called `{name}`: {ids}; give the id of one").format(n=len(same), name=name, ids=ids))
    if same:
        return same[0]
    clean = " ".join(name.split())
    return Record("", "", "", 0, {"name": clean}, typed={"name": clean})
