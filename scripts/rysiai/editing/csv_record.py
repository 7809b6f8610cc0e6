"""Changing one record's row in a CSV file: every other row byte for byte, its unchanged cells as written.

The changed row is written as value_edits writes rows (its cells quoted as they were, or only
where they must be); a list's items are joined with the field's delimiter. What a cell cannot
hold so that it reads back the same is refused, and the new row is read back by the CSV source
before anything is given back: a whole row on its own, so the rows after it read as before.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

from ..loading.csv_source import read_csv_records
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
                f"{path}: šiame CSV faile nėra stulpelio `{name}`, tad reikšmės įrašyti negalima; "
                f"pridėkite stulpelį visam failui arba perkelkite įrašą į atskirą YAML failą",
                field=name,
            )
    if len(rows.found) != 1:
        times = "nėra" if not rows.found else f"yra {len(rows.found)} kartus"
        raise RecordEditError(f"{path}: įrašo `{record_id}` eilutės šiame faile {times}; nieko nepakeista")
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
        raise RecordEditError(f"{path}: pakeista eilutė neperskaitoma taip, kaip įrašyta; nieko nepakeista")
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
        raise RecordEditError(f"{path}:{len(ends)}: failas neperskaitomas kaip CSV ({error}); pirma jį pataisykite") from None
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
                f"{path}: lauko `{name}` reikšmė – vien tarpai; CSV langelyje ji būtų skaitoma kaip tuščia",
                field=name,
            )
        return
    items = [value] if isinstance(value, str) else value
    if not all(isinstance(item, str) for item in items) or (field is not None and field.type == "array"):
        raise RecordEditError(
            f"{path}: lauko `{name}` elementai turi po kelis laukus, o tokie įrašomi tik YAML faile; "
            f"perkelkite įrašą į atskirą YAML failą (`{path.split('/')[0]}/<id>.yaml`)",
            field=name,
        )
    delimiter = field.delimiter if field is not None else ";"
    for item in items:
        if delimiter in item:
            raise RecordEditError(
                f"{path}: lauko `{name}` elemente „{item}“ yra skirtukas `{delimiter}`, "
                f"kuriuo CSV langelyje atskiriami elementai; pašalinkite jį",
                field=name,
            )
        if item != item.strip() or any(mark in item for mark in "\r\n"):
            raise RecordEditError(
                f"{path}: lauko `{name}` elementas „{item.strip()}“ prasideda ar baigiasi tarpu "
                f"arba turi eilutės lūžį; CSV sąrašo elementas tokio neišlaiko",
                field=name,
            )


def _spaced(header: list[str], row: list[str], collection: Collection) -> bool:
    """Whether this row writes a space after a list's delimiter (`a; b`), so that new lists do too."""
    for name, cell in zip(header, row):
        field = collection.fields.get(name)
        if field is not None and field.type == "list" and field.delimiter in cell:
            return field.delimiter + " " in cell
    return False
