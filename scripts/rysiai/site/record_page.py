"""A record's own page: every field with its label, tables for items, and the records that refer
to it (backlink_sections.py: a partner's visits and projects, a contact's visits and chairs), and
for people and organisations their people and timeline (relations.py)."""

from __future__ import annotations

import datetime as dt

from ..kinds.agreements import next_anniversary
from ..loading import Record
from ..loading.record import LABEL_FIELDS, Unpublished
from ..schema import Field
from .backlink_sections import backlink_sections
from .context import SiteContext
from .downloads import entry_download, vcard_link
from .html import esc, link, relative_url, table
from .relations import people_section, timeline_section
from .search_markers import search_markers
from .values import ALIASES, render_value

NAME_WEIGHT, TITLE_WEIGHT = 10, 7  # Pagefind's weights (1: body text, 10 the most)


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
            weighed = f' data-pagefind-weight="{NAME_WEIGHT}"' if field.name == ALIASES and not ignored else ""
            rows.append(
                f'<tr{ignored}><th scope="row">{esc(field.title)}</th>'
                f"<td{weighed}>{render_value(context, field, value, page_url)}</td></tr>"
            )
    label_ignored = context.label_is_unsearchable(record)
    # An organisation's name (and its aliases) weighs most: a search for a partner's name finds
    # its own page before the visits named after it.
    weight = NAME_WEIGHT if collection.kind.organizations else TITLE_WEIGHT
    heading_marker = "data-pagefind-ignore" if label_ignored else f'data-pagefind-weight="{weight}"'
    parts = [
        f"<h1 {heading_marker}>{esc(record.label)}</h1>",
        editor_link(context, context.editor_form(record), "edit") if context.editor_url else "",
        search_markers(context, record, hide_label=label_ignored),
        f'<p class="rysiai-collection" data-pagefind-ignore>{link(relative_url(page_url, context.index_url(collection.name)), collection.title)}</p>',
    ]
    if rows:
        # The caption repeats the record's name, which the heading already gives to search.
        caption = f'<caption class="rysiai-caption" data-pagefind-ignore>{esc(context.text("record_fields", title=record.label))}</caption>\n'
        parts.append('<table data-rysiai="fields">\n' + caption + "<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>")
    parts.append(vcard_link(context, record, page_url))
    parts.append(entry_download(context, record, page_url))
    parts.extend(sections)
    if collection.kind.organizations:
        parts.append(people_section(context, record, page_url))
    parts.extend(backlink_sections(context, record, page_url))
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
    return f"<h2>{esc(field.title)}</h2>\n" + table(headers, rows, kind="items", caption=field.title)


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
