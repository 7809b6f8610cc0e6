"""Agreements (a kind with `agreements`): a partner's cooperation agreements, their round
anniversaries of signing and their ends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..loading import Record
from ..repository import Repository
from ..words.dates import same_day_in

ANNIVERSARY_EVERY = 5  # years
EXPIRY_WARNING_DAYS = 90  # an agreement ending within this many days is on the agenda and the brief
# An agreement's `status` values: in force, and no longer in force (an ended agreement has no
# anniversaries and does not expire again).
IN_FORCE = "signed"
ENDED = ("expired", "ended")
DRAFT = "draft"  # still being prepared: not in force, not counted as signed


def agreements(repository: Repository) -> Iterator[tuple[Record, dict]]:
    """Every agreement (its typed item) with the record that holds it."""
    for record in repository.records:
        field = repository.schema.collections[record.collection].kind.agreements
        if field is not None:
            for agreement in record.typed.get(field) or []:
                yield record, agreement


def in_force(agreement: dict, day: dt.date) -> bool:
    """Whether the agreement still holds on ``day``: not marked ended, and not past its `until`."""
    until = agreement.get("until")
    return agreement.get("status") not in ENDED and not (isinstance(until, dt.date) and until < day)


def past_their_end(repository: Repository) -> Iterator[tuple[Record, int, dict]]:
    """Agreements whose `until` has passed while their `status` still says they are signed:
    (record, index of the agreement, the agreement)."""
    today = repository.today
    for record in repository.records:
        field = repository.schema.collections[record.collection].kind.agreements
        for index, agreement in enumerate(record.typed.get(field) or [] if field else []):
            until = agreement.get("until")
            if agreement.get("status") == IN_FORCE and isinstance(until, dt.date) and until < today:
                yield record, index, agreement


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
