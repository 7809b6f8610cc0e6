"""How one text value is written in YAML so that every reader takes it back as exactly that text.

A value is written plain only where YAML 1.1 (PyYAML, the project's own reading aside) and
YAML 1.2 (editors) would both read it as text, or as the field's own type (a date in a date
field): `NO`, `null`, `012`, `12:30`, `+370…` are quoted. Each way of writing is tried on a
small document and kept only if it reads back as the value; double quotes, with escapes, always do.
"""

from __future__ import annotations

import re

import yaml
import yaml.resolver

from ..loading.yaml_source import NO_VALUE, NULL_WORDS, Loader

# Line breaks as YAML reads them; none of them can stand in a plain or single-quoted value.
BREAKS = "\r\n\x85\u2028\u2029"
# What YAML lets stand in a file as it is; anything else is written as an escape.
NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
ESCAPES = {"\\": "\\\\", '"': '\\"', "\t": "\\t", "\n": "\\n", "\r": "\\r", "\x00": "\\0",
           "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
# YAML 1.2's core schema: what an editor reading YAML 1.2 takes for something other than text.
YAML12_NOT_TEXT = re.compile(
    r"null|Null|NULL|~|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.nan|\.NaN|\.NAN"
)
# The YAML 1.1 type a value of each schema type may be read as when written plain.
OWN_TAGS = {"date": "timestamp", "boolean": "bool", "integer": "int"}
_RESOLVER = yaml.resolver.Resolver()
LOADERS = (Loader, yaml.BaseLoader)
# Where a value stands: a mapping's value, an item of a block list, an item of a flow list.
SNIPPETS = {"value": ("k: ", ""), "item": ("- ", ""), "flow": ("k: [", "]")}


def inline(value: str, kind: str = "string", style: str | None = None, context: str = "value") -> str:
    """``value`` on one line: in the quotes ``style`` names ("'" or '"') if it can be, else plain
    where every reader takes it as this text, else in single quotes, else in double quotes."""
    if style == '"':
        return double_quoted(value)
    tries = [single_quoted] if style == "'" else [_plain, single_quoted]
    for write in tries:
        written = write(value, kind) if write is _plain else write(value)
        if written is not None and reads_back(written, value, context):
            return written
    return double_quoted(value)


def _plain(value: str, kind: str) -> str | None:
    if not value or any(mark in value for mark in BREAKS) or NOT_PRINTABLE.search(value):
        return None
    if value != value.strip(" \t") or value in NULL_WORDS:
        return None
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)).rpartition(":")[2]
    if tag != "str" and tag != OWN_TAGS.get(kind):
        return None
    if YAML12_NOT_TEXT.fullmatch(value) and kind == "string":
        return None
    return value


def single_quoted(value: str) -> str | None:
    """'…' with ' doubled; None where the value holds a line break or a character to escape."""
    if any(mark in value for mark in BREAKS) or NOT_PRINTABLE.search(value):
        return None
    return "'" + value.replace("'", "''") + "'"


def double_quoted(value: str) -> str:
    """"…" with escapes: any text at all."""
    out = []
    for character in value:
        if character in ESCAPES:
            out.append(ESCAPES[character])
        elif NOT_PRINTABLE.match(character) or character == "\ufeff":
            code = ord(character)
            width = 2 if code < 0x100 else 4 if code < 0x10000 else 8
            out.append("\\" + {2: "x", 4: "u", 8: "U"}[width] + f"{code:0{width}X}")
        else:
            out.append(character)
    return '"' + "".join(out) + '"'


def block(value: str, indicator: str, parent_column: int, indent: int) -> tuple[str, list[str]] | None:
    """``value`` as a `|` (literal) or `>` (folded) block whose lines are indented by ``indent``
    spaces under a node at ``parent_column``: its header (`|`, `|-`, `|2` …) and its lines
    without line ends ("" for an empty line); None where a block cannot hold it exactly."""
    if NOT_PRINTABLE.search(value) or any(mark in value for mark in "\r\x85\u2028\u2029"):
        return None
    body, chomp = (value[:-1], "") if value.endswith("\n") else (value, "-")
    if not body.strip(" \t\n") or body.endswith("\n") or not 0 < indent - parent_column <= 9:
        return None  # only blank lines, or blank lines to keep at its end (`|+`): quoted instead
    lines = body.split("\n")
    first = next(line for line in lines if line.strip(" "))
    spaced = first.startswith(" ") or any(line and not line.strip(" ") for line in lines)
    header = indicator + (str(indent - parent_column) if spaced else "") + chomp
    if indicator == ">":
        lines = _folded(lines)
    pad = " " * indent
    written = [pad + line if line else "" for line in lines]
    snippet = " " * parent_column + "k: " + header + "\n" + "\n".join(written) + "\n"
    return (header, written) if _read(snippet) == value else None


def _folded(lines: list[str]) -> list[str]:
    """The lines a folded block needs to read back as ``lines``: between two lines of text one
    empty line more than the value has, since folding reads a lone line break as a space (lines
    that start with a space or tab are not folded)."""
    out: list[str] = []
    previous = None
    for line in lines:
        if line:
            if previous is not None and not previous[0].isspace() and not line[0].isspace():
                out.append("")
            previous = line
        out.append(line)
    return out


def reads_back(written: str, value: str, context: str = "value") -> bool:
    """Whether ``written``, standing where ``context`` says, reads back as ``value``."""
    before, after = SNIPPETS[context]
    return _read(before + written + after, flow=context == "flow", item=context == "item") == value


def _read(snippet: str, *, flow: bool = False, item: bool = False):
    """The one text ``snippet`` holds where it is asked for, read by libyaml and by PyYAML's own
    reader alike (the loader uses whichever is installed; they differ on a few odd values)."""
    values = {_read_with(loader, snippet, flow, item) for loader in LOADERS}
    return values.pop() if len(values) == 1 else None


def _read_with(loader, snippet: str, flow: bool, item: bool):
    try:
        node = yaml.compose(snippet, Loader=loader)
    except yaml.YAMLError:
        return None
    if item:
        node = node.value[0] if isinstance(node, yaml.SequenceNode) and len(node.value) == 1 else None
    elif isinstance(node, yaml.MappingNode) and len(node.value) == 1:
        node = node.value[0][1]
        if flow:
            node = node.value[0] if isinstance(node, yaml.SequenceNode) and len(node.value) == 1 else None
    else:
        node = None
    if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
        return None
    return None if not node.style and node.value in NO_VALUE else node.value
