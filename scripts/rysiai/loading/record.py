"""A record as read from its file: values as written, and the line of every value."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# A place in a record: ("agreements", 0, "signed") is the `signed` of the first agreement.
FieldPath = tuple
# The fields that name a record, by collection: partners' name, visits' title, requests' subject.
LABEL_FIELDS = ("name", "title", "subject")


class Unpublished(str):
    """A reference to a record the public view leaves out (privacy/public_view.py). The text is
    that record's public name, or empty when its name may not be shown (a person who did not
    agree)."""


@dataclass
class Record:
    """One record of a collection.

    ``values`` holds each field as written in the file (text, lists, mappings); ``typed``
    holds the values the schema could type (dates as ``datetime.date``, booleans as ``bool``).
    A field whose value could not be typed is absent from ``typed`` and reported.
    """

    collection: str
    id: str
    path: str
    line: int
    values: dict[str, Any]
    lines: dict[FieldPath, int] = field(default_factory=dict)
    typed: dict[str, Any] = field(default_factory=dict)
    derived: set[str] = field(default_factory=set)  # typed fields computed, not written

    def line_of(self, *place: Any) -> int:
        """The line of a field (or of an item inside it), else the record's own line."""
        while place:
            if place in self.lines:
                return self.lines[place]
            place = place[:-1]
        return self.line

    @property
    def label(self) -> str:
        """What people call the record: its name, title or subject, else its id."""
        value = next((self.values[name] for name in LABEL_FIELDS if self.values.get(name)), None)
        return value if isinstance(value, str) else self.id


def field_label(place: tuple) -> str:
    """How a finding names a place: ("agreements", 0, "signed") → "agreements[1].signed".

    Items of a plain list are named by their list (("tags", 2) → "tags"); the line tells which.
    """
    text = ""
    for index, part in enumerate(place):
        if isinstance(part, int):
            if index + 1 < len(place):
                text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text


def location(record: Record, place: tuple) -> dict[str, Any]:
    """The keyword arguments that place a finding on a record's field."""
    return {
        "path": record.path,
        "line": record.line_of(*place),
        "record": record.id,
        "field": field_label(place),
    }
