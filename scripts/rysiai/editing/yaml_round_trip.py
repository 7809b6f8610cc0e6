"""The last resort for a layout the in-place edit does not take on: ruamel.yaml writes the file
again, keeping its comments, key order and quoting, with each new value quoted as the in-place
edit would quote it."""

from __future__ import annotations

import io
import re

import yaml
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from ..loading.yaml_source import Loader
from ..schema import Field
from .record_values import normal
from .value_edits import round_trip_yaml
from .yaml_fresh import item_kind, value_kind
from .yaml_scalars import BREAKS, block, inline


def edit_round_trip(text: str, fields: dict[str, Field], old: dict, new: dict, managed: set[str]) -> str:
    """``text`` written again with the managed fields' values made ``new`` (``old``: the values
    as the loader read them, to leave unchanged values as they are)."""
    crlf = "\r\n" in text
    header, source, trailer = _parts(text.replace("\r\n", "\n"))
    writer = round_trip_yaml(source)
    data = writer.load(source)
    _update(data, fields, old, new, managed)
    buffer = io.StringIO()
    writer.dump(data, buffer)
    out = header + buffer.getvalue() + trailer
    return out.replace("\n", "\r\n") if crlf else out


def _parts(text: str) -> tuple[str, str, str]:
    """The lines before the record's first field (comments, `---`: ruamel.yaml would drop those
    above a `---`), the record, and a `...` end with what follows it; the first and last kept as written."""
    root = yaml.compose(text, Loader=Loader)
    lines = text.splitlines(keepends=True)
    first = root.start_mark.line if root is not None else 0
    ends = [index for index, line in enumerate(lines) if index > first and re.match(r"\.\.\.(\s|$)", line)]
    end = ends[0] if ends else len(lines)
    return "".join(lines[:first]), "".join(lines[first:end]), "".join(lines[end:])


def _update(data, fields: dict[str, Field], old: dict, new: dict, managed: set[str]) -> None:
    """Change the mapping ``data`` in place, so that the comments attached to it stay."""
    for key in list(data):
        if key in managed and key not in new and normal(old.get(key)) is not None:
            del data[key]
    order = {name: position for position, name in enumerate(fields)}
    for key, value in new.items():
        before, field = old.get(key), fields.get(key)
        if key in data and normal(before) == value:
            continue
        if key in data and all(isinstance(found, list) for found in (data[key], before, value)):
            _update_list(data[key], field, before, value)
            continue
        made = _value(value, field, data.get(key))
        if key in data:
            data[key] = made
            continue
        position = order.get(key, len(order))
        earlier = [index for index, name in enumerate(data) if order.get(name, -1) < position]
        data.insert(max(earlier) + 1 if earlier else 0, key, made)


def _update_list(items, field: Field | None, old: list, new: list) -> None:
    """Change a list item by item, in place: the comments stay with the places they stand at."""
    sub_fields = field.fields if field is not None else {}
    for index, value in enumerate(new[: len(items)]):
        before = old[index] if index < len(old) else None
        if normal(before) == value:
            continue
        if isinstance(value, dict) and isinstance(before, dict) and hasattr(items[index], "insert"):
            _update(items[index], sub_fields, before, value, set(sub_fields) | set(value))
        else:
            items[index] = _value([value], field)[0]
    while len(items) > len(new):
        del items[len(items) - 1]
    for value in new[len(items) :]:
        items.append(_value([value], field)[0])


def _value(value, field: Field | None, before=None):
    """``value`` as ruamel.yaml writes it: text quoted where it must be, a list in the style it had."""
    if isinstance(value, str):
        return _text(value, value_kind(field))
    items = CommentedSeq()
    for item in value:
        if isinstance(item, str):
            items.append(_text(item, item_kind(field)))
        else:
            sub_fields = field.fields if field is not None else {}
            names = [name for name in sub_fields if name in item]
            names += [name for name in item if name not in sub_fields]
            items.append(CommentedMap((name, _value(item[name], sub_fields.get(name))) for name in names))
    if getattr(getattr(before, "fa", None), "flow_style", lambda: False)():
        items.fa.set_flow_style()
    return items


def _text(value: str, kind: str):
    if any(mark in value for mark in BREAKS):
        if block(value, "|", 0, 2) is not None:
            return LiteralScalarString(value)
        return DoubleQuotedScalarString(value)
    written = inline(value, kind)
    if written.startswith("'"):
        return SingleQuotedScalarString(value)
    if written.startswith('"'):
        return DoubleQuotedScalarString(value)
    return value
