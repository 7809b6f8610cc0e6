"""What is due and by when: records waiting for an answer (the `deadline` role: a request) and
tasks not done (the `tasks` role: a visit's follow-ups), with who is responsible."""

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
    role = repository.schema.collections[record.collection].roles.deadline
    if role is None:
        return None
    return record.typed.get(role.status) or role.waiting[0]


def is_waiting(repository: Repository, record: Record) -> bool:
    role = repository.schema.collections[record.collection].roles.deadline
    return role is not None and status_of(repository, record) in role.waiting


def deadlines(repository: Repository) -> Iterator[Deadline]:
    """Every deadline still open, in reading order: waiting records, then each one's tasks."""
    for record in repository.records:
        roles = repository.schema.collections[record.collection].roles
        if roles.deadline is not None and is_waiting(repository, record):
            due = record.typed.get(roles.deadline.field)
            if isinstance(due, dt.date):
                owner = record.typed.get(roles.responsible) if roles.responsible else None
                place = (roles.deadline.field,) if roles.deadline.field not in record.derived else (roles.deadline.counted_from,)
                yield Deadline(record, due, roles.deadline.item, place, owner=owner)
        if roles.tasks is not None:
            for index, task in enumerate(record.typed.get(roles.tasks) or []):
                due = task.get("due")
                if isinstance(due, dt.date) and not task.get("done"):
                    yield Deadline(
                        record, due, TASK_ITEM, (roles.tasks, index, "due"),
                        about=task.get("task", ""), owner=task.get("owner"),
                    )
