"""What the mayor's brief is made of, as plain data: its period, its sections and their items,
with every record named by a reference resolved to its label (the renderers need no repository)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

LOOK_BACK_DAYS = 7  # a period that starts today or later reports the changes of the week before


@dataclass(frozen=True)
class Period:
    """The days the brief looks ahead over (``start`` to ``end``), as seen on ``today``."""

    start: dt.date
    end: dt.date
    today: dt.date

    @property
    def since(self) -> dt.date:
        """The first day whose changes the brief reports: the period's own start where it lies
        in the past, else a week before today (the week since the last brief)."""
        return self.start if self.start < self.today else self.today - dt.timedelta(days=LOOK_BACK_DAYS)

    @property
    def until(self) -> dt.date:
        """The last day whose changes the brief reports: the period's end, or today."""
        return min(self.end, self.today)


def coming_week(today: dt.date) -> Period:
    """The coming week of an office that prepares the brief on Friday: from today to the Sunday
    of the week the sixth day from today falls in, so at least seven days and up to a Sunday.
    On a Friday that is the weekend and the whole next week; on a Monday, this week."""
    sixth = today + dt.timedelta(days=6)
    return Period(today, sixth + dt.timedelta(days=6 - sixth.weekday()), today)


@dataclass(frozen=True)
class Ref:
    """A record as a reference names it: its id, its collection where known, and its label where
    the record exists now (an erased person's `istrintas-asmuo`, a dangling id, a removed file
    have none)."""

    id: str
    collection: str | None = None
    label: str | None = None


@dataclass(frozen=True)
class Detail:
    """One field of a record as the brief shows it: the field's title and its value in one form:
    `text`, `markdown`, `link` (a web address), `yes-no` (a boolean), `list` (texts) or `refs`
    (a tuple of Ref)."""

    title: str
    form: str
    value: Any


@dataclass(frozen=True)
class Task:
    """A task not done yet, with who is responsible and how many days are left (negative: late)."""

    task: str
    owner: Ref | None
    due: dt.date | None
    days: int | None


@dataclass(frozen=True)
class Coming:
    """A visit or event in the period, with what preparing it needs."""

    record: Ref
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    item: str  # the kind's word: visit, event
    collection_title: str  # what the words have no label for is called by its collection's title
    details: tuple[Detail, ...]
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class Draft:
    title: str
    details: tuple[Detail, ...]  # the proposed position and what else a draft holds


@dataclass(frozen=True)
class Meeting:
    """A meeting that decides on drafts (KRPT), with the drafts and the advisor's conclusions."""

    record: Ref
    start: dt.date | dt.datetime
    end: dt.date | dt.datetime | None
    details: tuple[Detail, ...]
    drafts: tuple[Draft, ...]
    conclusions: Detail | None


@dataclass(frozen=True)
class Due:
    """A deadline overdue (``days`` < 0) or falling in the period, with who is responsible."""

    record: Ref
    due: dt.date
    days: int
    item: str  # request, follow-up, milestone
    collection_title: str
    about: str
    responsible: Ref | None


@dataclass(frozen=True)
class Milestone:
    title: str
    due: dt.date | None
    days: int | None


@dataclass(frozen=True)
class ProjectNews:
    """A project whose status changed in the period, or with a milestone ahead."""

    record: Ref
    status: str  # its status now, as labelled
    changed_from: str | None  # its status before the change, where it changed
    changed_on: dt.date | None
    responsible: Ref | None
    next_milestone: Milestone | None


@dataclass(frozen=True)
class AgreementNews:
    """An agreement that ended in the period (`ended`), ends soon (`ending`) or has a round
    anniversary in the period (`anniversary`)."""

    record: Ref
    what: str
    date: dt.date
    days: int  # from today (negative: in the past)
    type: str
    years: int = 0


@dataclass(frozen=True)
class Edit:
    day: dt.date  # in Vilnius
    author: str


@dataclass(frozen=True)
class RegisterChange:
    """A record file new, renamed, changed or removed in the period, with its edits. An erased
    person's file (`erased`, `removed-person`) keeps neither path nor id: both spell their name."""

    what: str  # new, renamed, changed, erased, removed-person, removed
    path: str | None
    record: Ref | None  # the record as it is now, where it is one record
    old_path: str | None  # a renamed file's name before
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Section:
    """One section of the brief; ``note`` says why it is empty where that is not the data's
    doing (`no-git`: no history to read; `no-projects`: the register keeps no projects)."""

    key: str
    items: tuple
    note: str = ""


@dataclass(frozen=True)
class Brief:
    period: Period
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        return next(section for section in self.sections if section.key == key)
