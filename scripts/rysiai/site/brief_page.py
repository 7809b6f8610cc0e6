"""The mayor's brief as HTML: the site's page (rebuilt with the site, for the build date) and the
page `rysiai brief --format html` writes, to print on A4 or read on a phone. Every value escaped."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources

from ..brief import Brief, build_brief, coming_week
from ..brief.changes import grouped
from ..brief.model import AgreementNews, Coming, Detail, Due, Meeting, ProjectNews, Ref, RegisterChange, Task
from ..brief.wording import Wording
from .context import SiteContext
from .html import esc, link, relative_url
from .markdown_fields import render_markdown

PAGE = "brief.md"
Href = Callable[[Ref], "str | None"]


def render_brief_page(context: SiteContext) -> str:
    """The site's page: the coming week as of the build date, each record linked to its page."""
    brief = build_brief(context.repository, coming_week(context.today))
    page_url = context.url(PAGE)

    def href(ref: Ref) -> str | None:
        if ref.label is None or ref.collection is None:
            return None
        return relative_url(page_url, context.url(f"{ref.collection}/{ref.id}.md"))

    # The page only repeats what the records' own pages say: kept out of search.
    return f'<div class="rysiai-brief" data-pagefind-ignore="all">\n{render_brief(brief, Wording(context.language), href)}</div>\n'


def brief_document(brief: Brief, language: str = "lt") -> str:
    """A page of its own (no site around it, no links to the site): the brief's style inline."""
    words = Wording(language)
    style = (resources.files("rysiai.site") / "assets" / "rysiai-brief.css").read_text("utf-8")
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(language)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(words.text('title'))} {esc(brief.period.start.isoformat())}</title>\n"
        f"<style>\n{STANDALONE_STYLE}{style}</style>\n</head>\n<body>\n"
        f'<main class="rysiai-brief">\n{render_brief(brief, words, lambda ref: None)}</main>\n</body>\n</html>\n'
    )


# What the site's theme gives the page, for a page without it.
STANDALONE_STYLE = (
    "body { font: 11pt/1.45 system-ui, sans-serif; color: #1f1f1f; margin: 0; }\n"
    ".rysiai-brief { max-width: 50em; margin: 0 auto; padding: 1em; }\n"
    "@media print { .rysiai-brief { padding: 0; max-width: none; } }\n"
)


def render_brief(brief: Brief, words: Wording, href: Href) -> str:
    """The brief's sections in order; ``href`` gives a record's address, or None for no link."""
    period = brief.period
    parts = [
        f"<h1>{esc(words.text('title'))}</h1>",
        '<p class="rysiai-brief-period">'
        + esc(words.text("period", start=words.day(period.start), end=words.day(period.end)))
        + " · " + esc(words.text("prepared", today=period.today.isoformat())) + "</p>",
    ]
    for section in brief.sections:
        body = [f"<h2>{esc(words.text('section_' + section.key.replace('-', '_')))}</h2>"]
        if section.note:
            body.append(f"<p>{esc(words.text(section.note.replace('-', '_')))}</p>")
        elif section.key == "changes":
            body.append(_changes(brief, words, href))
        elif not section.items:
            body.append(f"<p>{esc(words.text('empty_' + section.key.replace('-', '_')))}</p>")
        else:
            body.append(SECTION_RENDERERS[section.key](section.items, words, href))
        parts.append(f'<section class="rysiai-brief-section" id="brief-{esc(section.key)}">\n' + "\n".join(body) + "\n</section>")
    return "\n".join(parts) + "\n"


def _name(ref: Ref, words: Wording, href: Href) -> str:
    target = href(ref)
    return link(target, words.name(ref)) if target else esc(words.name(ref))


def _details(details: tuple[Detail, ...], words: Wording, href: Href) -> str:
    if not details:
        return ""
    rows = "".join(f"<dt>{esc(d.title)}</dt><dd>{_value(d, words, href)}</dd>" for d in details)
    return f'<dl class="rysiai-brief-details">{rows}</dl>'


def _value(detail: Detail, words: Wording, href: Href) -> str:
    if detail.form == "refs":
        return ", ".join(_name(ref, words, href) for ref in detail.value)
    if detail.form == "list":
        return "; ".join(esc(item) for item in detail.value)
    if detail.form == "markdown":
        return render_markdown(detail.value)
    if detail.form == "link":
        return link(detail.value, detail.value, external=True)
    if detail.form == "yes-no":
        return esc(words.yes_no(detail.value))
    return esc(detail.value)


def _days(days: int | None, words: Wording, *, past: bool = False) -> str:
    late = days is not None and days < 0 and not past
    return f'<span class="rysiai-brief-{"late" if late else "days"}">{esc(words.days(days, past=past))}</span>'


def _date(day) -> str:
    return f'<span class="rysiai-brief-date">{esc(day.isoformat())}</span>'


def _coming(items: tuple[Coming, ...], words: Wording, href: Href) -> str:
    parts = []
    for item in items:
        tasks = ""
        if item.tasks:
            tasks = f"<h4>{esc(words.text('open_tasks'))}</h4>\n<ul>" + "".join(_task(t, words, href) for t in item.tasks) + "</ul>"
        parts.append(
            f'<article class="rysiai-brief-item">\n<h3>{_name(item.record, words, href)}</h3>\n'
            f'<p class="rysiai-brief-when">{esc(words.item(item.item, item.collection_title))} · {esc(words.when(item.start, item.end))}</p>\n'
            f"{_details(item.details, words, href)}\n{tasks}\n</article>"
        )
    return "\n".join(parts)


