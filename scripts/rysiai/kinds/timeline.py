"""When a record happened, for timelines: a calendar entry's start, a deadline's first day (a
request's `received`), or the date a kind with `dated` names (a project's start)."""

from __future__ import annotations

import datetime as dt

from ..loading import Record
from ..repository import Repository
from ..words.dates import as_moment, day_of


def day_of_record(repository: Repository, record: Record) -> dt.date | None:
    kind = repository.schema.collections[record.collection].kind
    for field in (
        kind.calendar.start if kind.calendar else None,
        kind.deadline.counted_from if kind.deadline else None,
        kind.dated,
    ):
        moment = as_moment(record.typed.get(field)) if field else None
        if moment is not None:
            return day_of(moment)
    return None


def timeline(repository: Repository, records: list[Record]) -> list[tuple[dt.date, Record]]:
    """The records that have a day, each once, newest first (the same day: in reading order)."""
    seen, dated = set(), []
    for record in records:
        if record.id in seen:
            continue
        seen.add(record.id)
        day = day_of_record(repository, record)
        if day is not None:
            dated.append((day, record))
    return sorted(dated, key=lambda item: item[0], reverse=True)
