"""Calendar entries (a kind with a `calendar`): records with a start and an end, each collection also
a feed of its own beside `calendar` (everything) and `deadlines` (what is due)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..loading import Record
from ..repository import Repository
from ..schema import Schema
from ..words.dates import as_moment

ALL_FEED = "calendar"
DEADLINES_FEED = "deadlines"


@dataclass(frozen=True)
class Entry:
    record: Record
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    item: str  # the kind's word for it: visit, event
    cancelled: bool
    on_agenda: bool = True  # listed among what is coming (the interaction log's entries are not)


def calendar_collections(schema: Schema) -> list[str]:
    return [name for name, collection in schema.collections.items() if collection.kind.calendar]


def feeds(schema: Schema) -> tuple[str, ...]:
    """Every feed: everything, one per calendar collection, and the deadlines."""
    return (ALL_FEED, *calendar_collections(schema), DEADLINES_FEED)


def entries(repository: Repository) -> Iterator[Entry]:
    """Every record of a calendar collection whose start is a day or a moment, in reading order."""
    for record in repository.records:
        calendar = repository.schema.collections[record.collection].kind.calendar
        if calendar is None:
            continue
        start = as_moment(record.typed.get(calendar.start))
        if start is None:
            continue
        end = as_moment(record.typed.get(calendar.end)) if calendar.end else None
        yield Entry(record, start, end, calendar.item, is_cancelled(record), calendar.agenda)


def is_cancelled(record: Record) -> bool:
    """A calendar entry called off (its `status` says `cancelled`): on no list of what is coming,
    in no count of what happened."""
    return record.typed.get("status") == "cancelled"
