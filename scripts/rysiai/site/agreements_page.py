"""The agreements overview: every agreement of every record that keeps them (partners), with its
partner, country, type, dates, status and next anniversary; those ending soon highlighted."""

from __future__ import annotations

import datetime as dt

from ..kinds.agreements import ENDED, EXPIRY_WARNING_DAYS, agreements, in_force, next_anniversary
from .context import SiteContext
from .html import esc, link, relative_url
from .tables import Row, sortable_table
from .values import plain_value, render_value

PAGE = "agreements.md"
SHOWN = ("type", "signed", "until", "status")  # the agreements' own fields in the table


def agreements_title(context: SiteContext) -> str | None:
    """The page's title (the agreements field's own), or None where no collection keeps agreements."""
    for collection in context.repository.schema.collections.values():
        if collection.kind.agreements:
            return collection.fields[collection.kind.agreements].title
    return None


def render_agreements_page(context: SiteContext, title: str) -> str:
    page_url = context.url(PAGE)
    found = list(agreements(context.repository))
    parts = [f"<h1>{esc(title)}</h1>", f"<p>{esc(context.text('agreements_intro', days=EXPIRY_WARNING_DAYS))}</p>"]
    if not found:
        parts.append(f"<p>{esc(context.text('no_records'))}</p>")
        return "\n".join(parts) + "\n"
    schema = context.repository.schema
    first = next(c for c in schema.collections.values() if c.kind.agreements)
    item_fields = first.fields[first.kind.agreements].fields
    shown = [item_fields[name] for name in SHOWN if name in item_fields]
    headers = [first.title, context.text("agreements_country")] + [f.title for f in shown] + [context.text("next_anniversary")]
    names = [f.name for f in shown]
    until_column = 2 + names.index("until") if "until" in names else 0
    rows = []
    soon = context.today + dt.timedelta(days=EXPIRY_WARNING_DAYS)
    for record, agreement in sorted(found, key=lambda pair: _order(pair[1])):
        collection = schema.collections[record.collection]
        country_field = next((f for f in collection.fields.values() if f.check == "country"), None)
        country = record.typed.get(country_field.name) if country_field else None
        country_text = plain_value(context, country_field, country) if country_field else ""
        cells = [link(relative_url(page_url, context.record_url(record)), record.label), esc(country_text)]
        keys: list[object] = [record.label, country_text]
        for field in shown:
            value = agreement.get(field.name)
            cells.append(render_value(context, field, value, page_url))
            keys.append(value if isinstance(value, dt.date) else plain_value(context, field, value))
        until = agreement.get("until")
        expiring = in_force(agreement, context.today) and isinstance(until, dt.date) and until <= soon
        if expiring:
            days = (until - context.today).days
            badge = context.text("agreement_ends_in", days=days)
            cells[until_column] += f' <strong class="rysiai-badge rysiai-badge-expiring">{esc(badge)}</strong>'
        anniversary = next_anniversary(agreement.get("signed"), context.today) if in_force(agreement, context.today) else ""
        cells.append(esc(anniversary))
        keys.append(anniversary or None)
        rows.append(Row(cells, keys, ' class="rysiai-expiring"' if expiring else ""))
    parts.append(sortable_table(title, headers, rows, kind="agreements", sorted_by=None))
    return "\n".join(parts) + "\n"


def _order(agreement: dict) -> tuple:
    """In force first, by the end nearest; then the rest, newest signed first."""
    until, signed = agreement.get("until"), agreement.get("signed")
    ending = until.toordinal() if isinstance(until, dt.date) else 10**7
    newest = -signed.toordinal() if isinstance(signed, dt.date) else 0
    return (agreement.get("status") in ENDED, ending, newest)
