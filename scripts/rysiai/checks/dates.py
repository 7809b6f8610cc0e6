"""Dates: partial dates (YYYY, YYYY-MM, YYYY-MM-DD) are real, and an end is never before its start."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from .. import catalogue
from ..findings import Finding
from ..loading import Record
from ..repository import Repository
from . import checked_values, location

PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Pairs of fields, at the same level of a record (or of an array item), that must not go back in time.
DATE_ORDER = (("start", "end"), ("signed", "until"), ("received", "answered"), ("received", "due"))


def check(repository: Repository) -> Iterator[Finding]:
    for record, _field, value, place in checked_values(repository, "partial-date"):
        problem = partial_date_problem(value)
        if problem:
            yield catalogue.DATE(
                **location(record, place),
                value=value,
                problem=problem,
                hint="write a year (2010), a month (2010-07) or a day (2010-07-18)",
            )
    for record in repository.records:
        yield from _order(record, record.typed, ())


def partial_date_problem(value: str) -> str | None:
    match = PARTIAL_DATE.fullmatch(value)
    if not match:
        return "not written as YYYY, YYYY-MM or YYYY-MM-DD"
    year, month, day = (int(part) if part else 1 for part in match.groups())
    if year == 0:
        return "there is no year 0"
    try:
        dt.date(year, month, day)
    except ValueError:
        return "no such day in the calendar" if match.group(3) else "no such month"
    return None


def _order(record: Record, typed: dict, prefix: tuple) -> Iterator[Finding]:
    for first, last in DATE_ORDER:
        begin, end = typed.get(first), typed.get(last)
        if isinstance(begin, dt.date) and isinstance(end, dt.date) and end < begin:
            yield catalogue.DATE_ORDER(
                **location(record, prefix + (last,)),
                value=end.isoformat(),
                other=first,
                other_value=begin.isoformat(),
            )
    for name, value in typed.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                yield from _order(record, item, prefix + (name, index))
