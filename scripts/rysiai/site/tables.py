"""Tables the reader sorts by any column and narrows by filters: each cell carries its rank in
the column's order (Lithuanian order for text, dates as dates, numbers as numbers), worked out
here once, so the browser only compares whole numbers (assets/rysiai.js)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from ..words.collation import sort_key
from .html import esc


@dataclass
class Row:
    """One row: its cells (HTML), what each cell sorts by (a date, a number, plain text, or
    None for an empty cell, which sorts last), and the row's own attributes (HTML)."""

    cells: list[str]
    keys: list[object]
    attributes: str = ""
    groups: dict[str, str] = field(default_factory=dict)  # filter name → the row's value


class RowMemo:
    """The index rows a server made, kept for its next build: a row is made again only where
    its key changed (the record, and the labels of the records it refers to: ``key_of``,
    given by each build). The rows of records gone are dropped when a build starts."""

    def __init__(self):
        self.key_of: Callable[[str], object] | None = None
        self._rows: dict[tuple[str, str], tuple[object, Row]] = {}  # (page, record id) → (key, row)
        self._setting: object = None

    def start(self, setting: object, ids: set[str], key_of: Callable[[str], object]) -> None:
        """A build with ``setting`` (what every row shows alike: language, today, settings)
        over the records ``ids``."""
        if setting != self._setting:
            self._rows, self._setting = {}, setting
        self._rows = {place: row for place, row in self._rows.items() if place[1] in ids}
        self.key_of = key_of

    def row(self, page: str, record_id: str, make: Callable[[], Row]) -> Row:
        key = self.key_of(record_id)
        known = self._rows.get((page, record_id))
        if known is not None and known[0] == key:
            return known[1]
        made = make()
        self._rows[(page, record_id)] = (key, made)
        return made


def sortable_table(
    caption: str, headers: list[str], rows: list[Row], *, kind: str = "index", sorted_by: int | None = None
) -> str:
    """A table whose headings are buttons that sort it; ``sorted_by`` is the column the rows
    are already in order of (ascending), announced with `aria-sort`."""
    ranks = [_ranks([row.keys[column] for row in rows]) for column in range(len(headers))]
    head = "".join(
        f'<th scope="col"{_aria_sort(column, sorted_by)}>'
        f'<button type="button" class="rysiai-sort">{esc(header)}</button></th>'
        for column, header in enumerate(headers)
    )
    labels = [esc(header) for header in headers]
    body = []
    for number, row in enumerate(rows):
        groups = "".join(f' data-group-{esc(name)}="{esc(value)}"' for name, value in row.groups.items())
        cells = "".join(
            f'<td data-label="{labels[column]}" data-sort="{ranks[column][number]}">{cell}</td>'
            for column, cell in enumerate(row.cells)
        )
        body.append(f"<tr{row.attributes}{groups}>{cells}</tr>")
    return (
        f'<table data-rysiai="{esc(kind)}" data-sortable>\n'
        f'<caption class="rysiai-caption">{esc(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )


def _aria_sort(column: int, sorted_by: int | None) -> str:
    return ' aria-sort="ascending"' if column == sorted_by else ""


def _ranks(keys: list[object]) -> list[int]:
    """Each key's place among the column's distinct keys (equal keys share a rank)."""
    comparable = [_comparable(key) for key in keys]
    order = {key: rank for rank, key in enumerate(sorted(set(comparable)))}
    return [order[key] for key in comparable]


def _comparable(key: object) -> tuple:
    if key is None or key == "" or key == []:
        return (1,)  # empty cells last
    if isinstance(key, dt.datetime):
        return (0, 0, key.date().toordinal(), key.time().isoformat())
    if isinstance(key, dt.date):
        return (0, 0, key.toordinal(), "")
    if isinstance(key, (int, float)) and not isinstance(key, bool):
        return (0, 0, key, "")
    return (0, 1, sort_key(str(key)))
