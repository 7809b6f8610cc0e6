"""What the search index learns about a record beyond its text: its kind, key facts and filters.

Pagefind reads these from `data-pagefind-meta` and `data-pagefind-filter` elements; the search
box shows the kind and facts under each result and offers the filters.
"""

from __future__ import annotations

import datetime as dt

from ..loading import Record
from ..loading.record import LABEL_FIELDS
from .context import SiteContext
from .html import esc
from .values import ALIASES, plain_value


def search_markers(context: SiteContext, record: Record, *, hide_label: bool = False) -> str:
    """Hidden elements for the indexer; with ``hide_label`` the result's title is the
    collection's, since the record's own name is kept out of the index."""
    collection = context.repository.schema.collections[record.collection]
    facts = []
    for name in collection.columns:
        field = collection.fields.get(name)  # None: a column of the next task (`milestones.next`)
        if field is None or name in LABEL_FIELDS or field.check in ("email", "phone"):
            continue
        if field.visibility in context.search_ignored:
            continue
        text = plain_value(context, field, record.typed.get(name))
        if text:
            facts.append(text)
    names = [] if hide_label else [record.label, *(str(alias) for alias in record.typed.get(ALIASES) or [])]
    parts = [
        f'<span data-pagefind-meta="kind">{esc(collection.title)}</span>',
        # The search box puts a record whose name or other name the query starts first, an
        # organisation's before others (Parčevas: the partner, then the press release about it):
        # an organisation's names are also its `organisation`, which counts more in the ranking.
        *([f'<span data-pagefind-meta="names">{esc(" | ".join(names))}</span>'] if names else []),
        *([f'<span data-pagefind-meta="organisation">{esc(" | ".join(names))}</span>']
          if names and collection.kind.organizations else []),
        *([f'<span data-pagefind-meta="title">{esc(collection.title)}</span>'] if hide_label else []),
        f'<span data-pagefind-filter="{esc(context.text("search_kind_filter"))}">{esc(collection.title)}</span>',
    ]
    if facts:
        parts.append(f'<span data-pagefind-meta="facts">{esc(" · ".join(facts))}</span>')
    for group in collection.groups:
        field_name, _, part = group.partition(".")
        field = collection.fields[field_name]
        if field.visibility in context.search_ignored:
            continue
        value = record.typed.get(field_name)
        if part == "year" and isinstance(value, dt.date):
            name, text = context.text("search_year_filter"), str(value.year)
        else:
            name, text = field.title, plain_value(context, field, value)
        if text:
            parts.append(f'<span data-pagefind-filter="{esc(name)}">{esc(text)}</span>')
    return '<div hidden data-pagefind-ignore="index">' + "".join(parts) + "</div>"
