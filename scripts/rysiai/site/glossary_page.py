"""The glossary of fields, generated from datapackage.yaml: what each field holds and how to write it."""

from __future__ import annotations

from ..schema import Field
from .context import SiteContext
from .html import esc, table

TYPE_KEYS = {
    "string": "type_string", "date": "type_date", "boolean": "type_boolean",
    "integer": "type_integer", "list": "type_list", "array": "type_array",
}


def render_glossary_page(context: SiteContext, title: str) -> str:
    parts = [f"<h1>{esc(title)}</h1>", f"<p>{esc(context.text('glossary_intro'))}</p>"]
    for collection in context.repository.schema.collections.values():
        parts.append(f'<h2 id="{esc(collection.name)}">{esc(collection.title)} <code>{esc(collection.name)}/</code></h2>')
        if collection.description:
            parts.append(f"<p>{esc(collection.description)}</p>")
        parts.append(_table(context, collection.fields.values()))
        for field in collection.fields.values():
            if field.fields:
                parts.append(f"<h3>{esc(field.title)} <code>{esc(field.name)}</code></h3>")
                parts.append(_table(context, field.fields.values()))
    return "\n".join(parts) + "\n"


def _table(context: SiteContext, fields) -> str:
    headers = [
        context.text(key)
        for key in ("glossary_field", "glossary_title", "glossary_type", "glossary_description")
    ]
    rows = [
        [
            f"<code>{esc(field.name)}</code>{_required(context, field)}",
            esc(field.title),
            esc(_type(context, field)),
            f"{esc(field.description)}{_allowed(field)}",
        ]
        for field in fields
    ]
    return table(headers, rows)


def _required(context: SiteContext, field: Field) -> str:
    return f" <strong>({esc(context.text('glossary_required'))})</strong>" if field.required else ""


def _type(context: SiteContext, field: Field) -> str:
    text = context.text(TYPE_KEYS[field.type])
    # (the public site names only the collections it publishes)
    collections = context.repository.schema.collections
    referenced = [collections[name].title for name in field.references if name in collections]
    if referenced:
        text += " → " + ", ".join(referenced)
    return text + f" · {context.text('visibility_' + field.visibility)}"


def _allowed(field: Field) -> str:
    if not field.enum:
        return ""
    values = ", ".join(
        f"<code>{esc(value)}</code>" + (f" ({esc(field.enum_labels[value])})" if value in field.enum_labels else "")
        for value in field.enum
    )
    return f"<br>{values}"
