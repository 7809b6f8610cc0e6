"""On a record's page, the records that refer to it, one section per way they refer, named as
people say it: the field's `backlinkTitle` ("Vizitai", "Projektai"), else the referring
collection's title where it refers only one way, else the collection and the field. An
organisation's people are not among them: relations.py lists them with their posts."""

from __future__ import annotations

from collections import defaultdict

from ..loading import Record
from ..schema import Collection
from ..words.collation import record_order
from .context import SiteContext
from .html import esc, link, relative_url
from .relations import is_people_link
from .values import render_item


def backlink_sections(context: SiteContext, record: Record, page_url: str) -> list[str]:
    """One section per (collection, field) that refers to this record."""
    organization = context.repository.schema.collections[record.collection].kind.organizations
    groups: dict[tuple[str, tuple], list[tuple[Record, tuple]]] = defaultdict(list)
    for source, place in context.backlinks.get(record.id, []):
        field_path = tuple(part for part in place if isinstance(part, str))
        if organization and is_people_link(context, source, field_path):
            continue
        groups[(source.collection, field_path)].append((source, place))
    ways = defaultdict(int)  # how many ways each collection refers to this record
    for collection_name, _ in groups:
        ways[collection_name] += 1
    sections = []
    schema = context.repository.schema
    for (collection_name, field_path), entries in groups.items():
        collection = schema.collections[collection_name]
        heading = _heading(context, collection, field_path, alone=ways[collection_name] == 1)
        seen, items = set(), []
        for source, place in sorted(entries, key=lambda entry: record_order(entry[0])):
            if (source.id, place) in seen:
                continue
            seen.add((source.id, place))
            item = link(relative_url(page_url, context.record_url(source)), source.label)
            items.append(f"<li>{item}{_item_detail(context, source, place, page_url)}</li>")
        hidden = any(context.label_is_unsearchable(source) for source, _ in entries)
        marker = " data-pagefind-ignore" if hidden else ""  # the names listed are kept out of search
        sections.append(
            f"<div{marker}><h2>{esc(heading)}</h2>\n<ul class=\"rysiai-referrers\">\n"
            + "\n".join(items)
            + "\n</ul></div>"
        )
    return sections


def _heading(context: SiteContext, collection: Collection, field_path: tuple, *, alone: bool) -> str:
    """The field's own `backlinkTitle`; else the referring collection's title where it refers
    only one way; else the collection and the field."""
    fields, titles, field = collection.fields, [], None
    for name in field_path:
        field = fields[name]
        titles.append(field.title)
        fields = field.fields
    if field is not None and field.backlink_title:
        return field.backlink_title
    if alone:
        return collection.title
    return context.text("referred_by", collection=collection.title, field=" / ".join(titles))


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
