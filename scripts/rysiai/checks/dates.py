"""Dates: partial dates (YYYY, YYYY-MM, YYYY-MM-DD) are real, and an end is never before its start."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..language import _
from ..loading import Record
from ..loading.record import location
from ..repository import Repository
from ..words.dates import VILNIUS, parse_moment
from . import checked_values

PARTIAL_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
# Pairs of fields, at the same level of a record (or of an array item), that must not go back in time.
DATE_ORDER = (
    ("start", "end"), ("signed", "until"), ("received", "answered"), ("received", "due"), ("from", "until"),
)


def check(repository: Repository) -> Iterator[Finding]:
    for record, _field, value, place in checked_values(repository, "partial-date"):
        problem = partial_date_problem(value)
        if problem:
            yield catalogue.DATE(
                **location(record, place),
                value=value,
                problem=problem,
                hint=_("write a year (2010), a month (2010-07) or a day (2010-07-18)"),
            )
    for record, _field, value, place in checked_values(repository, "date-time"):
        try:
            parse_moment(value)
        except ValueError as problem:
            yield catalogue.DATE(
                **location(record, place),
                value=value,
                problem=_(str(problem)),
                hint=_("write a day, 2026-12-03, or a day and time in Vilnius, 2026-12-03 10:30"),
            )
    for record in repository.records:
        yield from _order(record, record.typed, ())


def partial_date_problem(value: str) -> str | None:
    match = PARTIAL_DATE.fullmatch(value)
    if not match:
        return _("not written as YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(part) if part else 1 for part in match.groups())
    if year == 0:
        return _("there is no year 0")
    try:
        dt.date(year, month, day)
    except ValueError:
        return _("no such day in the calendar") if match.group(3) else _("no such month")
    return None


def _comparable(value, whole_day: dt.time):
    """Dates and event times on one scale: a date counts from its first moment when it begins
    something and to its last when it ends it."""
    if isinstance(value, str):
        try:
            value = parse_moment(value)
        except ValueError:
            return None
    if isinstance(value, dt.datetime):
        return (value.date(), value.astimezone(VILNIUS).time())
    if isinstance(value, dt.date):
        return (value, whole_day)
    return None


def _order(record: Record, typed: dict, prefix: tuple) -> Iterator[Finding]:
    for first, last in DATE_ORDER:
        begin, end = _comparable(typed.get(first), dt.time.min), _comparable(typed.get(last), dt.time.max)
        if begin is not None and end is not None and end < begin:
            yield catalogue.DATE_ORDER(
                **location(record, prefix + (last,)),
                value=str(typed[last]),
                other=first,
                other_value=str(typed[first]),
            )
    for name, value in typed.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            for index, item in enumerate(value):
                yield from _order(record, item, prefix + (name, index))
