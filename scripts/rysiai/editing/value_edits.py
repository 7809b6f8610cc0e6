"""Changing single values in record files, keeping everything else as written.

In a YAML file each changed value is replaced where it is written, every other byte left as it
is (ruamel.yaml says where the values are); only a change that cannot be made in place (a value
removed) has ruamel.yaml write the file again, comments, key order and quoting kept. In CSV files
only the rows concerned are written again, their unchanged cells as written. Used by `mv`,
`merge` and `forget`: each edit goes into the change set, which is written all at once.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.emitter import Emitter
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import ScalarNode
from ruamel.yaml.resolver import VersionedResolver
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from ..errors import RysiaiError
from ..language import _, technical
from ..words.csv_problems import csv_problem
from .change_set import ChangeSet
from .text_files import FileText, file_text

# One change: the record's id, the place of a value in it (("participants", 2), ("notes",)),
# and what the value becomes, given what it is (None: the value is removed).
Change = tuple[str, tuple, Callable[[str], "str | None"]]


def edit_values(change_set: ChangeSet, path: Path, changes: list[Change]) -> Path:
    """Apply ``changes`` to the record file ``path`` (one record in YAML, many in CSV), as the
    change set has it so far; the result goes into the change set."""
    if path.suffix == ".csv":
        return _edit_csv(change_set, path, changes)
    file = file_text(change_set.read_bytes(path))
    try:
        edited = edit_yaml_text(file, changes)
    except YAMLError as error:  # the loader read it, ruamel.yaml does not: said, not a traceback
        mark = getattr(error, "problem_mark", None) if isinstance(error, MarkedYAMLError) else None
        where = f"{path.relative_to(change_set.root).as_posix()}" + (f":{mark.line + 1}" if mark else "")
        raise RysiaiError(_("{path}: cannot be changed, as it cannot be read as YAML{detail}; nothing was changed").format(
            path=where, detail=technical(error.__class__.__name__))) from None
    change_set.write(path, file.encoded(edited))
    return path


def edit_yaml_text(file: FileText, changes: list[Change]) -> str:
    """The YAML file's text with ``changes``: each in place where it can be, else (a value
    removed, one over several plain lines) by ruamel.yaml's round trip."""
    edited = _edit_yaml_in_place(file.text, changes)
    return edited if edited is not None else _edit_yaml_round_trip(file.lf_text, changes)


def _edit_yaml_in_place(text: str, changes: list[Change]) -> str | None:
    """The file with each changed value replaced where it is written and nothing else touched
    (one-line values, and the lines of `|` and `>` blocks); None when a change is of another
    kind (a value removed, a value over several plain lines) or the result does not read back
    as intended."""
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    lines = text.splitlines(keepends=True)
    edits, expected = [], []
    for _record_id, place, change in changes:
        found = _scalar_at(data, place)
        if found is None:
            continue
        container, value, written = found
        changed = change(written)
        if changed == written:
            continue
        if changed is None:
            return None
        line, column = container.lc.item(place[-1]) if isinstance(place[-1], int) else container.lc.value(place[-1])
        if isinstance(value, (LiteralScalarString, FoldedScalarString)):
            block = _block_lines(lines, line)
            edits.append((line + 1, 0, line + 1 + len(block), [change(item) for item in block]))
        else:
            flow = getattr(container, "fa", None) is not None and container.fa.flow_style()
            end = _scalar_end(lines[line], column, flow)
            if end is None or lines[line][column:end] != _shown(written, lines[line][column]):
                return None  # not one line as written (continued, escaped): left to the round trip
            edits.append((line, column, end, _shown(changed, lines[line][column], flow)))
        expected.append((place, changed))
    for line, column, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        if isinstance(new, list):
            lines[line:end] = new
        else:
            lines[line] = lines[line][:column] + new + lines[line][end:]
    result = "".join(lines)
    try:
        check = round_trip_yaml(result).load(result)
        for place, changed in expected:
            found = check
            for part in place:
                found = found[part]
            if str(found) != changed:
                return None
    except Exception:  # noqa: BLE001 — whatever went wrong, the round trip does it instead
        return None
    return result


def _scalar_at(data, place: tuple):
    """(container, value, its text) of the scalar at ``place``, or None where there is none. A
    number or date ruamel read (`phone: 861234567`) is changed as the text it is."""
    container = data
    for part in place[:-1]:
        container = container[part]
    value = container[place[-1]]
    if value is None or isinstance(value, (dict, list)):
        return None
    return container, value, value if isinstance(value, str) else str(value)