def _task(task: Task, words: Wording, href: Href) -> str:
    owner = _name(task.owner, words, href) if task.owner else esc(words.text("no_owner"))
    due = (f"{esc(words.text('due_by', date=task.due.isoformat()))} ({_days(task.days, words)})"
           if task.due else esc(words.text("no_due")))
    return f"<li>{esc(task.task)} — {owner}, {due}</li>"


def _meetings(items: tuple[Meeting, ...], words: Wording, href: Href) -> str:
    parts = []
    for item in items:
        drafts = "".join(
            f"<li><strong>{esc(draft.title)}</strong>{_details(draft.details, words, href)}</li>" for draft in item.drafts
        )
        drafts_html = f"<ol>{drafts}</ol>" if drafts else f"<p>{esc(words.text('no_drafts'))}</p>"
        conclusions = ""
        if item.conclusions is not None:
            conclusions = f"<h4>{esc(item.conclusions.title)}</h4>\n{_value(item.conclusions, words, href)}"
        parts.append(
            f'<article class="rysiai-brief-item">\n<h3>{_name(item.record, words, href)}</h3>\n'
            f'<p class="rysiai-brief-when">{esc(words.when(item.start, item.end))}</p>\n'
            f"{_details(item.details, words, href)}\n<h4>{esc(words.text('drafts'))}</h4>\n{drafts_html}\n{conclusions}\n</article>"
        )
    return "\n".join(parts)


def table(headers: list[str], rows: list[list[str]]) -> str:
    """A table that becomes one card per row on a narrow screen: each cell names its column."""
    head = "".join(f'<th scope="col">{esc(header)}</th>' for header in headers)
    body = "\n".join(
        "<tr>" + "".join(f'<td data-label="{esc(header)}">{cell}</td>' for header, cell in zip(headers, row)) + "</tr>"
        for row in rows
    )
    return f'<table class="rysiai-brief-table">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'


def _deadlines(items: tuple[Due, ...], words: Wording, href: Href) -> str:
    headers = [words.text(f"deadline_{key}") for key in ("date", "days", "record", "what", "responsible")]
    rows = [
        [
            _date(item.due),
            _days(item.days, words),
            _name(item.record, words, href),
            esc(words.item(item.item, item.collection_title) + (f" „{item.about}“" if item.about else "")),
            _name(item.responsible, words, href) if item.responsible else esc(words.text("nobody")),
        ]
        for item in items
    ]
    return table(headers, rows)


def _projects(items: tuple[ProjectNews, ...], words: Wording, href: Href) -> str:
    rows = []
    for item in items:
        if item.changed_from is not None:
            parts = [esc(words.text("project_changed", date=item.changed_on.isoformat(), old=item.changed_from, new=item.status))]
        else:
            parts = [esc(words.text("project_status", status=item.status))]
        if item.responsible is not None:
            parts.append(f"{esc(words.text('deadline_responsible'))}: {_name(item.responsible, words, href)}")
        milestone = item.next_milestone
        if milestone is not None:
            due = f" ({esc(milestone.due.isoformat())}, {_days(milestone.days, words)})" if milestone.due else ""
            parts.append(esc(words.text("project_next", title=milestone.title)) + due)
        rows.append(f"<li>{_name(item.record, words, href)} — " + "; ".join(parts) + "</li>")
    return "<ul>" + "".join(rows) + "</ul>"


def _agreements(items: tuple[AgreementNews, ...], words: Wording, href: Href) -> str:
    headers = [words.text(f"agreement_{key}") for key in ("date", "partner", "what")]
    rows = [
        [
            f"{_date(item.date)} ({_days(item.days, words, past=True)})",
            _name(item.record, words, href),
            esc(words.text(f"agreement_{item.what}", type=item.type or words.text("agreement"), years=item.years)),
        ]
        for item in items
    ]
    return table(headers, rows)


def _changes(brief: Brief, words: Wording, href: Href) -> str:
    period, changes = brief.period, brief.section("changes").items
    parts = [f"<p>{esc(words.text('changes_between', since=period.since.isoformat(), until=period.until.isoformat()))}</p>"]
    if not changes:
        return "\n".join(parts + [f"<p>{esc(words.text('empty_changes'))}</p>"])
    for what, shown, more in grouped(changes):
        rows = [[_changed(change, words, href), esc(words.edits(change.edits))] for change in shown]
        parts.append(f"<h3>{esc(words.group(what, len(shown) + more))}</h3>")
        parts.append(table([words.text("change_record"), words.text("change_who")], rows))
        if more:
            parts.append(f"<p>{esc(words.text('change_more', count=more))}</p>")
    return "\n".join(parts)


def _changed(change: RegisterChange, words: Wording, href: Href) -> str:
    if change.path is None:  # an erased person's file: its name was theirs
        return esc(words.text("person_hidden"))
    if change.record is None:
        return esc(words.text("file", path=change.path))
    where = f"<code>{esc(change.path)}</code>"
    if change.old_path:
        before, _, after = words.text("renamed_from", old="\x00").partition("\x00")
        where += f", {esc(before)}<code>{esc(change.old_path)}</code>{esc(after)}"
    return f"{_name(change.record, words, href)} <small>({where})</small>"


SECTION_RENDERERS = {
    "coming": _coming,
    "meetings": _meetings,
    "deadlines": _deadlines,
    "project-news": _projects,
    "agreements": _agreements,
}
