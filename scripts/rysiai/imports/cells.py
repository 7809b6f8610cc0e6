"""Cells of CSV and Excel tables turned into what a field takes, or the reason they cannot be.

Excel hands over numbers, dates, booleans and formulas; CSV hands over text as people type it
(`02.01.2025`, `taip`, `Savivaldybė`). Each becomes the text the schema expects: dates
`YYYY-MM-DD`, numbers their digits (a phone typed as a number has no `.0` and no exponent),
booleans `true`/`false`, an allowed value's Lithuanian label its value. What cannot be made
so comes back with the reason, for the notes and the plan.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from ..language import _
from ..schema import Field


@dataclass(frozen=True)
class Formula:
    """A formula cell that holds no computed value (the file was not last saved by Excel)."""

    text: str


@dataclass(frozen=True)
class ExcelError:
    """An error value Excel shows in a cell: `#N/A`, `#DIV/0!`…"""

    code: str


@dataclass(frozen=True)
class Converted:
    """What a cell gives a field: the text to write, or the reason it goes into the notes."""

    text: str | None
    problem: str = ""


TRUE_WORDS = {"true", "taip", "yes", "1"}
FALSE_WORDS = {"false", "ne", "no", "0"}
TIME = r"(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?"
YEAR_FIRST = re.compile(r"([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})" + TIME)
DAY_FIRST = re.compile(r"([0-9]{1,2})([./])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})" + TIME)
PARTIAL = re.compile(r"[0-9]{4}(?:-[0-9]{2})?")


def fold_word(text: str) -> str:
    """Letter case, diacritics and spaces aside: `Savivaldybė ` → `savivaldybe`."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def as_text(cell) -> str:
    """A cell as it reads: numbers as their digits, dates and times in ISO form."""
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "TRUE" if cell else "FALSE"
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        if cell.is_integer() and abs(cell) < 2**53:
            return str(int(cell))
        # The shortest digits that are this number, without an exponent: a spreadsheet keeps
        # no more than 15 to 17 significant digits, so a longer number comes back as those.
        text = format(Decimal(repr(cell)), "f")
        return text.rstrip("0").rstrip(".") if "." in text else text
    if isinstance(cell, dt.datetime):
        if cell.time() == dt.time(0):
            return cell.date().isoformat()
        return cell.isoformat(sep=" ", timespec="minutes" if cell.second == 0 else "seconds")
    if isinstance(cell, (dt.date, dt.time)):
        return cell.isoformat()
    if isinstance(cell, dt.timedelta):
        return str(cell)
    if isinstance(cell, Formula):
        return cell.text
    if isinstance(cell, ExcelError):
        return cell.code
    return str(cell)


def month_first(cells: list) -> bool:
    """Whether a column writes dates month first (`01/13/2025`), as some Excel settings do."""
    for cell in cells:
        match = DAY_FIRST.fullmatch(cell.strip()) if isinstance(cell, str) else None
        if match and match.group(2) == "/" and int(match.group(1)) <= 12 < int(match.group(3)):
            return True
    return False


def convert(cell, field: Field, *, month_first_column: bool = False) -> Converted:
    """The text ``field`` gets from ``cell``, or None and the problem."""
    if isinstance(cell, Formula):
        return Converted(None, _("a formula with no computed value; open and save the file in Excel"))
    if isinstance(cell, ExcelError):
        return Converted(None, _("an error value of Excel"))
    kind = field.check if field.check in ("date-time", "partial-date") else field.type
    if kind in ("date", "date-time", "partial-date"):
        return _date(cell, kind, month_first_column)
    if kind == "boolean":
        return _boolean(cell, field)
    text = as_text(cell).strip()
    if field.enum is not None and text:
        return _allowed(text, field)
    if kind == "integer" and isinstance(cell, float) and not cell.is_integer():
        return Converted(None, _("not a whole number"))
    return Converted(text)


def _boolean(cell, field: Field) -> Converted:
    word = fold_word(as_text(cell))
    if isinstance(cell, bool) or word in TRUE_WORDS | FALSE_WORDS:
        truth = cell if isinstance(cell, bool) else word in TRUE_WORDS
        return Converted(field.true_values[0] if truth else field.false_values[0])
    return Converted(None, _("neither yes nor no: taip or ne, true or false"))


def _allowed(text: str, field: Field) -> Converted:
    if text in field.enum:
        return Converted(text)
    folded = fold_word(text)
    for value in field.enum:
        if folded in (fold_word(value), fold_word(field.enum_labels.get(value, value))):
            return Converted(value)
    allowed = ", ".join(
        f"{value} = {field.enum_labels[value]}" if value in field.enum_labels else value for value in field.enum
    )
    return Converted(None, _("not an allowed value; allowed: {allowed}").format(allowed=allowed))


def _date(cell, kind: str, month_first_column: bool) -> Converted:
    if isinstance(cell, dt.datetime):
        return _moment(cell.date(), cell.time(), kind)
    if isinstance(cell, dt.date):
        return _moment(cell, None, kind)
    if isinstance(cell, (dt.time, dt.timedelta, bool)):
        return Converted(None, _("not a date"))
    text = as_text(cell).strip()
    if not text:
        return Converted("")
    if kind == "partial-date" and PARTIAL.fullmatch(text):
        return Converted(text)
    match = YEAR_FIRST.fullmatch(text)
    if match:
        year, month, day = int(match.group(1)), int(match.group(3)), int(match.group(4))
    else:
        match = DAY_FIRST.fullmatch(text)
        if match is None:
            return Converted(None, _("not a date (write 2025-01-31, 31.01.2025 or 31/01/2025)"))
        if len(match.group(4)) == 2:
            return Converted(None, _("the year is written in two digits, so the century is unknown"))
        first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
        day, month = first, second
        if match.group(2) == "/" and month_first_column and first != second and max(first, second) <= 12:
            return Converted(None, _("day or month first? other dates in this column are written month first"))
    try:
        day_of = dt.date(year, month, day)
    except ValueError:
        return Converted(None, _("no such day in the calendar, read day first as dd/mm/yyyy"))
    time = None
    if match.group(5) is not None:
        try:
            time = dt.time(int(match.group(5)), int(match.group(6)), int(match.group(7) or 0))
        except ValueError:
            return Converted(None, _("no such time of day"))
    return _moment(day_of, time, kind)


def _moment(day: dt.date, time: dt.time | None, kind: str) -> Converted:
    if time is None or time == dt.time(0):
        return Converted(day.isoformat())
    if kind != "date-time":
        shown = time.isoformat(timespec="minutes")
        return Converted(None, _("a date with a time of day ({time}); this field takes a day").format(time=shown))
    if time.second or time.microsecond:
        return Converted(None, _("a time with seconds; this field takes hours and minutes"))
    return Converted(f"{day.isoformat()} {time.isoformat(timespec='minutes')}")
