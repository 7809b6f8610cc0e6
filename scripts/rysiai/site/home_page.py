"""The home page: what the office needs at a glance."""

from __future__ import annotations

from ..agenda import SECTIONS, build_agenda
from ..brief import coming_week
from ..brief.wording import Wording
from ..kinds.calendar import entries as calendar_entries
from ..loading import Record
from ..loading.record import LABEL_FIELDS
from ..schema import Collection
from ..words.collation import sort_key
from ..words.dates import day_of
from .brief_page import PAGE as BRIEF
from .context import HOME, SiteContext
from .html import esc, link, relative_url, table
from .values import reference_link, render_value

SHOWN = 10  # rows in each list
OWNED = ("overdue", "due-soon")  # the agenda's sections whose items have someone responsible


def render_home_page(context: SiteContext, title: str) -> str:
    page_url = context.url(HOME)
    parts = [f"<h1>{esc(title)}</h1>"]
    if not context.public:  # the brief is the office's own
        parts.append(_brief_link(context, page_url))
    parts += [_agenda(context, page_url), _counts(context, page_url)]
    parts.extend(_coming_and_recent(context, page_url))
    if not context.public:  # who changed what, and what is wrong, is for staff only
        parts.append(_recent_changes(context, page_url))
        parts.append(_findings(context, page_url))
    parts.append(_calendars(context, page_url))
    # The home page only repeats what the records' own pages say: kept out of search.
    return '<div data-pagefind-ignore="all">' + "\n".join(parts) + "</div>\n"


def _brief_link(context: SiteContext, page_url: str) -> str:
    """The mayor's brief for the coming week, as of the build date."""
    period, words = coming_week(context.today), Wording(context.language)
    when = words.text("period", start=period.start.isoformat(), end=period.end.isoformat())
    target = relative_url(page_url, context.url(BRIEF))
    return f'<p class="rysiai-brief-link">{link(target, words.text("title"))} ({esc(when)})</p>'


def _counts(context: SiteContext, page_url: str) -> str:
    rows = []
    for name, collection in context.repository.schema.collections.items():
        count = len(context.repository.collection(name))
        target = relative_url(page_url, context.index_url(name))
        rows.append([link(target, collection.title), str(count)])
    heading = context.text("at_a_glance")
    headers = [context.text("search_kind_filter"), context.text("records")]
    return f"<h2>{esc(heading)}</h2>\n" + table(headers, rows, kind="counts", caption=heading)


def _coming_and_recent(context: SiteContext, page_url: str) -> list[str]:
    """For each calendar collection with home-page columns (`site.home`): what is coming, then
    what was recent, by start."""
    parts = []
    entries = list(calendar_entries(context.repository))
    for name, collection in context.repository.schema.collections.items():
        if not collection.home or collection.kind.calendar is None:
            continue
        own = [entry for entry in entries if entry.record.collection == name]
        upcoming = sorted((e for e in own if day_of(e.start) >= context.today), key=lambda e: day_of(e.start))
        recent = sorted((e for e in own if day_of(e.start) < context.today), key=lambda e: day_of(e.start), reverse=True)
        for key, chosen in (("upcoming", upcoming), ("recent", recent)):
            heading = context.text_or(f"{key}_{name}", f"{key}_records", title=collection.title)
            parts.append(_records(context, collection, heading, [e.record for e in chosen[:SHOWN]], page_url))
    return parts


def _records(context: SiteContext, collection: Collection, heading: str, records: list[Record], page_url: str) -> str:
    if not records:
        empty = context.text_or(f"no_{collection.name}", "no_records")
        return f"<h2>{esc(heading)}</h2>\n<p>{esc(empty)}</p>"
    columns = [collection.fields[name] for name in collection.home]
    rows = [
        [
            link(relative_url(page_url, context.record_url(record)), record.label)
            if field.name in LABEL_FIELDS
            else render_value(context, field, record.typed.get(field.name), page_url)
            for field in columns
        ]
        for record in records
    ]
    return f"<h2>{esc(heading)}</h2>\n" + table([field.title for field in columns], rows, kind="records", caption=heading)


