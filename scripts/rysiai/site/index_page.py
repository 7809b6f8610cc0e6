"""A collection's index: its records in one table of key fields, sortable by any column, with a
filter box and, for the schema's groups (partners by country and kind, associations by
eldership, visits by year, projects by status), a choice per group instead of the list repeated
per group. Records that wait for an answer (requests) come by urgency, with the days left;
records grouped by an allowed-values field come in the schema's order of its values (a project's
idea before the finished ones), by a year newest first; a project shows its next milestone."""

from __future__ import annotations

import datetime as dt

from ..kinds.deadlines import next_task
from ..loading import Record
from ..loading.record import LABEL_FIELDS
from ..schema import Collection, Field
from ..words.collation import record_order, sort_key
from .context import SiteContext
from .downloads import table_downloads, vcard_link
from .html import esc, link, relative_url
from .record_page import editor_link
from .tables import Row, sortable_table
from .urgency import urgency_of
from .values import ALIASES, plain_value, render_value


def render_index_page(context: SiteContext, collection: Collection) -> str:
    page_url = context.index_url(collection.name)
    records = list(context.repository.collection(collection.name))
    parts = [f"<h1>{esc(collection.title)}</h1>"]
    if context.editor_url:
        parts.append(editor_link(context, context.editor_new(collection.name), "new_record"))
    if collection.description:
        parts.append(f"<p>{esc(collection.description)}</p>")
    # The map of partner towns on the partners' index comes after the table: its dots are links
    # too, and a keyboard reaches the filter and the table first.
    insert = context.insert(collection.name)
    if not records:
        parts.append(f"<p>{esc(context.text('no_records'))}</p>")
        return "\n".join([*parts, insert] if insert else parts) + "\n"
    parts.append(table_downloads(context, collection, page_url))
    if collection.kind.people:
        parts.append(vcard_link(context, None, page_url))
    groups = _groups(context, collection, records)
    parts.append(_filter_box(context, len(records), groups))
    parts.append(records_table(context, collection, records, page_url, groups))
    if insert:
        parts.append(insert)
    return "\n".join(parts) + "\n"


def _groups(context: SiteContext, collection: Collection, records: list[Record]) -> list[tuple[str, str, list[str], dict[str, str]]]:
    """Per group of the schema: its name, its label, its values in order, and each record's."""
    found = []
    for number, group in enumerate(collection.groups, start=1):
        field_name, _, part = group.partition(".")
        field = collection.fields[field_name]
        values = {}
        for record in records:
            value = record.typed.get(field_name)
            if part == "year" and isinstance(value, dt.date):
                values[record.id] = str(value.year)
            else:
                values[record.id] = plain_value(context, field, value)
        present = set(values.values()) - {""}
        if part == "year":
            names = sorted(present, reverse=True)  # newest year first
        elif field.enum and field.type == "string":  # as the schema orders them: idea before finished
            order = {plain_value(context, field, value): index for index, value in enumerate(field.enum)}
            names = sorted(present, key=lambda name: (order.get(name, len(order)), sort_key(name)))
        else:
            names = sorted(present, key=sort_key)
        if "" in values.values():
            names.append("")
        label = context.text("search_year_filter") if part == "year" else field.title
        found.append((str(number), label, names, values))
    return found


def _filter_box(context: SiteContext, total: int, groups) -> str:
    choices = []
    for name, label, values, _ in groups:
        options = [f'<option value="">{esc(context.text("search_all"))}</option>']
        options += [f'<option value="{esc(value)}">{esc(value or context.text("not_given"))}</option>' for value in values]
        choices.append(f'<label>{esc(label)} <select data-group="{esc(name)}">{"".join(options)}</select></label>')
    return (
        '<div class="rysiai-filter" data-pagefind-ignore>'
        f'<label>{esc(context.text("filter"))} '
        f'<input type="search" placeholder="{esc(context.text("filter_placeholder"))}" '
        f'data-shown-text="{esc(context.strings["shown"])}" autocomplete="off"></label> '
        + "".join(choices)
        + f'<output class="rysiai-filter-count" aria-live="polite">{esc(context.text("shown", shown=total, total=total))}</output>'
        "</div>"
    )


