"""What input each field of the schema gets in a form, with no per-collection code: a field
added to datapackage.yaml gets one by its type and check alone."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..schema import Field

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DAY_AND_TIME = re.compile(r"^(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2}))?$")
INPUT_TYPES = {"email": "email", "url": "url", "phone": "tel"}
PLACEHOLDERS = {
    "partial-date": "2010, 2010-07 arba 2010-07-18",
    "phone": "+370 612 34567",
    "url": "https://",
    "country": "LT",
}


def widget(field: Field, value: Any = None) -> str:
    """The kind of input: array (repeatable groups), list, reference, select, boolean,
    markdown, date, moment (a day and a time in Vilnius), number, or text."""
    if field.type == "array":
        return "array"
    if field.type == "list":
        return "list"
    if field.references:
        return "reference"
    if field.enum:
        return "select"
    if field.type == "boolean":
        return "boolean"
    if field.check == "markdown":
        return "markdown"
    if field.type == "date" and (not value or _is_day(value)):
        return "date"
    if field.check == "date-time" and (not value or DAY_AND_TIME.match(str(value))):
        return "moment"
    if field.type == "integer":
        return "number"
    return "text"


def item_widget(field: Field) -> str:
    """The input of one item of a list field."""
    if field.references:
        return "reference"
    if field.enum:
        return "select"
    return "text"


def input_type(field: Field) -> str:
    return INPUT_TYPES.get(field.check or "", "text")


def placeholder(field: Field) -> str:
    return PLACEHOLDERS.get(field.check or "", "")


def moment_parts(value: Any) -> tuple[str, str]:
    """A day-and-time value as its day and its time (`2026-12-03 10:30` → both)."""
    match = DAY_AND_TIME.match(str(value or ""))
    return (match.group(1), match.group(2) or "") if match else ("", "")


def options(field: Field, value: Any) -> list[tuple[str, str]]:
    """The choices of a select: (value, Lithuanian label); a value written in the file that is
    not allowed stays among them, so that opening and saving a form never changes it unseen."""
    choices = [(allowed, field.label_of(allowed)) for allowed in field.enum or ()]
    if value not in (None, "") and str(value) not in (field.enum or ()):
        choices.append((str(value), f"{value} (neleidžiama reikšmė)"))
    return choices


def boolean_options(field: Field, value: Any) -> list[tuple[str, str]]:
    choices = [(field.true_values[0], "Taip"), (field.false_values[0], "Ne")]
    if value not in (None, "") and str(value) not in (field.true_values[0], field.false_values[0]):
        written = str(value)
        label = "Taip" if written in field.true_values else "Ne" if written in field.false_values else written
        choices.append((written, f"{label} (įrašyta „{written}“)"))
    return choices


def as_list(value: Any) -> list:
    if value in (None, ""):
        return []
    return value if isinstance(value, list) else [value]


def _is_day(value: Any) -> bool:
    if not ISO_DAY.match(str(value)):
        return False
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True