def _recent_changes(context: SiteContext, page_url: str) -> str:
    heading = f"<h2>{esc(context.text('recent_changes'))}</h2>"
    if not context.history:
        return f"{heading}\n<p>{esc(context.text('no_history'))}</p>"
    by_path: dict[str, list[Record]] = {}
    for record in context.repository.records:
        by_path.setdefault(record.path, []).append(record)
    changed = sorted(
        ((change, path) for path, change in context.history.items() if path in by_path),
        key=lambda item: (item[0].date, item[1]),
        reverse=True,
    )[:SHOWN]
    items = []
    for change, path in changed:
        records = sorted(by_path[path], key=lambda r: sort_key(r.label))[:3]
        links = ", ".join(link(relative_url(page_url, context.record_url(r)), r.label) for r in records)
        items.append(f"<li>{esc(change.date.date().isoformat())} — {links} <small>({esc(change.author)})</small></li>")
    return f"{heading}\n<ul>\n" + "\n".join(items) + "\n</ul>"


def _findings(context: SiteContext, page_url: str) -> str:
    heading = f"<h2>{esc(context.text('findings'))}</h2>"
    if not context.findings:
        return f"{heading}\n<p>{esc(context.text('no_findings'))}</p>"
    items = []
    for finding in context.findings:
        record = context.repository.by_id.get(finding.record or "")
        where = (
            link(relative_url(page_url, context.record_url(record)), record.label)
            if record is not None and record.path == finding.path
            else esc(finding.path)
        )
        items.append(f"<li>{where}: <code>{esc(finding.code)}</code> {esc(finding.message)}</li>")
    return f"{heading}\n<ul>\n" + "\n".join(items) + "\n</ul>"


def _calendars(context: SiteContext, page_url: str) -> str:
    """Links to the calendar feeds the plugin writes beside the pages (export/calendar.py)."""
    collections = context.repository.schema.collections
    links = " · ".join(
        link(
            relative_url(page_url, f"{feed}.ics"),
            context.text_or(f"calendar_{feed}", "calendar_records", title=collections[feed].title if feed in collections else feed),
        )
        for feed in context.feeds
    )
    return f"<h2>{esc(context.text('calendars'))}</h2>\n<p>{links}</p>"


def _agenda(context: SiteContext, page_url: str) -> str:
    """What `rysiai agenda` lists, as of the build date (the site's today); what is due shows
    whose it is."""
    items = build_agenda(context.repository, context.today)
    heading = f"<h2>{esc(context.text('agenda'))}</h2>"
    if not items:
        return f"{heading}\n<p>{esc(context.text('agenda_empty'))}</p>"
    parts = [heading]
    for section in SECTIONS:
        chosen = [item for item in items if item.section == section]
        if not chosen:
            continue
        with_owner = section in OWNED
        headers = [context.text("agenda_date"), context.text("agenda_record"), context.text("agenda_what")]
        if with_owner:
            headers.append(context.text("agenda_owner"))
        rows = []
        for item in chosen:
            row = [
                esc(item.date.isoformat()),
                link(relative_url(page_url, context.url(f"{item.collection}/{item.record}.md")), item.title),
                esc(_what(context, item)),
            ]
            if with_owner:
                row.append(reference_link(context, item.owner, page_url) if item.owner else "")
            rows.append(row)
        title = context.text("agenda_" + section.replace("-", "_"))
        parts.append(f"<h3>{esc(title)}</h3>")
        parts.append(table(headers, rows, kind="agenda", caption=title))
    return "\n".join(parts)


def _what(context: SiteContext, item) -> str:
    """The agenda item in the site's language."""
    title = context.repository.schema.collections[item.collection].title
    text = context.text_or(
        f"agenda_what_{item.what.replace('-', '_')}", "agenda_what_record", years=item.years, about=item.about, title=title
    )
    return text.strip(" :—")
