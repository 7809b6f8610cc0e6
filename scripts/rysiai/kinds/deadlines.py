"""What is due and by when: records waiting for an answer (a kind with a `deadline`: a request) and
tasks not done (a kind with `tasks`: a visit's follow-ups, a project's milestones), with who is
responsible."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..loading import Record
from ..repository import Repository

TASK_ITEM = "follow-up"  # the word for a task where the kind gives none


@dataclass(frozen=True)
class Deadline:
    record: Record
    due: dt.date
    item: str  # request, follow-up, milestone
    place: tuple  # where the due date is written (or would be: a derived one)
    about: str = ""  # a task's text
    owner: str | None = None  # the id of whoever is responsible
    task: bool = False  # one of a record's tasks, not the record itself


@dataclass(frozen=True)
class Task:
    """One task of a record (a follow-up, a milestone), done or not."""

    record: Record
    index: int
    text: str
    due: dt.date | None
    done: bool
    owner: str | None
    item: str


def status_of(repository: Repository, record: Record) -> str | None:
    """A waiting record's status; an empty one counts as the first status that waits."""
    rule = repository.schema.collections[record.collection].kind.deadline
    if rule is None:
        return None
    return record.typed.get(rule.status) or rule.waiting[0]


def is_waiting(repository: Repository, record: Record) -> bool:
    rule = repository.schema.collections[record.collection].kind.deadline
    return rule is not None and status_of(repository, record) in rule.waiting


def is_closed(repository: Repository, record: Record) -> bool:
    """A project whose status says nothing more is due (finished, stopped)."""
    rule = repository.schema.collections[record.collection].kind.project
    return rule is not None and record.typed.get(rule.status) in rule.closed


def tasks_of(repository: Repository, record: Record) -> list[Task]:
    """A record's tasks, in the order written."""
    rule = repository.schema.collections[record.collection].kind.tasks
    if rule is None:
        return []
    return [
        Task(
            record, index, str(item.get(rule.text, "")),
            item.get("due") if isinstance(item.get("due"), dt.date) else None,
            item.get("done") is True, item.get("owner"), rule.item,
        )
        for index, item in enumerate(record.typed.get(rule.field) or [])
    ]


def next_task(repository: Repository, record: Record) -> Task | None:
    """The first task not done, by due date (tasks without one after those with one); none
    for a closed project."""
    if is_closed(repository, record):
        return None
    open_tasks = [task for task in tasks_of(repository, record) if not task.done]
    if not open_tasks:
        return None
    return min(open_tasks, key=lambda task: (task.due is None, task.due or dt.date.max, task.index))


def deadlines(repository: Repository) -> Iterator[Deadline]:
    """Every deadline still open, in reading order: waiting records, then each one's tasks (but
    those of a closed project)."""
    for record in repository.records:
        kind = repository.schema.collections[record.collection].kind
        if kind.deadline is not None and is_waiting(repository, record):
            due = record.typed.get(kind.deadline.field)
            if isinstance(due, dt.date):
                owner = record.typed.get(kind.responsible) if kind.responsible else None
                place = (kind.deadline.field,) if kind.deadline.field not in record.derived else (kind.deadline.counted_from,)
                yield Deadline(record, due, kind.deadline.item, place, owner=owner)
        if kind.tasks is not None and not is_closed(repository, record):
            for task in tasks_of(repository, record):
                if task.due is not None and not task.done:
                    yield Deadline(
                        record, task.due, task.item, (kind.tasks.field, task.index, "due"),
                        about=task.text, owner=task.owner, task=True,
                    )
