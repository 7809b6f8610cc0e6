"""A collection's index: its records in tables of key fields, in Lithuanian order, grouped as the
schema says (partners by country and kind, associations by eldership, visits by year, projects by
status, in the order of its allowed values), with a project's next milestone where asked."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..kinds.deadlines import next_task
from ..loading import Record
from ..loading.record import LABEL_FIELDS
from ..schema import Collection
from ..words.collation import record_order, sort_key
from .context import SiteContext
from .downloads import vcard_link
from .html import esc, link, relative_url, table
from .record_page import editor_link
from .values import plain_value, render_value


def render_index_page(context: SiteContext, collection: Collection) -> str:
    page_url = context.index_url(collection.name)
    records = sorted(context.repository.collection(collection.name), key=record_order)
    parts = [f"<h1>{esc(collection.title)}</h1>"]
    if context.editor_url:
        parts.append(editor_link(context, context.editor_new(collection.name), "new_record"))
    if collection.description:
        parts.append(f"<p>{esc(collection.description)}</p>")
    if not records:
        parts.append(f"<p>{esc(context.text('no_records'))}</p>")
        return "\n".join(parts) + "\n"
    if collection.kind.people:
        parts.append(vcard_link(context, None, page_url))
    parts.append(_filter_box(context, len(records)))
    if not collection.groups:
        parts.append(records_table(context, collection, records, page_url))
    for group in collection.groups:
        parts.append(_grouped(context, collection, records, group, page_url))
    return "\n".join(parts) + "\n"


def _filter_box(context: SiteContext, total: int) -> str:
    return (
        '<div class="rysiai-filter" data-pagefind-ignore>'
        f'<label>{esc(context.text("filter"))} '
        f'<input type="search" placeholder="{esc(context.text("filter_placeholder"))}" '
        f'data-shown-text="{esc(context.strings["shown"])}" autocomplete="off"></label> '
        f'<output class="rysiai-filter-count">{esc(context.text("shown", shown=total, total=total))}</output>'
        "</div>"
    )


def _grouped(context: SiteContext, collection: Collection, records: list[Record], group: str, page_url: str) -> str:
    field_name, _, part = group.partition(".")
    field = collection.fields[field_name]
    buckets: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        value = record.typed.get(field_name)
        if part == "year" and isinstance(value, dt.date):
            key = str(value.year)
        else:
            key = plain_value(context, field, value)
        buckets[key].append(record)
    if part == "year":
        names = sorted(buckets, reverse=True)  # newest year first
    elif field.enum and field.type == "string":  # as the schema orders them: idea before finished
        order = {plain_value(context, field, value): index for index, value in enumerate(field.enum)}
        names = sorted(buckets, key=lambda name: (order.get(name, len(order)), sort_key(name)))
    else:
        names = sorted(buckets, key=sort_key)
    if "" in buckets:
        names = [name for name in names if name] + [""]
    by = context.text("by_year") if part == "year" else context.text("by", field=field.title)
    sections = [f"<h2>{esc(by)}</h2>"]
    for name in names:
        heading = name or context.text("not_given")
        sections.append(
            f'<section class="rysiai-group"><h3>{esc(heading)} <small>({len(buckets[name])})</small></h3>\n'
            f"{records_table(context, collection, buckets[name], page_url)}</section>"
        )
    return "\n".join(sections)


def records_table(context: SiteContext, collection: Collection, records: list[Record], page_url: str) -> str:
    # A column is a field, or `FIELD.next`: the next task of the kind's tasks (None here).
    columns = [collection.fields.get(name) for name in collection.columns]
    fields = [field for field in columns if field is not None]
    if not fields:  # a collection of ids alone: a list of links
        items = "".join(
            f"<li>{link(relative_url(page_url, context.record_url(r)), r.label)}</li>" for r in records
        )
        return f"<div data-pagefind-ignore><ul>{items}</ul></div>"
    # The record's link sits on its name or title, else on the first column.
    linked = next((f.name for f in fields if f.name in LABEL_FIELDS), fields[0].name)
    rows = []
    for record in records:
        cells = []
        for field in columns:
            if field is None:
                cells.append(_next_task_cell(context, record))
                continue
            value = record.typed.get(field.name)
            if field.name == linked:
                text = plain_value(context, field, value) or record.label
                cells.append(link(relative_url(page_url, context.record_url(record)), text))
            else:
                cells.append(render_value(context, field, value, page_url))
        rows.append(cells)
    headers = [field.title if field else _next_task_heading(context, collection) for field in columns]
    # The tables repeat every record's name: searching them would put the index above the record.
    return f"<div data-pagefind-ignore>{table(headers, rows, kind='index')}</div>"


def _next_task_heading(context: SiteContext, collection: Collection) -> str:
    """`Artimiausias etapas` (a kind's own word), else `Etapai: artimiausias`."""
    rule = collection.kind.tasks
    title = collection.fields[rule.field].title
    return context.text_or(f"next_{rule.item.replace('-', '_')}", "next_task", title=title)


def _next_task_cell(context: SiteContext, record: Record) -> str:
    """The next task not done: its due date and text."""
    task = next_task(context.repository, record)
    if task is None:
        return esc(context.text("no_next_task"))
    due = f"<time>{esc(task.due.isoformat())}</time> " if task.due else ""
    return f"{due}{esc(task.text)}"
