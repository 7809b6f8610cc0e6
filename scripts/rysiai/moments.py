"""Event times: a day (`2026-12-03`) or a day and time in Vilnius (`2026-12-03 10:30`)."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

VILNIUS = ZoneInfo("Europe/Vilnius")
MOMENT = re.compile(r"([0-9]{4}-[0-9]{2}-[0-9]{2})(?:[T ]([0-9]{2}):([0-9]{2})(?::([0-9]{2}))?)?")


def parse_moment(text: str) -> dt.date | dt.datetime:
    """A date, or a time-zone-aware date and time in Europe/Vilnius; ValueError says what is wrong."""
    match = MOMENT.fullmatch(text.strip())
    if not match:
        raise ValueError("not written as YYYY-MM-DD or YYYY-MM-DD HH:MM")
    day_text, hour, minute, second = match.groups()
    try:
        day = dt.date.fromisoformat(day_text)
    except ValueError:
        raise ValueError("no such day in the calendar") from None
    if hour is None:
        return day
    try:
        clock = dt.time(int(hour), int(minute), int(second or 0))
    except ValueError:
        raise ValueError("no such time of day") from None
    return dt.datetime.combine(day, clock, tzinfo=VILNIUS)


def day_of(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment
