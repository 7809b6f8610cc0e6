"""A record's own page: every field with its label, tables for items, and the records that refer
to it (a partner's people, visits and projects, a contact's visits and chairs, an association's
chair), and for people and organisations their timeline."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from ..kinds.agreements import next_anniversary
from ..loading import Record
from ..loading.record import LABEL_FIELDS, Unpublished
from ..schema import Field
from ..words.collation import record_order
from .context import SiteContext
from .downloads import vcard_link
from .html import esc, link, relative_url, table
from .relations import is_people_link, people_section, timeline_section
from .search_markers import search_markers
from .values import render_item, render_value


def render_record_page(context: SiteContext, record: Record) -> str:
    collection = context.repository.schema.collections[record.collection]
    page_url = context.record_url(record)
    rows, sections = [], []
    for field in collection.fields.values():
        value = record.typed.get(field.name)
        empty = value in (None, [], "") and not isinstance(value, Unpublished)
        if field.name == "id" or empty or field.name in LABEL_FIELDS:
            continue  # the name, title or subject is the page's heading
        # Values of a visibility class kept out of search are marked for the indexer to skip.
        ignored = " data-pagefind-ignore" if field.visibility in context.search_ignored else ""
        if field.type == "array":
            agreements = field.name == collection.kind.agreements
            sections.append(f"<div{ignored}>{_items_table(context, field, value, page_url, agreements)}</div>")
        elif field.check == "markdown":
            sections.append(
                f'<div{ignored}><h2>{esc(field.title)}</h2>\n<div class="rysiai-markdown">'
                f"{render_value(context, field, value, page_url)}</div></div>"
            )
        else:
            rows.append(
                f'<tr{ignored}><th scope="row">{esc(field.title)}</th>'
                f"<td>{render_value(context, field, value, page_url)}</td></tr>"
            )
    label_ignored = context.label_is_unsearchable(record)
    heading_marker = "data-pagefind-ignore" if label_ignored else 'data-pagefind-weight="10"'
    parts = [
        f"<h1 {heading_marker}>{esc(record.label)}</h1>",
        editor_link(context, context.editor_form(record), "edit") if context.editor_url else "",
        search_markers(context, record, hide_label=label_ignored),
        f'<p class="rysiai-collection" data-pagefind-ignore>{link(relative_url(page_url, context.index_url(collection.name)), collection.title)}</p>',
    ]
    if rows:
        parts.append('<table data-rysiai="fields">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>")
    parts.append(vcard_link(context, record, page_url))
    parts.extend(sections)
    if collection.kind.organizations:
        parts.append(people_section(context, record, page_url))
    parts.extend(_referring_sections(context, record, page_url))
    parts.append(timeline_section(context, record, page_url))
    if not context.public:  # the file and its authors are the office's own business
        parts.append(_provenance(context, record))
    return "\n".join(part for part in parts if part) + "\n"


def editor_link(context: SiteContext, href: str, label: str) -> str:
    """A button to the browser editor, kept out of the search index."""
    button = link(href, context.text(label)).replace("<a ", '<a class="md-button" ', 1)
    return f'<p class="rysiai-editor" data-pagefind-ignore>{button}</p>'


def _items_table(context: SiteContext, field: Field, items: list[dict], page_url: str, agreements: bool) -> str:
    columns = [sub for sub in field.fields.values() if any(item.get(sub.name) is not None for item in items)]
    rows = [[render_value(context, sub, item.get(sub.name), page_url) for sub in columns] for item in items]
    headers = [sub.title for sub in columns]
    if agreements and any(isinstance(item.get("signed"), dt.date) for item in items):
        # The next anniversary of signing, as the agenda counts them.
        headers.append(context.text("next_anniversary"))
        for row, item in zip(rows, items):
            row.append(esc(next_anniversary(item.get("signed"), context.today)))
    return f"<h2>{esc(field.title)}</h2>\n" + table(headers, rows, kind="items")


def _referring_sections(context: SiteContext, record: Record, page_url: str) -> list[str]:
    """One section per (collection, field) that refers to this record, headed by the field's
    `backlinkTitle` where it has one; an organisation's people have a section of their own."""
    organization = context.repository.schema.collections[record.collection].kind.organizations
    groups: dict[tuple[str, tuple], list[tuple[Record, tuple]]] = defaultdict(list)
    for source, place in context.backlinks.get(record.id, []):
        field_path = tuple(part for part in place if isinstance(part, str))
        if organization and is_people_link(context, source, field_path):
            continue
        groups[(source.collection, field_path)].append((source, place))
    sections = []
    schema = context.repository.schema
    for (collection_name, field_path), entries in groups.items():
        collection = schema.collections[collection_name]
        titles, fields = [], collection.fields
        for name in field_path:
            field = fields[name]
            titles.append(field.title)
            fields = field.fields
        heading = field.backlink_title or context.text("referred_by", collection=collection.title, field=" / ".join(titles))
        seen, items = set(), []
        for source, place in sorted(entries, key=lambda entry: record_order(entry[0])):
            if (source.id, place) in seen:
                continue
            seen.add((source.id, place))
            item = link(relative_url(page_url, context.record_url(source)), source.label)
            detail = _item_detail(context, source, place, page_url)
            items.append(f"<li>{item}{detail}</li>")
        hidden = any(context.label_is_unsearchable(source) for source, _ in entries)
        marker = " data-pagefind-ignore" if hidden else ""  # the names listed are kept out of search
        sections.append(
            f"<div{marker}><h2>{esc(heading)}</h2>\n<ul class=\"rysiai-referrers\">\n"
            + "\n".join(items)
            + "\n</ul></div>"
        )
    return sections


def _item_detail(context: SiteContext, source: Record, place: tuple, page_url: str) -> str:
    """For a reference inside an item (a follow-up's owner): the item's other fields, briefly."""
    if not any(isinstance(part, int) for part in place[:-1]):
        return ""
    collection = context.repository.schema.collections[source.collection]
    array_field = collection.fields[place[0]]
    item = source.typed[place[0]][place[1]]
    shown = [
        render_item(context, sub, item[sub.name], page_url)
        for sub in array_field.fields.values()
        if sub.name in item and not sub.references and sub.type != "list"
    ]
    return ": " + " · ".join(shown) if shown else ""


def _provenance(context: SiteContext, record: Record) -> str:
    """Where the record lives and, from git, when and by whom it last changed."""
    source = esc(record.path) + (f":{record.line}" if record.path.endswith(".csv") else "")
    parts = [f"{esc(context.text('source'))}: <code>{source}</code>"]
    change = context.history.get(record.path)
    if change is not None:
        changed = esc(
            context.text("last_changed", date=change.date.date().isoformat(), author=change.author)
        )
        if context.history_base:
            changed += " (" + link(context.history_base + record.path, context.text("history"), external=True) + ")"
        parts.append(changed)
    return '<p class="rysiai-provenance" data-pagefind-ignore>' + " · ".join(parts) + "</p>"