def _block_lines(lines: list[str], header: int) -> list[str]:
    """The lines of the `|` or `>` block whose indicator is on line ``header``, as written."""
    block, indent = [], None
    for line in lines[header + 1 :]:
        stripped = line.strip()
        width = len(line) - len(line.lstrip(" "))
        if stripped and (indent is None or width >= indent):
            indent = width if indent is None else indent
            block.append(line)
        elif not stripped:
            block.append(line)
        else:
            break
    while block and not block[-1].strip():  # blank lines after the block belong to the file
        block.pop()
    return block


def _scalar_end(line: str, column: int, flow: bool) -> int | None:
    """Where the one-line scalar starting at ``column`` ends."""
    quote = line[column : column + 1]
    if quote == "'":
        index = column + 1
        while index < len(line):
            if line[index] == "'":
                if line[index + 1 : index + 2] == "'":
                    index += 2
                    continue
                return index + 1
            index += 1
        return None
    if quote == '"':
        index = column + 1
        while index < len(line):
            if line[index] == "\\":
                return None  # escapes: left to the round trip
            if line[index] == '"':
                return index + 1
            index += 1
        return None
    stop = len(line.rstrip("\r\n"))
    comment = line.find(" #", column)
    if comment != -1:
        stop = min(stop, comment)
    if flow:
        for mark in ",]}":
            found = line.find(mark, column)
            if found != -1:
                stop = min(stop, found)
    return len(line[:stop].rstrip())


PLAIN = re.compile(r"[^\s'\"#&*!|>%@`\[\]{},:?\-][^#:,\[\]{}]*")
_RESOLVER = VersionedResolver()


def _shown(value: str, quote: str, flow: bool = False) -> str:
    """``value`` as the file writes it: in the same quotes, or plain where YAML reads it back
    as the same text (else in single quotes)."""
    if quote == "'":
        return "'" + value.replace("'", "''") + "'"
    if quote == '"':
        return json.dumps(value, ensure_ascii=False)
    if PLAIN.fullmatch(value) and value == value.strip() and ": " not in value and _read_as_text(value):
        return value
    return "'" + value.replace("'", "''") + "'"


def _read_as_text(value: str) -> bool:
    """Whether YAML reads ``value``, written plain, as text (`+37061234567` it reads as a number)."""
    return _RESOLVER.resolve(ScalarNode, value, (True, False)) == "tag:yaml.org,2002:str"


def _edit_yaml_round_trip(text: str, changes: list[Change]) -> str:
    """The file (with `\n` line ends) written again by ruamel.yaml with the changes (comments
    and quoting kept)."""
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    # Removals last and from the end, so that the places of the other changes still hold.
    for _record_id, place, change in sorted(changes, key=lambda c: c[1], reverse=True):
        found = _scalar_at(data, place)
        if found is None:
            continue
        container, value, written = found
        changed = change(written)
        if changed is None:
            del container[place[-1]]
        elif changed != written:
            # ruamel's scalar kinds (a `|` block, a quoted string) are str subclasses: kept.
            kind = type(value) if isinstance(value, str) and type(value) is not str else str
            container[place[-1]] = kind(changed)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def round_trip_yaml(text: str) -> YAML:
    """ruamel.yaml set to write a file back as its author wrote it: quotes kept, long lines
    unbroken, lists flush with their key ("partners:\n- a") or indented, as the file has them,
    and a `---` first line kept."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.Resolver, yaml.Emitter = _WordsStayText, _TildeForNone
    flat = re.search(r"^\S[^:\n]*:[ \t]*\n- ", text, re.MULTILINE) is not None
    yaml.indent(mapping=2, sequence=2 if flat else 4, offset=0 if flat else 2)
    yaml.explicit_start = re.match(r"(\s*#.*\n)*---\s", text) is not None
    return yaml


class _WordsStayText(VersionedResolver):
    """`null`, `Null`, `NULL` are read and written back as the words they are, as the loader
    reads them; only an empty value and `~` are no value."""

    def resolve(self, kind, value, implicit):
        tag = super().resolve(kind, value, implicit)
        if kind is ScalarNode and implicit[0] and value not in ("", "~") and tag == _NULL:
            return self.DEFAULT_SCALAR_TAG
        return tag


class _TildeForNone(Emitter):
    """No value where it cannot be left empty (`[a, ~]`) is written `~`, never the word null."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.alt_null = "~"


_NULL = "tag:yaml.org,2002:null"


