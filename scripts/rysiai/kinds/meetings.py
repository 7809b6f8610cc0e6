"""Meetings with decision drafts (a kind with `meetings`): the regional development council's
sittings (KRPT), each with the drafts to decide, the position proposed to the mayor and the
advisor's conclusions."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..loading import Record
from ..repository import Repository
from .calendar import Entry, entries


@dataclass(frozen=True)
class Meeting:
    entry: Entry
    drafts: list[dict]  # the typed items of the drafts field, in the order written
    conclusions: str | None


def is_meeting(repository: Repository, record: Record) -> bool:
    """Whether the record is a meeting its kind says decides on drafts."""
    meetings = repository.schema.collections[record.collection].kind.meetings
    if meetings is None:
        return False
    return meetings.field is None or record.typed.get(meetings.field) in meetings.values


def meetings(repository: Repository) -> Iterator[Meeting]:
    """Every meeting with a start, in reading order (cancelled ones too: the entry says so)."""
    for entry in entries(repository):
        if is_meeting(repository, entry.record):
            kind = repository.schema.collections[entry.record.collection].kind.meetings
            drafts = list(entry.record.typed.get(kind.drafts) or [])
            conclusions = entry.record.typed.get(kind.conclusions) if kind.conclusions else None
            yield Meeting(entry, drafts, conclusions if isinstance(conclusions, str) else None)
