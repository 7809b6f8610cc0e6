"""Calendar feeds (iCalendar, RFC 5545): visits, events and reply deadlines.

Each entry's UID is made from the record's id, so a rebuilt feed updates the entries of a
subscribed calendar instead of adding them again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from icalendar import Calendar, Event

from ..kinds.calendar import ALL_FEED, DEADLINES_FEED, Entry, entries, feeds
from ..kinds.deadlines import Deadline, deadlines
from ..loading import Record
from ..repository import Repository

UID_DOMAIN = "rysiai"
# The names calendar programs show for the feeds that are no collection of their own.
FEED_NAMES = {ALL_FEED: "kalendorius", DEADLINES_FEED: "terminai"}


def feed_name(schema, feed: str) -> str:
    """What a calendar program calls the feed: `Ryšiai: Vizitai` (the collection's title)."""
    collection = schema.collections.get(feed)
    return f"Ryšiai: {collection.title if collection is not None and feed not in FEED_NAMES else FEED_NAMES[feed]}"


def calendar_feed(
    repository: Repository, feed: str = ALL_FEED, *, site_url: str = "", stamp: dt.datetime | None = None
) -> bytes:
    """The feed ``feed`` (one of kinds.calendar.feeds: `calendar` holds all the others) as
    iCalendar bytes."""
    if feed not in feeds(repository.schema):
        raise ValueError(f"unknown feed {feed!r}")
    return _calendar(feed_name(repository.schema, feed), _entries(repository, feed, site_url), stamp)


def entry_files(repository: Repository, *, site_url: str = "", stamp: dt.datetime | None = None) -> Iterator[tuple[Record, bytes]]:
    """Each calendar entry's own file (a visit's or an event's "add to my calendar"), with the
    same UID as in the feeds; not the interaction log's, which records what happened."""
    for entry in entries(repository):
        if not entry.on_agenda:
            continue
        yield entry.record, _calendar(entry.record.label, iter([_dated(entry, site_url)]), stamp)


def entry_file(repository: Repository, record: Record, *, site_url: str = "", stamp: dt.datetime | None = None) -> bytes | None:
    """One record's entry file; None for a record that is no calendar entry."""
    return next((data for entry, data in entry_files(repository, site_url=site_url, stamp=stamp) if entry is record), None)


def _calendar(name: str, events: Iterator[Event], stamp: dt.datetime | None) -> bytes:
    stamp = stamp or dt.datetime.now(dt.timezone.utc)
    calendar = Calendar()
    calendar.add("prodid", "-//Ryšiai//external relations//LT")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Vilnius")
    for event in events:
        event.add("dtstamp", stamp)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _entries(repository: Repository, feed: str, site_url: str) -> Iterator[Event]:
    """A record's own entry, then its deadlines, record by record."""
    dated = {entry.record.id: entry for entry in entries(repository) if feed in (ALL_FEED, entry.record.collection)}
    due: dict[str, list[Deadline]] = {}
    if feed in (ALL_FEED, DEADLINES_FEED):
        for deadline in deadlines(repository):
            due.setdefault(deadline.record.id, []).append(deadline)
    for record in repository.records:
        if record.id in dated:
            yield _dated(dated[record.id], site_url)
        for deadline in due.get(record.id, []):
            yield _deadline(deadline, site_url)


def _page(record: Record, site_url: str) -> str:
    return f"{site_url.rstrip('/')}/{record.collection}/{record.id}/" if site_url else ""


def _dated(dated: Entry, site_url: str) -> Event:
    record, start = dated.record, dated.start
    end = dated.end or start
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
    if dated.cancelled:
        entry.add("status", "CANCELLED")
    return entry


def _deadline(deadline: Deadline, site_url: str) -> Event:
    record = deadline.record
    if deadline.task:
        index = deadline.place[1] + 1
        uid = f"{record.collection}-{record.id}-{deadline.item}-{index}"
        return _due_day(uid, f"{deadline.about} ({record.label})", deadline.due, record, site_url)
    return _due_day(f"{record.collection}-{record.id}-due", f"Atsakyti: {record.label}", deadline.due, record, site_url)


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
