"""Requests: an answered request has its answer's date; an open one past its deadline is overdue."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..loading.record import location
from ..repository import Repository
from ..words.dates import WAITING


def check(repository: Repository) -> Iterator[Finding]:
    for record in repository.records:
        if record.collection != "requests":
            continue
        status = record.typed.get("status", "open")
        if status == "answered" and "answered" not in record.typed:
            yield catalogue.ANSWER_DATE(**location(record, ("status",)))
        due = record.typed.get("due")
        if status in WAITING and isinstance(due, dt.date) and due < repository.today:
            place = ("due",) if "due" not in record.derived else ("received",)
            yield catalogue.OVERDUE(
                **location(record, place), due=due.isoformat(), days=(repository.today - due).days
            )
