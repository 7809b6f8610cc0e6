"""The report's requests: received in the year, answered, answered within the deadline, the
median days to an answer, and those still waiting past their deadline today."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..language import _
from ..schema import Collection
from ..words.ids import slugify
from .counting import by_field, count_table, in_year, value_counts
from .frames import DAY, Frames
from .model import Section
from .numbers import format_number


def requests_section(
    frames: Frames, collection: Collection, year: int, today: dt.date, counts_only: bool = False
) -> Section:
    """``counts_only``: every figure but the median (made of the records' dates), for a
    collection the public site does not publish."""
    rule = collection.kind.deadline
    fields = [rule.field, rule.status, rule.answered_date]
    frame = frames.records(collection, fields)
    received = frame[in_year(frame[DAY], year)]
    status = received[rule.status]
    answered_on = received[rule.answered_date] if rule.answered_date else pd.Series(pd.NaT, index=received.index)
    answered = answered_on.notna()
    if rule.answered_status:
        answered |= status.eq(rule.answered_status).fillna(False).astype(bool)
    on_time = answered_on.notna() & (answered_on <= received[rule.field]).fillna(False).astype(bool)
    # An empty status waits, as the first of the waiting ones (kinds/deadlines.py).
    waiting = status.isin(rule.waiting).fillna(False).astype(bool) | status.isna()
    overdue = waiting & (received[rule.field] < pd.Timestamp(today)).fillna(False).astype(bool)
    days = (answered_on - received[DAY]).dt.days.dropna()
    median = None if counts_only or days.empty else _number(days.median())
    figures = {
        "received": len(received), "answered": int(answered.sum()), "answered_on_time": int(on_time.sum()),
        "median_days_to_answer": median, "overdue": int(overdue.sum()),
    }
    share = format_number(100 * figures["answered_on_time"] / figures["answered"], 1) + "\u00a0%" if figures["answered"] else "–"
    facts = [
        (_("Received in the year"), format_number(figures["received"], 0)),
        (_("Answered"), format_number(figures["answered"], 0)),
        (_("Answered within the deadline"), f"{format_number(figures['answered_on_time'], 0)} ({share})"),
        (_("Median days to an answer"), "–" if median is None else format_number(median, 1)),
        (_("Overdue today"), format_number(figures["overdue"], 0)),
    ]
    field = collection.fields[rule.status]
    tables = [count_table(
        by_field(collection.title, field.title),
        value_counts(status), field.label_of, label_header=field.title,
        ident=slugify(f"{collection.name}-{rule.status}"),
    )]
    return Section(collection.name, collection.title, figures, facts, tables)


def _number(value: float) -> int | float:
    """A whole number as one (7, not 7.0), else as it is (7.5)."""
    return int(value) if float(value).is_integer() else float(value)
