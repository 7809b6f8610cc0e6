"""One field's value as HTML: links for references, e-mails, phones and web addresses, labels for
allowed values, country names; everything else as escaped text."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..loading.record import Unpublished
from ..schema import Field
from ..words.contact_points import normalize_phone, phone_for_reading
from ..words.ids import ERASED_PERSON, slugify
from .context import SiteContext
from .html import esc, link, relative_url
from .markdown_fields import render_markdown

ALIASES = "aliases"  # a record's other names (Liubanas for Lubań): beside its name, filtered and searched


def render_value(context: SiteContext, field: Field, value: Any, page_url: str) -> str:
    """HTML for a typed value of ``field`` on the page at ``page_url``."""
    if value is None:
        return ""
    if field.type == "list":
        return ", ".join(render_item(context, field, item, page_url) for item in value)
    if field.check == "markdown":
        return render_markdown(value)
    return render_item(context, field, value, page_url)


def render_item(context: SiteContext, field: Field, value: Any, page_url: str) -> str:
    if isinstance(value, bool):
        return esc(context.text("yes" if value else "no"))
    if isinstance(value, dt.date):
        return esc(value.isoformat())
    if field.references:
        return reference_link(context, value, page_url)
    if field.enum is not None:
        # The class lets the style sheet mark values (incoming and outgoing visits, say).
        css_class = esc(f"rysiai-{field.name}-{slugify(value)}")
        return f'<span class="{css_class}">{esc(field.label_of(value))}</span>'
    if field.check == "email":
        return link(f"mailto:{value}", value)
    if field.check == "phone":
        # Shown grouped for reading, dialled as stored (E.164).
        return link(f"tel:{normalize_phone(value) or value}", phone_for_reading(value))
    if field.check == "url":
        return link(value, value, external=True)
    if field.check == "country":
        return esc(context.country_name(value))
    if field.check == "language":
        return esc(context.language_name(value))
    return esc(value)


def reference_link(context: SiteContext, record_id: str, page_url: str) -> str:
    """A link to the record with that id, named by its label; plain text if there is none."""
    if isinstance(record_id, Unpublished):  # public builds: no link, and a name only if public
        return esc(record_id or context.text("unpublished_record"))
    if record_id == ERASED_PERSON:
        return esc(context.text("erased_person"))
    target = context.repository.by_id.get(record_id)
    if target is None:
        return esc(context.text("unknown_record", id=record_id))
    html = link(relative_url(page_url, context.record_url(target)), target.label)
    if context.label_is_unsearchable(target):
        html = f"<span data-pagefind-ignore>{html}</span>"
    return html


def plain_value(context: SiteContext, field: Field, value: Any) -> str:
    """The value as plain text (for sorting and grouping): labels and names, not ids or codes."""
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(plain_value(context, field, item) for item in value)
    if isinstance(value, bool):
        return context.text("yes" if value else "no")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Unpublished):
        return value or context.text("unpublished_record")
    if value == ERASED_PERSON:
        return context.text("erased_person")
    if field.references:
        target = context.repository.by_id.get(value)
        return target.label if target else value
    if field.enum_labels:
        return field.label_of(value)
    if field.check == "country":
        return context.country_name(value)
    if field.check == "language":
        return context.language_name(value)
    return str(value)
