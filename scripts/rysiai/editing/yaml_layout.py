"""Where things stand in a YAML record file: its lines, each value's lines, and the file's own style.

Edits are made on the file's lines (line ends kept); composing the file with libyaml (every
scalar as written, as the loader does) says where each key and value begins and ends.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass

import yaml

from ..loading.yaml_source import NO_VALUE, Loader

BLOCK_HEADER = re.compile(r"[|>](?:[1-9][-+]?|[-+][1-9]?)?")
LINE_ENDS = ("\r\n", "\n", "\r", "\x85", "\u2028", "\u2029")


class Unsupported(Exception):
    """A layout the in-place edit does not take on; the round trip does it instead."""


@dataclass(frozen=True)
class Style:
    """How the file writes what a new value needs: lists in `[a, b]` or as `- ` lines, how far a
    list's `- ` stands in from its key, a list item's keys from its `- `, and a block's lines."""

    flow_lists: bool = False
    dash_offset: int = 2
    item_offset: int = 2
    block_indent: int = 2
    newline: str = "\n"


class Layout:
    """A YAML file's lines and its composed nodes."""

    def __init__(self, text: str):
        self.lines = text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))
        try:
            self.root = yaml.compose(text, Loader=Loader)
        except yaml.YAMLError as error:
            raise Unsupported(str(error)) from None
        if not isinstance(self.root, yaml.MappingNode) or self.root.flow_style:
            raise Unsupported("the file is not a block mapping")
        self.style = _style(self, text)

    def where(self, mark) -> tuple[int, int]:
        """(line, column) of a node's mark, counted in this file's lines."""
        line = min(bisect_right(self.starts, mark.index), len(self.lines)) - 1  # the file's end: its last line
        return line, mark.index - self.starts[line]

    def last_line(self, node: yaml.Node) -> int:
        """The last line that holds the node's own text (a block's trailing blank lines are not
        its own, except under `|+`)."""
        if isinstance(node, yaml.ScalarNode) or node.flow_style or not node.value:
            line, column = self.where(node.end_mark)
            if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
                line = line - 1 if column == 0 else line
                if "+" not in self.block_header(node)[1]:
                    first = self.where(node.start_mark)[0]
                    while line > first and not self.lines[line].strip():
                        line -= 1
            return line
        last = node.value[-1]
        return self.last_line(last[1] if isinstance(node, yaml.MappingNode) else last)

    def dash_of(self, item: yaml.Node) -> tuple[int, int]:
        """(line, column) of the `-` that begins a block list's item: before the item on its
        line, or alone on a line above it."""
        line, column = self.where(item.start_mark)
        before = self.lines[line][:column].rstrip(" ")
        if before.endswith("-") and not before[:-1].strip(" "):
            return line, len(before) - 1
        for row in range(line - 1, -1, -1):
            text = self.lines[row].strip()
            if text and not text.startswith("#"):
                if re.fullmatch(r"-(\s+#.*)?", text):
                    return row, self.lines[row].index("-")
                break
        raise Unsupported("a list item whose `-` cannot be found")

    def block_header(self, node: yaml.ScalarNode) -> tuple[int, str]:
        """The column and text of a `|` or `>` block's header (`|`, `>-`, `|2+` …), after any tag."""
        line, column = self.where(node.start_mark)
        found = BLOCK_HEADER.search(self.lines[line], column)
        return found.start(), found.group()


COMMENT = re.compile(r"(?:^|(?<=[ \t]))#[^\r\n\x85\u2028\u2029]*", re.MULTILINE)


def comments(text: str, leaving_out: set[str] = frozenset()) -> Counter:
    """The comments of a YAML file (every `#…` outside its values), but for those on the lines
    of the top-level fields ``leaving_out``."""
    root = yaml.compose(text, Loader=Loader)
    spans: list[tuple[int, int]] = []

    def walk(node) -> None:
        if isinstance(node, yaml.ScalarNode):
            spans.append((node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item)
        elif isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(key)
                walk(value)

    walk(root)
    fields: list[tuple[int, int]] = []
    if isinstance(root, yaml.MappingNode) and not root.flow_style and leaving_out:  # `{…}`: none left out
        layout = Layout(text)
        for key, value in root.value:
            if key.value in leaving_out:
                first, last = layout.where(key.start_mark)[0], layout.last_line(value)
                fields.append((layout.starts[first], layout.starts[last + 1]))
    spans.sort()
    fields.sort()
    found = Counter()
    for match in COMMENT.finditer(text):
        if not _inside(spans, match.start()) and not _inside(fields, match.start()):
            found[match.group().rstrip()] += 1
    return found


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether ``index`` falls in one of ``spans`` (sorted, not overlapping)."""
    at = bisect_right(spans, (index, float("inf"))) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


def plain_value(node: yaml.Node):
    """The node's value as the loader reads it: text, None, lists and mappings of them."""
    if isinstance(node, yaml.ScalarNode):
        return None if not node.style and node.value in NO_VALUE else node.value
    if isinstance(node, yaml.SequenceNode):
        return [plain_value(item) for item in node.value]
    return {key.value: plain_value(value) for key, value in node.value}


def ends_line(line: str) -> bool:
    return line.endswith(LINE_ENDS)


def _style(layout: Layout, text: str) -> Style:
    """The file's own ways of writing lists, list items and blocks (the sample data's where it has none)."""
    found: dict[str, int | bool] = {}
    match = re.search(r"\r\n|\n|\r", text)
    newline = match.group() if match else "\n"

    def walk(node: yaml.MappingNode) -> None:
        for key, value in node.value:
            key_column = layout.where(key.start_mark)[1]
            if isinstance(value, yaml.SequenceNode) and value.value:
                if value.flow_style:
                    found.setdefault("flow_lists", True)
                    continue
                dash = layout.dash_of(value.value[0])[1]
                found.setdefault("dash_offset", dash - key_column)
                found.setdefault("flow_lists", False)
                for item in value.value:
                    if isinstance(item, yaml.MappingNode) and not item.flow_style and item.value:
                        found.setdefault("item_offset", layout.where(item.start_mark)[1] - dash)
                        walk(item)
            elif isinstance(value, yaml.ScalarNode) and value.style in ("|", ">"):
                first, last = layout.where(value.start_mark)[0] + 1, layout.last_line(value)
                content = [line for line in layout.lines[first : last + 1] if line.strip()]
                if content:
                    indent = len(content[0]) - len(content[0].lstrip(" "))
                    found.setdefault("block_indent", indent - key_column)

    walk(layout.root)
    least = {"dash_offset": 0, "item_offset": 2, "block_indent": 1}  # below these: not to copy
    found = {name: value for name, value in found.items() if value >= least.get(name, 0)}
    return Style(newline=newline, **found)
