"""Calendar feeds (iCalendar, RFC 5545): visits, events and reply deadlines.

Each entry's UID is made from the record's id, so a rebuilt feed updates the entries of a
subscribed calendar instead of adding them again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icalendar import Calendar, Event

from ..loading import Record
from ..repository import Repository
from ..words.dates import WAITING, parse_moment

FEEDS = ("calendar", "visits", "events", "deadlines")
UID_DOMAIN = "rysiai"


def calendar_feed(
    repository: Repository, feed: str = "calendar", *, site_url: str = "", stamp: dt.datetime | None = None
) -> bytes:
    """The feed ``feed`` (one of FEEDS; `calendar` holds all the others) as iCalendar bytes."""
    if feed not in FEEDS:
        raise ValueError(f"unknown feed {feed!r}")
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", "-//Ryšiai//external relations//LT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", f"Ryšiai: {feed}")
    calendar.add("x-wr-timezone", "Europe/Vilnius")
    for entry in _entries(repository, feed, site_url):
        entry.add("dtstamp", stamp)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _entries(repository: Repository, feed: str, site_url: str) -> Iterator[Event]:
    for record in repository.records:
        if record.collection == "visits" and feed in ("calendar", "visits"):
            entry = _dated(record, site_url)
            if entry is not None:
                yield entry
        elif record.collection == "events" and feed in ("calendar", "events"):
            entry = _dated(record, site_url)
            if entry is not None:
                yield entry
        if feed in ("calendar", "deadlines"):
            yield from _deadlines(record, site_url)


def _page(record: Record, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/{record.collection}/{record.id}/" if site_url else ""


def _dated(record: Record, site_url: str) -> Event | None:
    start = _moment(record.typed.get("start"))
    if start is None:
        return None
    end = _moment(record.typed.get("end")) or start
    entry = Event()
    entry.add("uid", f"{record.collection}-{record.id}@{UID_DOMAIN}")
    entry.add("summary", record.label)
    if isinstance(start, dt.datetime):
        entry.add("dtstart", start)
        entry.add("dtend", end if isinstance(end, dt.datetime) and end > start else start + dt.timedelta(hours=1))
    else:  # all day: the end is exclusive in iCalendar
        last = end.date() if isinstance(end, dt.datetime) else end
        entry.add("dtstart", start)
        entry.add("dtend", last + dt.timedelta(days=1))
    _describe(entry, record, site_url)
    if record.typed.get("status") == "cancelled":
        entry.add("status", "CANCELLED")
    return entry


def _deadlines(record: Record, site_url: str) -> Iterator[Event]:
    due = record.typed.get("due")
    if record.collection == "requests" and isinstance(due, dt.date) and record.typed.get("status", "open") in WAITING:
        yield _due_day(f"{record.collection}-{record.id}-due", f"Atsakyti: {record.label}", due, record, site_url)
    for index, follow_up in enumerate(record.typed.get("follow_ups") or [], start=1):
        due = follow_up.get("due")
        if isinstance(due, dt.date) and not follow_up.get("done"):
            uid = f"{record.collection}-{record.id}-follow-up-{index}"
            summary = f"{follow_up.get('task', '')} ({record.label})"
            yield _due_day(uid, summary, due, record, site_url)


def _due_day(uid: str, summary: str, due: dt.date, record: Record, site_url: str) -> Event:
    """An all-day entry on a deadline."""
    entry = Event()
    entry.add("uid", f"{uid}@{UID_DOMAIN}")
    entry.add("summary", summary)
    entry.add("dtstart", due)
    entry.add("dtend", due + dt.timedelta(days=1))
    _describe(entry, record, site_url)
    return entry


def _describe(entry: Event, record: Record, site_url: str) -> None:
    place = record.typed.get("place")
    if place:
        entry.add("location", place)
    description = record.typed.get("purpose") or record.typed.get("subject") or ""
    if description:
        entry.add("description", description)
    page = _page(record, site_url)
    if page:
        entry.add("url", page)


def _moment(value) -> dt.date | dt.datetime | None:
    if isinstance(value, str):
        try:
            return parse_moment(value)
        except ValueError:
            return None
    return value if isinstance(value, dt.date) else None