def records_table(
    context: SiteContext, collection: Collection, records: list[Record], page_url: str, groups=()
) -> str:
    """The records in a sortable table of the collection's columns, in the index's order; a
    column is a field, or `FIELD.next`: the next task of the kind's tasks."""
    columns = [collection.fields.get(name) for name in collection.columns]
    fields = [field for field in columns if field is not None]
    if not fields:  # a collection of ids alone: a list of links
        items = "".join(
            f"<li>{link(relative_url(page_url, context.record_url(r)), r.label)}</li>" for r in sorted(records, key=record_order)
        )
        return f"<div data-pagefind-ignore><ul>{items}</ul></div>"
    # The record's link sits on its name or title, else on the first column.
    linked = next((f.name for f in fields if f.name in LABEL_FIELDS), fields[0].name)
    headers = [field.title if field else _next_task_heading(context, collection) for field in columns]
    deadline = collection.kind.deadline
    urgencies = {record.id: urgency_of(context, record) for record in records} if deadline else {}
    after = None
    if deadline is not None:  # the days left, after the due date
        after = next((i + 1 for i, f in enumerate(columns) if f and f.name == deadline.field), len(columns))
        headers.insert(after, context.text("days_left"))
    ordered, sorted_by = _in_order(collection, records, columns, urgencies, after, linked)

    def row(record: Record) -> Row:
        cells, keys = [], []
        for field in columns:
            cell, key = _cell(context, collection, field, record, page_url, linked)
            cells.append(cell)
            keys.append(key)
        attributes = ""
        if deadline is not None:
            urgency = urgencies[record.id]
            cells.insert(after, urgency.html)
            keys.insert(after, urgency.rank)
            attributes = f' class="{urgency.css_class}"'
        return Row(cells, keys, attributes, {name: values[record.id] for name, _, _, values in groups})

    if context.rows is None:
        rows = [row(record) for record in ordered]
    else:
        rows = [context.rows.row(page_url, record.id, lambda record=record: row(record)) for record in ordered]
    # The tables repeat every record's name: searching them would put the index above the record.
    html = sortable_table(collection.title, headers, rows, sorted_by=sorted_by)
    return f"<div data-pagefind-ignore>{html}</div>"


def _in_order(collection: Collection, records: list[Record], columns, urgencies, after, linked: str):
    """The rows' order and the column it is the ascending order of (None: no one column's).
    By urgency where records wait for an answer; else by the first group where its values have
    an order of their own (a year, newest first; allowed values, as the schema lists them);
    else newest first where records have a start, by name where not."""
    if urgencies:
        return sorted(records, key=lambda record: urgencies[record.id].order), after
    field_name, _, part = (collection.groups[0] if collection.groups else "").partition(".")
    field = collection.fields.get(field_name)
    if field is not None and part == "year":
        def newest(record):
            value = record.typed.get(field_name)
            return -value.toordinal() if isinstance(value, dt.date) else 1
        return sorted(records, key=lambda record: (newest(record), record_order(record))), None
    if field is not None and field.enum and field.type == "string":
        order = {value: index for index, value in enumerate(field.enum)}
        ordered = sorted(records, key=lambda record: (order.get(record.typed.get(field_name), len(order)), record_order(record)))
        return ordered, next((i for i, f in enumerate(columns) if f is field), None)
    ordered = sorted(records, key=record_order)
    if any(isinstance(record.typed.get("start"), dt.date) for record in records):
        return ordered, None  # newest first: no one column's ascending order
    return ordered, next(i for i, f in enumerate(columns) if f is not None and f.name == linked)


def _cell(context: SiteContext, collection: Collection, field: Field | None, record: Record, page_url: str, linked: str):
    """A cell's HTML and what it sorts by."""
    if field is None:
        return _next_task_cell(context, record)
    value = record.typed.get(field.name)
    if value in (None, "", []) and field.fallback and field.fallback in collection.fields:
        field = collection.fields[field.fallback]  # a resident's name where no record is linked
        value = record.typed.get(field.name)
    text = plain_value(context, field, value)
    if isinstance(value, (dt.date, int)) and not isinstance(value, bool):
        key = value
    elif field.enum and field.type == "string" and value in field.enum:
        key = field.enum.index(value)  # allowed values sort in the schema's order
    else:
        key = text
    if field.name != linked:
        return render_value(context, field, value, page_url), key
    html = link(relative_url(page_url, context.record_url(record)), text or record.label)
    aliases = record.typed.get(ALIASES)
    if aliases:
        html += f' <span class="rysiai-aliases">({esc(", ".join(str(a) for a in aliases))})</span>'
    return html, key or record.label


def _next_task_heading(context: SiteContext, collection: Collection) -> str:
    """`Artimiausias etapas` (a kind's own word), else `Etapai: artimiausias`."""
    rule = collection.kind.tasks
    title = collection.fields[rule.field].title
    return context.text_or(f"next_{rule.item.replace('-', '_')}", "next_task", title=title)


def _next_task_cell(context: SiteContext, record: Record) -> tuple[str, object]:
    """The next task not done: its due date and text; it sorts by the date."""
    task = next_task(context.repository, record)
    if task is None:
        return esc(context.text("no_next_task")), None
    due = f"<time>{esc(task.due.isoformat())}</time> " if task.due else ""
    return f"{due}{esc(task.text)}", task.due or task.text
