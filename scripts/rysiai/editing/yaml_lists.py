"""Changing a list where it is written: `[a, b]` on its line, `- ` items line by line.

Items kept keep their lines (and the comments before them), moved ones move with their lines,
changed ones are changed in place (a list item's keys like a record's); the comments before an
item removed stay where they were.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

import yaml

from ..schema import Field
from .record_values import key_of, normal
from .yaml_fresh import item_kind, render_item
from .yaml_layout import Unsupported, plain_value
from .yaml_scalars import BREAKS, inline

LINE_BREAK = re.compile("[ \t]*[\r\n\x85\u2028\u2029]\\s*")


class ListEdits:
    """The list edits of the in-place editor (which gives ``layout``, ``style`` and ``mapping``)."""

    def flow_list(self, lines, node, new: list[str], kind: str, start: int, end: int) -> list[str]:
        """`[a, b]` changed, on one line: items kept as written, new ones quoted as the others are.
        A list over several lines is joined onto its first, unless a comment stands inside it."""
        (line, begin), (last, stop) = self.layout.where(node.start_mark), self.layout.where(node.end_mark)
        whole, base = "".join(lines[line : last + 1]), self.layout.starts[line]
        spans = [(item.start_mark.index - base, item.end_mark.index - base) for item in node.value]
        gaps = [whole[begin : spans[0][0]]] + [whole[a[1] : b[0]] for a, b in zip(spans, spans[1:])]
        gaps.append(whole[spans[-1][1] : len(whole) - len(lines[last]) + stop])
        if any("#" in gap for gap in gaps):
            raise Unsupported("a comment inside a `[…]` list")
        separator = gaps[1] if len(gaps) > 2 and not LINE_BREAK.search(gaps[1]) else ", "
        styles = {item.style or None for item in node.value}
        quotes = styles.pop() if len(styles) == 1 else None
        unused: dict[str, list[str]] = {}
        for item, (left, right) in zip(node.value, spans):
            if not any(mark in whole[left:right] for mark in BREAKS):
                unused.setdefault(key_of(plain_value(item)), []).append(whole[left:right])
        written = []
        for value in new:
            same = unused.get(key_of(value))
            written.append(same.pop(0) if same else inline(value, kind, quotes, "flow"))
        opening, closing = (LINE_BREAK.sub("", gap) for gap in (gaps[0], gaps[-1]))
        joined = lines[line][:begin] + opening + separator.join(written) + closing + lines[last][stop:]
        return lines[start:line] + [joined] + lines[last + 1 : end + 1]

    def block_list(self, lines, node, new: list, field: Field | None, end: int) -> list[str]:
        """The lines of a `- ` list from its first item on, with ``new`` as its items."""
        items = node.value
        dashes = [self.layout.dash_of(item) for item in items]
        dash = dashes[0][1]
        firsts = [line for line, _ in dashes]
        lasts = [self.layout.last_line(item) for item in items]
        leading = [[]] + [lines[lasts[index - 1] + 1 : firsts[index]] for index in range(1, len(items))]
        bodies = [lines[first : last + 1] for first, last in zip(firsts, lasts)]
        old_keys = [key_of(normal(plain_value(item))) for item in items]
        new_keys = [key_of(value) for value in new]
        opcodes = SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_opcodes()
        unmatched: dict[str, list[int]] = {}
        for tag, i1, i2, _, _ in opcodes:
            if tag != "equal":
                for index in range(i1, i2):
                    unmatched.setdefault(old_keys[index], []).append(index)
        moved = {}
        for tag, _, _, j1, j2 in opcodes:
            for j in range(j1, j2) if tag != "equal" else ():
                if unmatched.get(new_keys[j]):
                    moved[j] = unmatched[new_keys[j]].pop(0)
        taken = set(moved.values())
        out: list[str] = []
        for tag, i1, i2, j1, j2 in opcodes:
            if tag == "equal":
                for index in range(i1, i2):
                    out += leading[index] + bodies[index]
                continue
            free = iter([index for index in range(i1, i2) if index not in taken])
            paired = set()
            for j in range(j1, j2):
                if j in moved:
                    out += bodies[moved[j]]
                    continue
                index = next(free, None)
                if index is None:
                    out += render_item(new[j], field, dash, self.style)
                else:
                    paired.add(index)
                    changed = self.item(lines, items[index], new[j], field, dash, firsts[index], lasts[index])
                    out += leading[index] + changed
            for index in range(i1, i2):
                if index not in paired:
                    out += leading[index]  # the comments before an item moved or removed stay
        return out

    def item(self, lines, node, new, field: Field | None, dash: int, first: int, last: int) -> list[str]:
        """One list item's lines, changed in place where it keeps its kind, else written anew."""
        where = self.layout.where
        if isinstance(new, str) and isinstance(node, yaml.ScalarNode) and node.style not in ("|", ">"):
            (line, begin), (end, stop) = where(node.start_mark), where(node.end_mark)
            written = inline(new, item_kind(field), node.style or None, "item")
            changed = lines[line][:begin] + written + lines[end][stop:]
            return lines[first:line] + [changed] + lines[end + 1 : last + 1]
        if isinstance(new, dict) and isinstance(node, yaml.MappingNode) and not node.flow_style and node.value:
            fields = field.fields if field is not None else {}
            managed = set(fields) | set(new)
            key_line = where(node.start_mark)[0]
            if key_line != first:  # the `-` alone on its line: the keys below it change freely
                return lines[first:key_line] + self.mapping(lines, node, fields, new, managed, top=False)
            undashed = list(lines)
            undashed[first] = lines[first][:dash] + " " + lines[first][dash + 1 :]
            out = self.mapping(undashed, node, fields, new, managed, top=False)
            for index, text in enumerate(out):
                if text.strip() and not text.lstrip().startswith("#"):
                    if text[dash : dash + 1] != " ":
                        raise Unsupported("a list item's first key too close to its `-`")
                    out[index] = text[:dash] + "-" + text[dash + 1 :]
                    return out
            raise Unsupported("a list item left without a key")
        return render_item(new, field, dash, self.style)
