"""Records into pandas data frames, one row per record (or per item of an array field), each
column typed as the schema types its field: dates as dates, whole numbers as numbers, allowed
values as categories in the schema's order, lists as lists."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from ..kinds.timeline import day_of_record
from ..loading import Record
from ..repository import Repository
from ..schema import Collection, Field

ID = "id"
DAY = "day"  # the day a record happened (kinds/timeline.py): a visit's start, a request's receipt


def records_frame(
    repository: Repository, collection: Collection, fields: list[str | None],
    flags: dict[str, Callable[[Record], bool]] | None = None,
) -> pd.DataFrame:
    """The collection's records: `id`, `day`, the given fields (those the schema has) and a
    boolean column per flag (what kinds/ says of each record: `cancelled`)."""
    kept = [collection.fields[name] for name in dict.fromkeys(fields) if name in collection.fields]
    flags = flags or {}
    rows = [
        (
            record.id, day_of_record(repository, record), *(record.typed.get(f.name) for f in kept),
            *(bool(flag(record)) for flag in flags.values()),
        )
        for record in repository.records if record.collection == collection.name
    ]
    frame = pd.DataFrame.from_records(rows, columns=[ID, DAY, *(f.name for f in kept), *flags])
    for name in flags:
        frame[name] = frame[name].astype(bool)
    frame[DAY] = pd.to_datetime(frame[DAY])
    for field in kept:
        frame[field.name] = typed_column(frame[field.name], field)
    return frame


def items_frame(repository: Repository, collection: Collection, array: str, fields: list[str]) -> pd.DataFrame:
    """The items of an array field (a partner's agreements), one row each, with the record's `id`."""
    item_fields = collection.fields[array].fields
    kept = [item_fields[name] for name in dict.fromkeys(fields) if name in item_fields]
    rows = [
        (record.id, *(item.get(f.name) for f in kept))
        for record in repository.records if record.collection == collection.name
        for item in record.typed.get(array) or []
    ]
    frame = pd.DataFrame.from_records(rows, columns=[ID, *(f.name for f in kept)])
    for field in kept:
        frame[field.name] = typed_column(frame[field.name], field)
    return frame


def typed_column(column: pd.Series, field: Field) -> pd.Series:
    """A column of typed values as pandas types them: what the field's type says."""
    if field.type == "date":
        return pd.to_datetime(column.map(lambda v: v if isinstance(v, dt.date) else None))
    # (pandas has made the whole numbers and booleans its own scalars already: typed by the schema)
    if field.type == "integer":
        return pd.to_numeric(column, errors="coerce").astype("Int64")
    if field.type == "boolean":
        return column.astype("boolean")
    if field.type == "list":
        return column.map(lambda v: [item for item in v if isinstance(item, str)] if isinstance(v, list) else [])
    if field.type == "string" and field.enum:
        # Allowed values as a category in the schema's order: counts come out in that order.
        return pd.Categorical(column.map(lambda v: v if isinstance(v, str) else None), categories=list(field.enum))
    return column.map(lambda v: v if isinstance(v, str) else None).astype("string")


class Frames:
    """The data frames of one repository, each made once however many years ask for it."""

    def __init__(self, repository: Repository):
        self.repository = repository
        self._made: dict[tuple, pd.DataFrame] = {}

    def records(self, collection: Collection, fields: list[str | None], flags: dict | None = None) -> pd.DataFrame:
        key = ("records", collection.name, tuple(fields), tuple(flags or ()))
        if key not in self._made:
            self._made[key] = records_frame(self.repository, collection, fields, flags)
        return self._made[key]

    def items(self, collection: Collection, array: str, fields: list[str]) -> pd.DataFrame:
        key = ("items", collection.name, array, tuple(fields))
        if key not in self._made:
            self._made[key] = items_frame(self.repository, collection, array, fields)
        return self._made[key]