def _edit_csv(change_set: ChangeSet, path: Path, changes: list[Change]) -> Path:
    """Change the cells concerned; in a list cell (`a; b; c`) item by item, the others as written."""
    by_row: dict[str, list[tuple[tuple, Callable]]] = {}
    for record_id, place, change in changes:
        by_row.setdefault(record_id, []).append((place, change))

    def rewrite(header: list[str], row: list[str]) -> list[str] | None:
        for place, change in by_row.get(row[header.index("id")].strip(), []):
            if place[0] not in header:
                continue
            index = header.index(place[0])
            if len(place) == 1:  # the loader reads a cell without its outer spaces: so here
                cell = row[index]
                value = cell.strip()
                changed = change(value)
                row[index] = "" if changed is None else cell if changed == value else cell.replace(value, changed, 1)
            else:  # every item: the typed list's numbering skips empty items, the cell's does not
                row[index] = ";".join(_changed_items(row[index].split(";"), change))
        return row

    return _rewrite_rows(change_set, path, rewrite)


def _changed_items(items: list[str], change: Callable) -> list[str]:
    kept = []
    for item in items:
        value = item.strip()
        changed = change(value) if value else value
        if changed is None:
            continue
        kept.append(item if changed == value else item.replace(value, changed, 1))
    return kept


def delete_csv_rows(change_set: ChangeSet, path: Path, record_ids: set[str]) -> Path:
    """Remove the rows of ``record_ids`` from a CSV file."""
    return _rewrite_rows(
        change_set, path, lambda header, row: None if row[header.index("id")].strip() in record_ids else row
    )


LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")  # lines as the csv module ends them


def _rewrite_rows(change_set: ChangeSet, path: Path, rewrite: Callable[[list[str], list[str]], list[str] | None]) -> Path:
    """Give each data row to ``rewrite`` (it returns the row, changed or not, or None to drop
    it); rows read as the loader reads them, and those that come back unchanged keep their text
    byte for byte, as do the unchanged cells of a changed row."""
    file = file_text(change_set.read_bytes(path))
    text = file.text
    consumed: list[str] = []

    def lines():
        for line in LINE.findall(text):
            consumed.append(line)
            yield line

    out: list[str] = []
    header: list[str] | None = None
    try:
        reader = csv.reader(lines(), strict=True)
        for row in reader:
            piece = "".join(consumed)
            consumed.clear()
            if header is None:
                header = [name.strip() for name in row]
                out.append(piece)
                continue
            if "id" not in header or len(row) != len(header):
                out.append(piece)
                continue
            new = rewrite(header, list(row))
            if new is not None:
                out.append(piece if new == row else _write_row(new, row, piece))
    except csv.Error as error:
        where = f"{path.relative_to(change_set.root).as_posix()}:{reader.line_num}"
        raise RysiaiError(_("{path}: cannot be read as CSV{detail}; nothing was changed").format(
            path=where, detail=csv_problem(error))) from None
    out.append("".join(consumed))
    change_set.write(path, file.encoded("".join(out)))
    return path


def _write_row(new: list[str], old: list[str], written: str) -> str:
    """A changed row: its unchanged cells as written, the changed ones quoted as they were
    (or only where they must be), and its own line end."""
    ending = re.search(r"(\r\n|\r|\n)?$", written).group()
    cells = _raw_cells(written[: len(written) - len(ending)])
    if len(cells) != len(old):  # cannot tell the cells apart as written: the row written anew
        cells = [None] * len(old)
    shown = []
    for cell, before, after in zip(cells, old, new):
        if cell is not None and before == after:
            shown.append(cell)
            continue
        quoted = cell is not None and cell.lstrip().startswith('"')
        if after == "" and not quoted:  # the csv module would write `""`, to tell an empty row apart
            shown.append("")
            continue
        buffer = io.StringIO(newline="")
        # The line end given is what the csv module quotes a cell for holding, beside `,` and `"`.
        csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_ALL if quoted else csv.QUOTE_MINIMAL).writerow([after])
        shown.append(buffer.getvalue().removesuffix("\r\n"))
    return ",".join(shown) + ending


def _raw_cells(text: str) -> list[str]:
    """A row's cells as written: split on the commas outside quotes."""
    cells, current, quoted = [], [], False
    for character in text:
        if character == '"':
            quoted = not quoted
        if character == "," and not quoted:
            cells.append("".join(current))
            current = []
        else:
            current.append(character)
    cells.append("".join(current))
    return cells
