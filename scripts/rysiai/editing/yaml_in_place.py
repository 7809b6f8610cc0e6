"""Changing a YAML record's values where they are written, every other line left as it is.

A changed value is replaced in its own place (its quotes, its block's style and indentation, a
comment after it kept); a new field goes after the nearest field before it in the schema's
order; a removed field takes its own lines with it, the comments around it stay. Lists are
changed item by item (yaml_lists).
"""

from __future__ import annotations

import re

import yaml

from ..schema import Field
from .record_values import normal
from .yaml_fresh import item_kind, render_field, value_kind
from .yaml_layout import Layout, ends_line, plain_value
from .yaml_lists import ListEdits
from .yaml_scalars import BREAKS, block, double_quoted, inline

COMMENT_AFTER = re.compile(r"\s+#.*$")


def edit_in_place(text: str, fields: dict[str, Field], new: dict, managed: set[str]) -> str:
    """``text`` with the values of the fields in ``managed`` made those of ``new`` (normal
    values; a managed field missing from ``new`` is removed); Unsupported where the file's
    layout is one this edit does not take on."""
    editor = _Editor(Layout(text))
    lines = editor.mapping(editor.layout.lines, editor.layout.root, fields, new, managed, top=True)
    for index, line in enumerate(lines[:-1]):
        if not ends_line(line):  # a last line without its line end, now followed by another
            lines[index] = line + editor.style.newline
    result = "".join(lines)
    if text and not ends_line(text) and ends_line(result):
        result = result.rstrip("\r\n")
    return result


