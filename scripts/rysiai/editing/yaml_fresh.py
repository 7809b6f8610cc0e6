"""Writing a field or a list item that the file does not have yet, in the file's own style."""

from __future__ import annotations

from ..schema import SCALAR_TYPES, Field
from .yaml_layout import Style
from .yaml_scalars import BREAKS, block, inline


def value_kind(field: Field | None) -> str:
    """What a field's text value is, for how it may be written: a date (and a day with its time,
    as the sample data writes them) plain, a boolean or whole number plain, other text as text."""
    if field is not None and field.check == "date-time":
        return "date"
    return field.type if field is not None and field.type in SCALAR_TYPES else "string"


def item_kind(field: Field | None) -> str:
    """The schema type of a list field's items."""
    return field.item_type if field is not None and field.type == "list" else "string"


def render_field(
    name: str, value, field: Field | None, column: int, style: Style, comment: str = ""
) -> list[str]:
    """The lines of `name: value` with the key at ``column``; ``comment`` (with the spaces
    before its `#`) ends the key's line."""
    pad, nl = " " * column, style.newline
    if isinstance(value, str):
        if any(mark in value for mark in BREAKS):
            made = block(value, "|", column, column + style.block_indent)
            if made is not None:
                header, lines = made
                return [f"{pad}{name}: {header}{comment}{nl}"] + [line + nl for line in lines]
        return [f"{pad}{name}: {inline(value, value_kind(field))}{comment}{nl}"]
    if all(isinstance(item, str) for item in value):
        kind = item_kind(field)
        if style.flow_lists:
            items = ", ".join(inline(item, kind, context="flow") for item in value)
            return [f"{pad}{name}: [{items}]{comment}{nl}"]
        dash = " " * (column + style.dash_offset)
        items = [f"{dash}- {inline(item, kind, context='item')}{nl}" for item in value]
        return [f"{pad}{name}:{comment}{nl}"] + items
    lines = [f"{pad}{name}:{comment}{nl}"]
    for item in value:
        lines += render_item(item, field, column + style.dash_offset, style)
    return lines


def render_item(item, field: Field | None, dash_column: int, style: Style) -> list[str]:
    """The lines of one list item (`- text`, or `- key: value` and the item's other keys below)."""
    if isinstance(item, str):
        written = inline(item, item_kind(field), context="item")
        return [f"{' ' * dash_column}- {written}{style.newline}"]
    fields = field.fields if field is not None else {}
    order = [name for name in fields if name in item] + [name for name in item if name not in fields]
    lines = []
    for name in order:
        lines += render_field(name, item[name], fields.get(name), dash_column + style.item_offset, style)
    lines[0] = lines[0][:dash_column] + "-" + lines[0][dash_column + 1 :]
    return lines

