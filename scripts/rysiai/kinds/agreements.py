"""Agreements (a kind with `agreements`): a partner's cooperation agreements, their round
anniversaries of signing and their ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..loading import Record
from ..repository import Repository
from ..words.dates import same_day_in

ANNIVERSARY_EVERY = 5  # years


def agreements(repository: Repository) -> Iterator[tuple[Record, dict]]:
    """Every agreement (its typed item) with the record that holds it."""
    for record in repository.records:
        field = repository.schema.collections[record.collection].kind.agreements
        if field is not None:
            for agreement in record.typed.get(field) or []:
                yield record, agreement


def anniversary_in(signed: dt.date, year: int) -> int:
    """How many years an agreement signed on ``signed`` turns in ``year`` if that is a round
    anniversary (every five years), else 0."""
    years = year - signed.year
    return years if years > 0 and years % ANNIVERSARY_EVERY == 0 else 0


def next_anniversary(signed, today: dt.date) -> str:
    """`2030-05-14 (20)`: the next round anniversary (every 5 years) from today on."""
    if not isinstance(signed, dt.date):
        return ""
    year = max(today.year, signed.year + ANNIVERSARY_EVERY)
    while (year - signed.year) % ANNIVERSARY_EVERY or same_day_in(signed, year) < today:
        year += 1
    return f"{same_day_in(signed, year).isoformat()} ({year - signed.year})"
