"""Counting with pandas for the report: how many of each value (in the schema's order for allowed
values, else most first), and such counts as the report's tables and JSON figures."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from ..language import _
from ..words.collation import sort_key
from ..words.declension import decline_name
from ..words.ids import slugify
from .model import BARS, Table

SHOWN_ROWS = 15  # a table drawn as bars shows this many rows; its download has them all


def value_counts(column: pd.Series) -> pd.Series:
    """How many rows hold each value: allowed values (a category) in the schema's order, other
    values most first (ties in Lithuanian order); values no row holds are left out."""
    if isinstance(column.dtype, pd.CategoricalDtype):
        counts = column.value_counts(sort=False)
        return counts[counts > 0].astype(int)
    counts = column.dropna().value_counts()
    order = sorted(counts.index, key=lambda value: (-counts[value], sort_key(str(value))))
    return counts.reindex(order).astype(int)


def as_figures(counts: pd.Series) -> dict[str, int]:
    """A count per value, as the JSON carries it: `{"LV": 3, "PL": 2}`."""
    return {str(key): int(value) for key, value in counts.items()}


def count_table(
    title: str, counts: pd.Series, label: Callable[[str], str], *,
    label_header: str, value_header: str | None = None, chart: str | None = BARS, ident: str | None = None,
) -> Table:
    """A table of counts, the rows named by ``label``; drawn as bars, cut to the first rows where
    there are many (the download keeps them all)."""
    frame = pd.DataFrame({
        label_header: [label(str(key)) for key in counts.index],
        value_header or _("Number"): [int(value) for value in counts.values],
    })
    table = Table(ident or slugify(title), title, frame, chart)
    if chart == BARS and len(frame) > SHOWN_ROWS:
        table.full, table.frame = frame, frame.head(SHOWN_ROWS)
        table.note = _("The {shown} with the most; the download holds all {total}.").format(
            shown=SHOWN_ROWS, total=len(frame)
        )
    return table


def in_year(days: pd.Series, year: int) -> pd.Series:
    """Which rows' day falls in ``year`` (rows without a day: none)."""
    return days.dt.year.eq(year).fillna(False).astype(bool)


def by_field(collection: str, field: str) -> str:
    """`Partneriai pagal rūšį`: a table's title, the field's title in the accusative that
    Lithuanian `pagal` asks for (as the declension of names makes it)."""
    accusative = decline_name(field).get("galininkas", field)
    if len(accusative) > 1 and accusative[1].islower():
        accusative = accusative[0].lower() + accusative[1:]
    return _("{collection} by {field}").format(collection=collection, field=accusative)
