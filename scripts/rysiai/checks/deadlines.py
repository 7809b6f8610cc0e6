"""Deadlines (kinds/deadlines.py): an answered record has its answer's date; one that still waits
past its deadline is overdue."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..kinds.deadlines import TASK_ITEM, deadlines, status_of
from ..loading.record import location
from ..repository import Repository


def check(repository: Repository) -> Iterator[Finding]:
    for record in repository.records:
        rule = repository.schema.collections[record.collection].kind.deadline
        if rule is None or rule.answered_status is None or rule.answered_date is None:
            continue
        if status_of(repository, record) == rule.answered_status and rule.answered_date not in record.typed:
            yield catalogue.ANSWER_DATE(**location(record, (rule.status,)))
    today = repository.today
    for deadline in deadlines(repository):
        if deadline.item != TASK_ITEM and deadline.due < today:
            yield catalogue.OVERDUE(
                **location(deadline.record, deadline.place),
                due=deadline.due.isoformat(), days=(today - deadline.due).days,
            )
