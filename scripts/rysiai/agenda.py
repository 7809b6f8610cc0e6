"""The office's agenda: what is overdue, what falls due soon, what is coming, what to look after,
from what the kinds of records say is due, coming or round (kinds/)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from .kinds.agreements import EXPIRY_WARNING_DAYS, agreements, anniversary_in, in_force
from .kinds.calendar import entries as calendar_entries
from .kinds.deadlines import deadlines
from .language import N_, _
from .loading import Record
from .repository import Repository
from .words.dates import day_of, months_before, same_day_in

# In this order the agenda lists its sections.
SECTIONS = {
    "overdue": N_("Overdue"),
    "due-soon": N_("Due soon"),
    "upcoming": N_("Coming up"),
    "anniversary": N_("Agreement anniversaries this year"),
    "expiring": N_("Agreements expiring"),
    "not-reviewed": N_("Not reviewed for a long time"),
}
# The words for what an item is about (the kinds' `item` words, and the agenda's own).
ITEM_WORDS = {
    "request": N_("request"), "follow-up": N_("follow-up"), "visit": N_("visit"),
    "event": N_("event"), "milestone": N_("milestone"), "media": N_("media"), "survey": N_("survey"),
    "interaction": N_("interaction"),
}
REVIEW_MONTHS = 24  # for collections whose resource sets no `review_months`


@dataclass(frozen=True)
class AgendaItem:
    """One line of the agenda: a record, the date that matters and how far it is from today."""

    section: str
    date: dt.date
    days: int  # days overdue (overdue), else days from today (negative: in the past)
    collection: str
    record: str
    path: str
    title: str
    what: str  # request, follow-up, milestone, visit, event, …, anniversary, expiry, review
    about: str = ""  # the follow-up's task, the agreement's type, the visit's direction
    years: int = 0  # for an anniversary
    owner: str | None = None  # the id of whoever is responsible (a request's, a follow-up's)

    @property
    def detail(self) -> str:
        """The item in a few words of the reader's language, for the command line."""
        if self.what == "anniversary":
            return _("{years} years of {about}").format(years=self.years, about=self.about)
        if self.what == "expiry":
            return _("{about} ends").format(about=self.about)
        if self.what == "review":
            return _("last reviewed {date}").format(date=self.date.isoformat())
        word = _(ITEM_WORDS[self.what]) if self.what in ITEM_WORDS else self.what
        return f"{word}: {self.about}" if self.about else word

    def to_dict(self) -> dict:
        data = asdict(self)
        data["date"] = self.date.isoformat()
        data["detail"] = self.detail
        return data


def build_agenda(repository: Repository, today: dt.date, days: int = 14) -> list[AgendaItem]:
    """Every agenda item, in section order, then by date."""
    items = [
        *_deadlines(repository, today, days),
        *_coming(repository, today, days),
        *_agreements(repository, today),
        *_not_reviewed(repository, today),
    ]
    order = list(SECTIONS)
    return sorted(items, key=lambda item: (order.index(item.section), item.date, item.title))


def _item(
    section: str, day: dt.date, today: dt.date, record: Record, what: str, about: str = "", years: int = 0,
    owner: str | None = None,
) -> AgendaItem:
    days = (today - day).days if section == "overdue" else (day - today).days
    return AgendaItem(
        section, day, days, record.collection, record.id, record.path, record.label, what, about, years, owner
    )


def _deadlines(repository: Repository, today: dt.date, days: int) -> Iterator[AgendaItem]:
    """Records waiting for an answer and tasks not done, by their due date."""
    horizon = today + dt.timedelta(days=days)
    for deadline in deadlines(repository):
        section = "overdue" if deadline.due < today else "due-soon" if deadline.due <= horizon else None
        if section is not None:
            yield _item(section, deadline.due, today, deadline.record, deadline.item, deadline.about, owner=deadline.owner)


def _coming(repository: Repository, today: dt.date, days: int) -> Iterator[AgendaItem]:
    horizon = today + dt.timedelta(days=days)
    for entry in calendar_entries(repository):
        start_day = day_of(entry.start)
        if not entry.cancelled and entry.on_agenda and today <= start_day <= horizon:
            yield _item("upcoming", start_day, today, entry.record, entry.item, _what_kind(repository, entry.record))


def _what_kind(repository: Repository, record: Record) -> str:
    """A visit's direction or an event's kind as the schema labels it (`Atvykstantis`, `KRPT
    posėdis`), the same in every language: the labels are the schema's."""
    fields = repository.schema.collections[record.collection].fields
    for name in ("direction", "kind"):
        value = record.typed.get(name)
        if value:
            field = fields.get(name)
            return str(field.enum_labels.get(value, value) if field is not None else value)
    return ""


def _agreements(repository: Repository, today: dt.date) -> Iterator[AgendaItem]:
    for record, agreement in agreements(repository):
        kind = agreement.get("type", "agreement")
        signed, until = agreement.get("signed"), agreement.get("until")
        years = anniversary_in(signed, today.year) if isinstance(signed, dt.date) else 0
        if years and in_force(agreement, same_day_in(signed, today.year)):
            yield _item("anniversary", same_day_in(signed, today.year), today, record, "anniversary", kind, years)
        if in_force(agreement, today) and isinstance(until, dt.date) and until <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS):
            yield _item("expiring", until, today, record, "expiry", kind)


def _not_reviewed(repository: Repository, today: dt.date) -> Iterator[AgendaItem]:
    """Records whose `reviewed` date is older than their collection's `review_months`, the same
    setting the `not-reviewed` check reads (REVIEW_MONTHS where a collection sets none)."""
    for record in repository.records:
        months = repository.schema.collections[record.collection].review_months or REVIEW_MONTHS
        reviewed = record.typed.get("reviewed")
        if isinstance(reviewed, dt.date) and reviewed < months_before(today, months):
            yield _item("not-reviewed", reviewed, today, record, "review")