class _Editor(ListEdits):
    """Edits one file's lines; ``mapping`` is where it starts, and where list items come back to."""

    def __init__(self, layout: Layout):
        self.layout = layout
        self.style = layout.style
        self.nl = layout.style.newline

    def mapping(self, lines, node, fields, new, managed, *, top: bool) -> list[str]:
        """The lines of the block mapping ``node`` (the whole file for the top one), changed."""
        where, layout = self.layout.where, self.layout
        pairs = node.value
        keys = [key.value for key, _ in pairs]
        starts = [where(key.start_mark)[0] for key, _ in pairs]
        ends = [layout.last_line(value) for _, value in pairs]
        column = where(pairs[0][0].start_mark)[1]
        kept = [
            index for index, (key, (_, value)) in enumerate(zip(keys, pairs))
            if key not in managed or key in new or normal(plain_value(value)) is None
        ]
        placeholders = self._placeholders(lines, new, keys, fields, column, starts, ends) if top else {}
        missing = [key for key in new if key not in keys and key not in placeholders.values()]
        before, after = self._slots(keys, kept, missing, fields)
        out: list[str] = []
        cursor = 0 if top else starts[0]
        for index, (key_node, value_node) in enumerate(pairs):
            out += self._between(lines, cursor, starts[index], placeholders, new, fields, column)
            if index == (kept[0] if kept else 0):
                for key in before:
                    out += render_field(key, new[key], fields.get(key), column, self.style)
            key = keys[index]
            chunk = lines[starts[index] : ends[index] + 1]
            if index in kept:
                if key in managed and normal(plain_value(value_node)) != new[key]:
                    field, start, end = fields.get(key), starts[index], ends[index]
                    out += self.field(lines, key_node, value_node, field, new[key], start, end)
                else:
                    out += chunk
            for key in after.get(index, []):
                out += render_field(key, new[key], fields.get(key), column, self.style)
            cursor = ends[index] + 1
        if top:
            out += self._between(lines, cursor, len(lines), placeholders, new, fields, column)
        return out

    def _slots(self, keys, kept, missing, fields) -> tuple[list[str], dict[int, list[str]]]:
        """Where each new field goes: after the nearest field before it in the schema's order
        that stays, else before the first field that stays."""
        order = {name: position for position, name in enumerate(fields)}
        missing = sorted(missing, key=lambda key: order.get(key, len(order)))
        before, after = [], {}
        for key in missing:
            position = order.get(key, len(order))
            earlier = [index for index in kept if order.get(keys[index], position) < position]
            if key not in order and kept:
                earlier = [kept[-1]]
            if earlier:
                anchor = max(earlier, key=lambda index: (order.get(keys[index], -1), index))
                after.setdefault(anchor, []).append(key)
            else:
                before.append(key)
        return before, after

    def _placeholders(self, lines, new, keys, fields, column, starts, ends) -> dict[int, str]:
        """Lines `# field:  # what it is` that `rysiai new` leaves for a field not filled in:
        a new value of that field is written there, its description kept as its comment."""
        inside = {line for start, end in zip(starts, ends) for line in range(start, end + 1)}
        found = {}
        for name in new:
            if name in keys or name not in fields:
                continue
            pattern = re.compile(" " * column + "# " + re.escape(name) + r":(\s+#.*)?")
            for index, line in enumerate(lines):
                if index not in inside and pattern.fullmatch(line.rstrip("\r\n")):
                    found[index] = name
                    break
        return found

    def _between(self, lines, start, end, placeholders, new, fields, column) -> list[str]:
        out = []
        for index in range(start, end):
            name = placeholders.get(index)
            if name is None:
                out.append(lines[index])
                continue
            comment = re.fullmatch(r"# [^:]*:(\s+#.*)?", lines[index].strip(" \r\n")).group(1) or ""
            out += render_field(name, new[name], fields.get(name), column, self.style, comment)
        return out

    def field(self, lines, key_node, node, field: Field | None, new, start: int, end: int) -> list[str]:
        """The lines of one field, from its key to its value's last line, with ``new`` as its value."""
        column = self.layout.where(key_node.start_mark)[1]
        if isinstance(new, str) and isinstance(node, yaml.ScalarNode):
            return self.scalar(lines, node, new, value_kind(field), column, start, end)
        if isinstance(new, list) and isinstance(node, yaml.SequenceNode) and node.value:
            scalars = all(isinstance(item, str) for item in new)
            if scalars and node.flow_style:
                return self.flow_list(lines, node, new, item_kind(field), start, end)
            if not node.flow_style:
                first = self.layout.dash_of(node.value[0])[0]
                return lines[start:first] + self.block_list(lines, node, new, field, end)
        comment = self._comment_after(lines, key_node, node)
        return render_field(key_node.value, new, field, column, self.style, comment)

    def _comment_after(self, lines, key_node, node) -> str:
        """The comment on a key's line, after its one-line value or after the key."""
        line, column = self.layout.where(key_node.end_mark)
        value_line, value_end = self.layout.where(node.end_mark)
        if isinstance(node, yaml.ScalarNode) and value_line == line:
            column = value_end
        elif not isinstance(node, yaml.ScalarNode) and not node.flow_style:
            column += 1  # past the `:`
        else:
            return ""
        found = COMMENT_AFTER.match(lines[line][column:].rstrip("\r\n"))
        return found.group() if found else ""

    def scalar(self, lines, node, new: str, kind: str, column: int, start: int, end: int) -> list[str]:
        (line, begin), (last, stop) = self.layout.where(node.start_mark), self.layout.where(node.end_mark)
        if node.style in ("|", ">"):
            begin, header = self.layout.block_header(node)
            rest = lines[line][begin + len(header) :]
            content = [text for text in lines[line + 1 : end + 1] if text.strip()]
            digit = re.search("[1-9]", header)
            if digit:
                indent = column + int(digit.group())
            elif content:
                indent = len(content[0]) - len(content[0].lstrip(" "))
            else:
                indent = column + self.style.block_indent
            made = block(new, header[0], column, indent) or block(new, "|", column, indent)
            if made is None:
                return lines[start:line] + [lines[line][:begin] + double_quoted(new) + rest]
            written, body = made
            return lines[start:line] + [lines[line][:begin] + written + rest] + self._ended(body)
        empty = node.start_mark.index == node.end_mark.index
        tail = lines[last][stop:]
        if any(mark in new for mark in BREAKS):
            made = block(new, "|", column, column + self.style.block_indent)
            if made is not None:
                written, body = made
                head = lines[line][:begin] + (" " if empty else "") + written + tail
                head = head if ends_line(head) else head + self.nl
                return lines[start:line] + [head] + self._ended(body) + lines[last + 1 : end + 1]
        written = inline(new, kind, node.style or None, "value")
        head = lines[line][:begin] + (" " if empty else "") + written + tail
        return lines[start:line] + [head] + lines[last + 1 : end + 1]

    def _ended(self, lines: list[str]) -> list[str]:
        return [line + self.nl for line in lines]
