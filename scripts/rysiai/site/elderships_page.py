"""The elderships' pages: one per eldership of the schema's list (kinds/elderships.py), with its
communities, surveys, requests, visits and the other records in it, and an index of them all."""

from __future__ import annotations

from ..kinds.elderships import elderships
from ..loading import Record
from ..words.collation import record_order
from ..words.ids import slugify
from .context import SiteContext
from .html import esc, link, relative_url, table
from .index_page import records_table

FOLDER = "elderships"
INDEX = f"{FOLDER}/index.md"


def eldership_source(name: str) -> str:
    """The page's source name: `elderships/stakliskiu.md`."""
    return f"{FOLDER}/{slugify(name)}.md"


def eldership_title(context: SiteContext, name: str) -> str:
    return context.text("eldership_title", name=name)


def render_elderships_index(context: SiteContext, title: str) -> str:
    """Every eldership with how many records of each collection are in it."""
    page_url = context.url(INDEX)
    found = context.records_by_eldership
    collections = [
        collection for name, collection in context.repository.schema.collections.items()
        if any(record.collection == name for records in found.values() for record in records)
    ]
    rows = []
    for name in elderships(context.repository):
        records = found.get(name, [])
        counts = [str(sum(record.collection == c.name for record in records)) for c in collections]
        target = relative_url(page_url, context.url(eldership_source(name)))
        rows.append([link(target, eldership_title(context, name)), *counts])
    headers = [context.text("eldership"), *(collection.title for collection in collections)]
    if not rows:
        return f"<h1>{esc(title)}</h1>\n<p>{esc(context.text('no_records'))}</p>\n"
    return (
        f"<h1>{esc(title)}</h1>\n<p>{esc(context.text('elderships_intro'))}</p>\n"
        f'<div data-pagefind-ignore>{table(headers, rows, kind="elderships", caption=title)}</div>\n'
    )


def render_eldership_page(context: SiteContext, name: str) -> str:
    """One eldership: a section per collection with its records there, as the index shows them."""
    page_url = context.url(eldership_source(name))
    records = context.records_by_eldership.get(name, [])
    parts = [f'<h1 data-pagefind-weight="10">{esc(eldership_title(context, name))}</h1>']
    for collection_name, collection in context.repository.schema.collections.items():
        own: list[Record] = sorted((r for r in records if r.collection == collection_name), key=record_order)
        if own:
            parts.append(f"<h2>{esc(collection.title)} <small>({len(own)})</small></h2>")
            parts.append(records_table(context, collection, own, page_url))
    if len(parts) == 1:
        parts.append(f"<p>{esc(context.text('no_records'))}</p>")
    return "\n".join(parts) + "\n"
