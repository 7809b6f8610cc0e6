"""Changing one record's row in a CSV file: every other row byte for byte, its unchanged cells as written.

The changed row is written as value_edits writes rows (its cells quoted as they were, or only
where they must be); a list's items are joined with the field's delimiter. What a cell cannot
hold so that it reads back the same is refused, and the new row is read back by the CSV source
before anything is given back: a whole row on its own, so the rows after it read as before.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from ..language import _, ngettext
from ..loading.csv_source import read_csv_records
from ..words.csv_problems import csv_problem
from ..schema import Collection, Field
from .record_values import RecordEditError, normal, normal_record
from .text_files import BOM
from .value_edits import LINE, _write_row


@dataclass
class _Rows:
    """A CSV file's header, where the header ends, and where the record's rows stand."""

    header: list[str]
    header_end: int
    found: list[tuple[int, int, list[str]]]  # start, end, cells


def edit_csv_record(
    text: str, collection: Collection, record_id: str, new: dict, managed: set[str], *, path: str
) -> str:
    """``text`` with the row of ``record_id`` holding ``new`` (normal values, id left out) in
    the columns of ``managed``; the other columns as they are."""
    bom = BOM if text.startswith(BOM) else ""
    body = text[len(bom) :]
    rows = _rows(body, record_id, path)
    for name, value in new.items():
        _refuse(value, collection.fields.get(name), name, path)
        if name not in rows.header:
            raise RecordEditError(
                _("{path}: this CSV file has no column `{name}`, so the value cannot be written; add the column "
                  "to the whole file, or move the record into a YAML file of its own").format(path=path, name=name),
                field=name,
            )
    if not rows.found:
        raise RecordEditError(_("{path}: the record `{id}` has no row in this file; nothing was changed").format(
            path=path, id=record_id))
    if len(rows.found) > 1:
        raise RecordEditError(ngettext(
            "{path}: the record `{id}` has {n} row in this file; nothing was changed",
            "{path}: the record `{id}` has {n} rows in this file; nothing was changed", len(rows.found),
        ).format(path=path, id=record_id, n=len(rows.found)))
    start, end, row = rows.found[0]
    spaced = _spaced(rows.header, row, collection)
    cells, old = list(row), {}
    for index, name in enumerate(rows.header):
        field = collection.fields.get(name)
        old[name] = _read_cell(row[index], field)
        if name != "id" and name in managed and normal(old[name]) != new.get(name):
            cells[index] = _cell(new.get(name), field, spaced)
    if cells == row:
        return text
    written = _write_row(cells, row, body[start:end])
    old.pop("id", None)
    expected = {**{key: value for key, value in normal_record(old).items() if key not in managed}, **new}
    alone = (body[: rows.header_end] + written).encode("utf-8")
    records, findings = read_csv_records(alone, collection=collection, path=path)
    if findings or [record.id for record in records] != [record_id] or normal_record(records[0].values) != expected:
        raise RecordEditError(_("{path}: the changed row does not read back as it was written; nothing was changed").format(
            path=path))
    return bom + body[:start] + written + body[end:]


def _rows(body: str, record_id: str, path: str) -> _Rows:
    """Read as the CSV source reads rows (line ends as the csv module ends them)."""
    ends: list[int] = []

    def lines():
        for match in LINE.finditer(body):
            ends.append(match.end())
            yield match.group()

    reader = csv.reader(lines(), strict=True)
    try:
        header = [name.strip() for name in next(reader, [])]
        found = []
        start = header_end = ends[-1] if ends else 0
        column = header.index("id") if "id" in header else None
        for row in reader:
            if column is not None and len(row) == len(header) and row[column].strip() == record_id:
                found.append((start, ends[-1], row))
            start = ends[-1]
    except csv.Error as error:
        raise RecordEditError(_("{path}:{line}: the file cannot be read as CSV{detail}; fix it first").format(
            path=path, line=len(ends), detail=csv_problem(error))) from None
    return _Rows(header, header_end, found)


def _read_cell(cell: str, field: Field | None):
    """A cell as the CSV source reads it."""
    if cell.strip() == "":
        return None
    if field is not None and field.type == "list":
        return [item.strip() for item in cell.split(field.delimiter) if item.strip()]
    return cell


def _cell(value, field: Field | None, spaced: bool) -> str:
    """What the cell holds for ``value``: the text, a list's items joined, or nothing."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    delimiter = field.delimiter if field is not None else ";"
    return (delimiter + " " if spaced else delimiter).join(value)


def _refuse(value, field: Field | None, name: str, path: str) -> None:
    """RecordEditError for a value a CSV cell cannot hold so that it reads back the same."""
    if isinstance(value, str) and (field is None or field.type != "list"):
        if not value.strip():
            raise RecordEditError(
                _("{path}: the value of `{name}` is only spaces; a CSV cell would read it as empty").format(
                    path=path, name=name),
                field=name,
            )
        return
    items = [value] if isinstance(value, str) else value
    if not all(isinstance(item, str) for item in items) or (field is not None and field.type == "array"):
        raise RecordEditError(
            _("{path}: the items of `{name}` have several fields each, which are written in YAML files only; "
              "move the record into a YAML file of its own (`{folder}/<id>.yaml`)").format(
                path=path, name=name, folder=path.split("/")[0]),
            field=name,
        )
    delimiter = field.delimiter if field is not None else ";"
    for item in items:
        if delimiter in item:
            raise RecordEditError(
                _("{path}: the item “{item}” of `{name}` holds the separator `{delimiter}`, which separates the "
                  "items in a CSV cell; remove it").format(path=path, item=item, name=name, delimiter=delimiter),
                field=name,
            )
        if item != item.strip() or any(mark in item for mark in "\r\n"):
            raise RecordEditError(
                _("{path}: the item “{item}” of `{name}` starts or ends with a space, or holds a line break; an "
                  "item of a list in a CSV cell cannot").format(path=path, item=item.strip(), name=name),
                field=name,
            )


def _spaced(header: list[str], row: list[str], collection: Collection) -> bool:
    """Whether this row writes a space after a list's delimiter (`a; b`), so that new lists do too."""
    for name, cell in zip(header, row):
        field = collection.fields.get(name)
        if field is not None and field.type == "list" and field.delimiter in cell:
            return field.delimiter + " " in cell
    return False
