"""What is due and by when: records waiting for an answer (a kind with a `deadline`: a request) and
tasks not done (a kind with `tasks`: a visit's follow-ups), with who is responsible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..loading import Record
from ..repository import Repository

TASK_ITEM = "follow-up"


@dataclass(frozen=True)
class Deadline:
    record: Record
    due: dt.date
    item: str  # request, follow-up
    place: tuple  # where the due date is written (or would be: a derived one)
    about: str = ""  # a task's text
    owner: str | None = None  # the id of whoever is responsible


def status_of(repository: Repository, record: Record) -> str | None:
    """A waiting record's status; an empty one counts as the first status that waits."""
    rule = repository.schema.collections[record.collection].kind.deadline
    if rule is None:
        return None
    return record.typed.get(rule.status) or rule.waiting[0]


def is_waiting(repository: Repository, record: Record) -> bool:
    rule = repository.schema.collections[record.collection].kind.deadline
    return rule is not None and status_of(repository, record) in rule.waiting


def deadlines(repository: Repository) -> Iterator[Deadline]:
    """Every deadline still open, in reading order: waiting records, then each one's tasks."""
    for record in repository.records:
        kind = repository.schema.collections[record.collection].kind
        if kind.deadline is not None and is_waiting(repository, record):
            due = record.typed.get(kind.deadline.field)
            if isinstance(due, dt.date):
                owner = record.typed.get(kind.responsible) if kind.responsible else None
                place = (kind.deadline.field,) if kind.deadline.field not in record.derived else (kind.deadline.counted_from,)
                yield Deadline(record, due, kind.deadline.item, place, owner=owner)
        if kind.tasks is not None:
            for index, task in enumerate(record.typed.get(kind.tasks) or []):
                due = task.get("due")
                if isinstance(due, dt.date) and not task.get("done"):
                    yield Deadline(
                        record, due, TASK_ITEM, (kind.tasks, index, "due"),
                        about=task.get("task", ""), owner=task.get("owner"),
                    )
