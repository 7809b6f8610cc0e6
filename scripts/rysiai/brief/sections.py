"""The mayor's brief built from what the kinds of records say (kinds/): what is coming and its
preparation, meetings with decision drafts, deadlines, projects, agreements, and the register's
changes from git."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..kinds.agreements import EXPIRY_WARNING_DAYS, agreements, anniversary_in, in_force
from ..kinds.calendar import Entry, entries
from ..kinds.deadlines import deadlines, tasks_of
from ..kinds.meetings import is_meeting, meetings
from ..loading import Record
from ..repository import Repository
from ..schema import Field
from ..words.collation import sort_key
from ..words.dates import day_of, same_day_in
from .changes import read_history, register_changes
from .model import (
    AgreementNews, Brief, Coming, Detail, Draft, Due, Meeting, Period, Section, Task,
)
from .projects import project_news
from .refs import record_ref, ref

# In this order the brief gives its sections.
SECTIONS = ("coming", "meetings", "deadlines", "project-news", "agreements", "changes")


def build_brief(repository: Repository, period: Period) -> Brief:
    """The brief for ``period``; where git has no history of the records, its section says so."""
    found = read_history(repository, period.since, period.until)
    changes = register_changes(repository, found) if found is not None else None
    projects, no_projects = project_news(repository, period, found)
    return Brief(period, (
        Section("coming", tuple(_coming(repository, period))),
        Section("meetings", tuple(_meetings(repository, period))),
        Section("deadlines", tuple(_deadlines(repository, period))),
        Section("project-news", tuple(projects), "no-projects" if no_projects else ""),
        Section("agreements", tuple(_agreements(repository, period))),
        Section("changes", tuple(changes or ()), "no-git" if changes is None else ""),
    ))


def detail(repository: Repository, field: Field, value: Any) -> Detail | None:
    """A field's typed value as the brief shows it; None where it is empty."""
    if value is None or value == "" or value == [] or field.type == "array":
        return None  # an array's items are shown by their own parts (drafts, tasks)
    if isinstance(value, bool):
        return Detail(field.title, "yes-no", value)
    if field.references:
        items = value if isinstance(value, list) else [value]
        return Detail(field.title, "refs", tuple(ref(repository, item) for item in items))
    if field.type == "list":
        return Detail(field.title, "list", tuple(field.label_of(str(item)) for item in value))
    if field.check == "markdown":
        return Detail(field.title, "markdown", str(value))
    if field.check == "url":
        return Detail(field.title, "link", str(value))
    if isinstance(value, dt.date):
        return Detail(field.title, "text", value.isoformat())
    return Detail(field.title, "text", field.label_of(str(value)))


def _details(repository: Repository, record: Record) -> tuple[Detail, ...]:
    collection = repository.schema.collections[record.collection]
    found = (detail(repository, collection.fields[name], record.typed.get(name)) for name in collection.brief)
    return tuple(item for item in found if item is not None)


def _in_period(entry: Entry, period: Period) -> bool:
    """Whether the entry takes place on a day of the period (one that started before and goes on
    into it too); cancelled entries are left out."""
    first = day_of(entry.start)
    last = day_of(entry.end) if entry.end is not None and day_of(entry.end) >= first else first
    return not entry.cancelled and first <= period.end and last >= period.start


def _moment_key(entry: Entry) -> tuple:
    start = entry.start
    return (day_of(start), start.timetz().replace(tzinfo=None) if isinstance(start, dt.datetime) else dt.time(), sort_key(entry.record.label))


def _coming(repository: Repository, period: Period):
    """Visits and events of the period, meetings with drafts left to their own section."""
    chosen = [
        e for e in entries(repository)
        if e.on_agenda and _in_period(e, period) and not is_meeting(repository, e.record)
    ]
    for entry in sorted(chosen, key=_moment_key):
        tasks = tuple(
            Task(task.text, ref(repository, task.owner) if task.owner else None, task.due,
                 (task.due - period.today).days if task.due else None)
            for task in tasks_of(repository, entry.record)
            if not task.done
        )
        title = repository.schema.collections[entry.record.collection].title
        yield Coming(record_ref(entry.record), entry.start, entry.end, entry.item, title, _details(repository, entry.record), tasks)


def _meetings(repository: Repository, period: Period):
    chosen = [m for m in meetings(repository) if _in_period(m.entry, period)]
    for meeting in sorted(chosen, key=lambda m: _moment_key(m.entry)):
        record = meeting.entry.record
        kind = repository.schema.collections[record.collection].kind.meetings
        draft_fields = repository.schema.collections[record.collection].fields[kind.drafts].fields
        drafts = tuple(
            Draft(
                str(draft.get("title", "")),
                tuple(
                    found for name, field in draft_fields.items()
                    if name != "title" and (found := detail(repository, field, draft.get(name))) is not None
                ),
            )
            for draft in meeting.drafts
        )
        conclusions = None
        if kind.conclusions:
            field = repository.schema.collections[record.collection].fields[kind.conclusions]
            conclusions = detail(repository, field, meeting.conclusions)
        yield Meeting(record_ref(record), meeting.entry.start, meeting.entry.end,
                      _details(repository, record), drafts, conclusions)


def _deadlines(repository: Repository, period: Period):
    """Every deadline already past, then those falling in the period, by date."""
    chosen = [d for d in deadlines(repository) if d.due < period.today or d.due <= period.end]
    for deadline in sorted(chosen, key=lambda d: (d.due, sort_key(d.record.label), d.about)):
        yield Due(
            record_ref(deadline.record), deadline.due, (deadline.due - period.today).days, deadline.item,
            repository.schema.collections[deadline.record.collection].title, deadline.about, ref(repository, deadline.owner) if deadline.owner else None,
        )


def _agreements(repository: Repository, period: Period):
    """Agreements that ended since the period's look back began, those in force ending within
    EXPIRY_WARNING_DAYS of today, and round anniversaries of signing in the period of those
    still in force then, by date."""
    found = []
    today = period.today
    for record, agreement in agreements(repository):
        kind = str(agreement.get("type") or "")
        signed, until = agreement.get("signed"), agreement.get("until")
        if isinstance(until, dt.date):
            if period.since <= until < today:
                found.append(AgreementNews(record_ref(record), "ended", until, (until - today).days, kind))
            elif in_force(agreement, today) and until <= today + dt.timedelta(days=EXPIRY_WARNING_DAYS):
                found.append(AgreementNews(record_ref(record), "ending", until, (until - today).days, kind))
        if isinstance(signed, dt.date):
            for year in range(period.start.year, period.end.year + 1):
                day, years = same_day_in(signed, year), anniversary_in(signed, year)
                if years and period.start <= day <= period.end and in_force(agreement, day):
                    found.append(AgreementNews(record_ref(record), "anniversary", day, (day - today).days, kind, years))
    return sorted(found, key=lambda news: (news.date, sort_key(news.record.label or ""), news.what))
