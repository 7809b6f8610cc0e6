"""Changing single values in record files, keeping everything else as written.

YAML files go through ruamel.yaml's round trip (comments, key order, quoting and the file's own
list indentation kept); CSV files change only the cells concerned. Used by `mv`, `merge` and
`forget`.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from pathlib import Path

from ruamel.yaml import YAML

# One change: the record's id, the place of a value in it (("participants", 2), ("notes",)),
# and what the value becomes, given what it is.
Change = tuple[str, tuple, Callable[[str], str]]


def edit_values(path: Path, changes: list[Change]) -> Path:
    """Apply ``changes`` to the record file ``path`` (one record in YAML, many in CSV)."""
    if path.suffix == ".csv":
        return _edit_csv(path, changes)
    text = path.read_text(encoding="utf-8")
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    for _record_id, place, change in changes:
        container = data
        for part in place[:-1]:
            container = container[part]
        value = container[place[-1]]
        if isinstance(value, str):
            # ruamel's scalar kinds (a `|` block, a quoted string) are str subclasses: keep the kind.
            container[place[-1]] = type(value)(change(value)) if type(value) is not str else change(value)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def round_trip_yaml(text: str) -> YAML:
    """ruamel.yaml set to write a file back as its author wrote it: quotes kept, long lines
    unbroken, and lists flush with their key ("partners:\n- a") or indented, as the file has them."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    flat = re.search(r"^\S[^:\n]*:[ \t]*\n- ", text, re.MULTILINE) is not None
    yaml.indent(mapping=2, sequence=2 if flat else 4, offset=0 if flat else 2)
    return yaml


def _edit_csv(path: Path, changes: list[Change]) -> Path:
    """Change the cells concerned; in a list cell (`a;b;c`) item by item."""
    bom, rows = _read_csv(path)
    header = rows[0]
    by_row: dict[str, list[tuple[tuple, Callable[[str], str]]]] = {}
    for record_id, place, change in changes:
        by_row.setdefault(record_id, []).append((place, change))
    for row in rows[1:]:
        if len(row) != len(header) or row[header.index("id")] not in by_row:
            continue
        for place, change in by_row[row[header.index("id")]]:
            index = header.index(place[0])
            if len(place) == 1:
                row[index] = change(row[index])
            else:  # every item: the typed list's numbering skips empty items, the cell's does not
                row[index] = ";".join(change(item.strip()) for item in row[index].split(";"))
    _write_csv(path, bom, rows)
    return path


def delete_csv_rows(path: Path, record_ids: set[str]) -> Path:
    """Remove the rows of ``record_ids`` from a CSV file."""
    bom, rows = _read_csv(path)
    id_column = rows[0].index("id")
    kept = [rows[0]] + [row for row in rows[1:] if len(row) <= id_column or row[id_column] not in record_ids]
    _write_csv(path, bom, kept)
    return path


def _read_csv(path: Path) -> tuple[bool, list[list[str]]]:
    raw = path.read_bytes()
    return raw.startswith(b"\xef\xbb\xbf"), list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def _write_csv(path: Path, bom: bool, rows: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8"))
