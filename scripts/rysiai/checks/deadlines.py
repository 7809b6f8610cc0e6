"""Deadlines (kinds/deadlines.py): an answered record has its answer's date; one that still waits
past its deadline is overdue, and so is a task not done past its due date; an agreement past its
end should not still say it is signed."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..kinds.agreements import past_their_end
from ..kinds.deadlines import deadlines, status_of
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
        if deadline.due >= today:
            continue
        late = {"due": deadline.due.isoformat(), "days": (today - deadline.due).days}
        where = location(deadline.record, deadline.place)
        if deadline.task:  # worded by the kind's word for its tasks: a follow-up, a milestone
            overdue = catalogue.OVERDUE_TASKS.get(deadline.item, catalogue.OVERDUE_TASK)
            yield overdue(**where, task=deadline.about, **late)
        else:
            yield catalogue.OVERDUE(**where, **late)
    for record, index, agreement in past_their_end(repository):
        field = repository.schema.collections[record.collection].kind.agreements
        yield catalogue.AGREEMENT_ENDED(
            **location(record, (field, index, "status")),
            type=agreement.get("type", ""), until=agreement["until"].isoformat(), status=agreement["status"],
        )
