"""The brief's words in one language (strings/lt.yaml, strings/en.yaml): labels, days of the week,
how far a date is, a record's name; shared by the Markdown and the HTML renderer."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from importlib import resources

import yaml

from ..errors import RysiaiError
from ..words.dates import day_of
from ..words.ids import ERASED_PERSON
from .model import Edit, Ref

DEFAULT_LANGUAGE = "lt"


@lru_cache(maxsize=None)
def _strings(language: str) -> dict:
    folder = resources.files(__package__) / "strings"
    source = folder / f"{language}.yaml"
    if not source.is_file():
        known = sorted(path.name.removesuffix(".yaml") for path in folder.iterdir() if path.name.endswith(".yaml"))
        raise RysiaiError(f"the brief has no words for language `{language}`; known: {', '.join(known)}")
    return yaml.safe_load(source.read_text("utf-8"))


class Wording:
    """The brief's words in ``language``."""

    def __init__(self, language: str = DEFAULT_LANGUAGE):
        self.strings = _strings(language)

    def text(self, key: str, **values: object) -> str:
        return str(self.strings[key]).format(**values)

    def item(self, word: str, fallback: str) -> str:
        """A kind's word for its entries or deadlines (`follow-up`) in this language; where the
        brief has none, ``fallback`` (the collection's title)."""
        key = "item_" + word.replace("-", "_")
        return self.text(key) if key in self.strings else fallback

    def day(self, day: dt.date) -> str:
        """`2026-12-03, ketvirtadienis`."""
        return f"{day.isoformat()}, {self.strings['weekdays'][day.weekday()]}"

    def when(self, start: dt.date | dt.datetime, end: dt.date | dt.datetime | None) -> str:
        """The day (and time) an entry starts, and when it ends if that is not the same moment."""
        text = self._moment(start)
        if end is None or end == start:
            return text
        same_day = day_of(end) == day_of(start)
        if same_day and isinstance(end, dt.datetime):
            return f"{text}–{end.strftime('%H:%M')}"
        if same_day or day_of(end) < day_of(start):
            return text
        return f"{text} – {self._moment(end)}"

    def _moment(self, moment: dt.date | dt.datetime) -> str:
        if isinstance(moment, dt.datetime):
            return f"{self.day(moment.date())}, {moment.strftime('%H:%M')}"
        return self.day(moment)

    def days(self, days: int | None, *, past: bool = False) -> str:
        """`vėluojama 3 d.`, `šiandien`, `liko 5 d.` (``past``: `prieš 3 d.` for a date gone by)."""
        if days is None:
            return ""
        if days == 0:
            return self.text("today")
        if days < 0:
            return self.text("days_ago" if past else "days_late", days=-days)
        return self.text("days_left", days=days)

    def name(self, ref: Ref) -> str:
        """What a reference shows: the record's label, `ištrintas asmuo`, or the id that is not there."""
        if ref.label is not None:
            return ref.label
        if ref.collection is None and ref.id == ERASED_PERSON:
            return self.text("erased_person")
        if ref.collection is not None:
            return ref.id  # a file removed: its id is all that is left
        return self.text("unknown_record", id=ref.id)

    def edits(self, found: tuple[Edit, ...]) -> str:
        """`2026-11-21 Ona Petraitienė, 2026-11-25 Jonas Jonaitis`: who changed a file, and when."""
        return ", ".join(f"{edit.day.isoformat()} {edit.author}" for edit in found)

    def group(self, what: str, count: int) -> str:
        """`Nauji įrašai (3)`: a kind of change and how many."""
        return f"{self.text('change_' + what.replace('-', '_'))} ({count})"

    def yes_no(self, value: bool) -> str:
        return self.text("yes" if value else "no")
