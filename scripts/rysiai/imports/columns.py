"""A table's columns matched to a collection's fields, by name, by title, or as `--map` says.

Headers match a field's name (`email`) or Lithuanian title (`El. paštas`) in any letter case,
with or without diacritics. A first name and a surname in two columns (`Vardas`, `Pavardė`, in
either order; `First name`, `Last name`) make `name`, given name first; `--map
"Vardas+Pavardė=name"` says the same by hand, in the order given.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import RysiaiError
from ..language import _
from ..schema import Collection
from .cells import fold_word

GIVEN_NAMES = {"vardas", "first name", "firstname", "given name", "forename"}
SURNAMES = {"pavarde", "last name", "lastname", "surname", "family name"}


@dataclass(frozen=True)
class Column:
    """A field and the column(s) that fill it; several are joined with a space."""

    field: str
    indexes: tuple[int, ...]


def parse_map(text: str) -> dict[str, str]:
    """`Kraštas=country,Vardas+Pavardė=name` → {"Kraštas": "country", "Vardas+Pavardė": "name"}."""
    mapping = {}
    for pair in filter(None, (part.strip() for part in text.split(","))):
        source, equals, target = pair.partition("=")
        if not equals or not source.strip() or not target.strip():
            raise RysiaiError(_("--map takes SRC=field pairs, not {pair!r}").format(pair=pair))
        mapping[source.strip()] = target.strip()
    return mapping


def match_columns(
    header: list[str], collection: Collection, mapping: dict[str, str]
) -> tuple[list[Column], list[str], set[int]]:
    """The columns that fill fields, what was matched on its own beyond names and titles, and
    the columns named after a field another column fills already (their values go to the notes)."""
    folded = [fold_word(title) for title in header]
    columns: list[Column] = []
    taken: set[int] = set()
    filled: set[str] = set()
    remarks: list[str] = []
    for source, target in mapping.items():
        if target not in collection.fields:
            raise RysiaiError(_("--map names `{target}`, which is not a field of {name}").format(target=target, name=collection.name))
        indexes = tuple(_column_named(part, header, folded) for part in source.split("+"))
        columns.append(Column(target, indexes))
        taken.update(indexes)
        filled.add(target)
    by_title = {}
    for field in collection.fields.values():
        by_title.setdefault(fold_word(field.name), field.name)
        by_title.setdefault(fold_word(field.title), field.name)
    again = set()
    for index, title in enumerate(folded):
        target = by_title.get(title)
        if index in taken or target is None:
            continue
        if target in filled:
            again.add(index)
            continue
        columns.append(Column(target, (index,)))
        taken.add(index)
        filled.add(target)
    if "name" in collection.fields and "name" not in filled:
        given = [index for index, title in enumerate(folded) if title in GIVEN_NAMES and index not in taken]
        family = [index for index, title in enumerate(folded) if title in SURNAMES and index not in taken]
        if len(given) == 1 and len(family) == 1:
            columns.append(Column("name", (given[0], family[0])))
            remarks.append(_("`{given}` and `{family}` make `name` (given name first)").format(
                given=header[given[0]], family=header[family[0]]))
    return columns, remarks, again - taken


def _column_named(part: str, header: list[str], folded: list[str]) -> int:
    wanted = fold_word(part)
    matches = [index for index, title in enumerate(folded) if title == wanted]
    if len(matches) != 1:
        known = ", ".join(f"`{title}`" for title in header if title)
        if not matches:
            problem = _("--map names `{value}`, but the table has no column of that name; its columns are: {known}")
        else:
            problem = _("--map names `{value}`, but the table has more than one column of that name; its columns "
                        "are: {known}")
        raise RysiaiError(problem.format(value=part.strip(), known=known))
    return matches[0]
