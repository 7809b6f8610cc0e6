"""Dates: working days and Lithuanian public holidays, months back, anniversaries, and moments
written as a day (`2026-12-03`) or a day and time in Vilnius (`2026-12-03 10:30`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache
from zoneinfo import ZoneInfo

from ..language import N_

# Public holidays on fixed dates (Labour Code, art. 123): month, day.
FIXED_HOLIDAYS = (
    (1, 1), (2, 16), (3, 11), (5, 1), (6, 24), (7, 6), (8, 15), (11, 1), (11, 2),
    (12, 24), (12, 25), (12, 26),
)


def easter_sunday(year: int) -> dt.date:
    """Western Easter (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


@lru_cache(maxsize=64)
def public_holidays(year: int) -> frozenset[dt.date]:
    """Holidays that fall on weekdays matter; Easter Monday is the only movable one of those."""
    fixed = {dt.date(year, month, day) for month, day in FIXED_HOLIDAYS}
    return frozenset(fixed | {easter_sunday(year) + dt.timedelta(days=1)})


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in public_holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The date ``days`` working days after ``start`` (the day of receipt does not count)."""
    current = start
    counted = 0
    while counted < days:
        current += dt.timedelta(days=1)
        if is_working_day(current):
            counted += 1
    return current


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` earlier (31 March less one month: 28 or 29 February)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def same_day_in(day: dt.date, year: int) -> dt.date:
    """The anniversary in ``year`` (a 29 February falls on 28 February in other years)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


VILNIUS = ZoneInfo("Europe/Vilnius")
MOMENT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?")


def parse_moment(text: str) -> dt.date | dt.datetime:
    """A date, or a time-zone-aware date and time in Europe/Vilnius; ValueError says what is wrong."""
    match = MOMENT.fullmatch(text.strip())
    if not match:
        raise ValueError(N_("not written as YYYY-MM-DD or YYYY-MM-DD HH:MM"))
    day_text, hour, minute, second = match.groups()
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        raise ValueError(N_("no such day in the calendar")) from None
    if hour is None:
        return day
    try:
        clock = dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        raise ValueError(N_("no such time of day")) from None
    return dt.datetime.combine(day, clock, tzinfo=VILNIUS)


def day_of(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def as_moment(value) -> dt.date | dt.datetime | None:
    """A date, or an event's time written as text, as a moment; None if it is neither."""
    if isinstance(value, str):
        try:
            return parse_moment(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None


def moment_day(value) -> dt.date | None:
    """The day of a date or of an event's time written as text; None if it is neither."""
    moment = as_moment(value)
    return None if moment is None else day_of(moment)
