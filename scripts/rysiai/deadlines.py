"""Reply deadlines: a date plus N working days, Lithuanian public holidays excepted."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

# Request statuses still waiting for the office's answer.
WAITING = ("open", "forwarded")
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
