"""Changing single values in record files, keeping everything else as written.

YAML files go through ruamel.yaml's round trip (comments, key order, quoting and the file's own
list indentation kept; its byte-order mark, line ends and `---` too); in CSV files only the rows
concerned are written again, in the file's own quoting and line ends, the others left byte for
byte. Used by `mv`, `merge` and `forget`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

BOM = "\ufeff"
# One change: the record's id, the place of a value in it (("participants", 2), ("notes",)),
# and what the value becomes, given what it is (None: the value is removed).
Change = tuple[str, tuple, Callable[[str], "str | None"]]


def edit_values(path: Path, changes: list[Change]) -> Path:
    """Apply ``changes`` to the record file ``path`` (one record in YAML, many in CSV)."""
    if path.suffix == ".csv":
        return _edit_csv(path, changes)
    raw = path.read_bytes().decode("utf-8")
    bom, text = raw.startswith(BOM), raw.removeprefix(BOM)
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    # Removals last and from the end, so that the places of the other changes still hold.
    for _record_id, place, change in sorted(changes, key=lambda c: c[1], reverse=True):
        container = data
        for part in place[:-1]:
            container = container[part]
        value = container[place[-1]]
        if value is None or isinstance(value, (dict, list)):
            continue
        # A number or date ruamel read (`phone: 861234567`) is changed as the text it is.
        written = value if isinstance(value, str) else str(value)
        changed = change(written)
        if changed is None:
            del container[place[-1]]
        elif changed != written:
            # ruamel's scalar kinds (a `|` block, a quoted string) are str subclasses: kept.
            kind = type(value) if isinstance(value, str) and type(value) is not str else str
            container[place[-1]] = kind(changed)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    out = buffer.getvalue()
    if crlf:
        out = out.replace("\n", "\r\n")
    path.write_bytes(((BOM if bom else "") + out).encode("utf-8"))
    return path


def round_trip_yaml(text: str) -> YAML:
    """ruamel.yaml set to write a file back as its author wrote it: quotes kept, long lines
    unbroken, lists flush with their key ("partners:\n- a") or indented, as the file has them,
    and a `---` first line kept."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    flat = re.search(r"^\S[^:\n]*:[ \t]*\n- ", text, re.MULTILINE) is not None
    yaml.indent(mapping=2, sequence=2 if flat else 4, offset=0 if flat else 2)
    yaml.explicit_start = re.match(r"(\s*#.*\n)*---\s", text) is not None
    return yaml


def _edit_csv(path: Path, changes: list[Change]) -> Path:
    """Change the cells concerned; in a list cell (`a;b;c`) item by item."""
    by_row: dict[str, list[tuple[tuple, Callable]]] = {}
    for record_id, place, change in changes:
        by_row.setdefault(record_id, []).append((place, change))

    def rewrite(header: list[str], row: list[str]) -> list[str] | None:
        for place, change in by_row.get(row[header.index("id")], []):
            index = header.index(place[0])
            if len(place) == 1:
                row[index] = change(row[index]) or ""
            else:  # every item: the typed list's numbering skips empty items, the cell's does not
                items = (change(item.strip()) for item in row[index].split(";"))
                row[index] = ";".join(item for item in items if item is not None)
        return row

    return _rewrite_rows(path, rewrite)


def delete_csv_rows(path: Path, record_ids: set[str]) -> Path:
    """Remove the rows of ``record_ids`` from a CSV file."""
    return _rewrite_rows(path, lambda header, row: None if row[header.index("id")] in record_ids else row)


def _rewrite_rows(path: Path, rewrite: Callable[[list[str], list[str]], list[str] | None]) -> Path:
    """Give each data row to ``rewrite`` (it returns the row, changed or not, or None to drop
    it); rows that come back unchanged keep their text byte for byte."""
    raw = path.read_bytes().decode("utf-8")
    bom, text = raw.startswith(BOM), raw.removeprefix(BOM)
    pieces = _row_texts(text)
    header = next(csv.reader([pieces[0]])) if pieces else []
    out = [pieces[0]] if pieces else []
    for piece in pieces[1:]:
        row = next(csv.reader([piece]), [])
        if "id" not in header or len(row) != len(header):
            out.append(piece)
            continue
        new = rewrite(header, list(row))
        if new is None:
            continue
        out.append(piece if new == row else _write_row(new, piece))
    path.write_bytes(((BOM if bom else "") + "".join(out)).encode("utf-8"))
    return path


def _row_texts(text: str) -> list[str]:
    """The file cut into its rows as written, line ends included (a quoted cell may span lines)."""
    pieces, current, quotes = [], "", 0
    for line in text.splitlines(keepends=True):
        current += line
        quotes += line.count('"')
        if quotes % 2 == 0:
            pieces.append(current)
            current, quotes = "", 0
    if current:
        pieces.append(current)
    return pieces


def _write_row(row: list[str], written: str) -> str:
    """A changed row in the way its file writes rows: its line end, every cell quoted or not."""
    ending = "\r\n" if written.endswith("\r\n") else "\n" if written.endswith("\n") else ""
    quote_all = written.startswith('"') and all(
        cell.startswith('"') for cell in re.split(r',(?=(?:[^"]*"[^"]*")*[^"]*$)', written.rstrip("\r\n"))
    )
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator=ending, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL).writerow(row)
    return buffer.getvalue()
