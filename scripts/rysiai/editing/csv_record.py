"""Changing one record's row in a CSV file: every other row byte for byte, its unchanged cells as written.

Cells are quoted only where they must be (value_edits' row writing); a list's items are joined
with the field's delimiter. What a CSV cell cannot hold so that it reads back the same is
refused before anything is written.
"""

from __future__ import annotations

import csv
import io

from ..loading.csv_source import read_csv_records
from ..schema import Collection, Field
from ..value_edits import BOM, rewritten_rows
from .record_values import RecordEditError, normal, normal_record


def edit_csv_record(
    text: str, collection: Collection, record_id: str, new: dict, managed: set[str], *, path: str
) -> str:
    """``text`` with the row of ``record_id`` holding ``new`` (normal values, id left out) in
    the columns of ``managed``; the other columns as they are."""
    header = _header(text, path)
    cells = {name: _cell_text(value, collection.fields.get(name), name, path) for name, value in new.items()}
    for name in new:
        if name not in header:
            raise RecordEditError(
                f"{path}: šiame CSV faile nėra stulpelio `{name}`, tad reikšmės įrašyti negalima; "
                f"pridėkite stulpelį visam failui arba perkelkite įrašą į atskirą YAML failą",
                field=name,
            )
    rows: list[dict] = []

    def rewrite(names: list[str], row: list[str]) -> list[str]:
        if row[names.index("id")].strip() != record_id:
            return row
        rows.append(dict(zip(names, row)))
        spaced = _spaced(names, row, collection)
        for index, name in enumerate(names):
            if name == "id" or name not in managed:
                continue
            field = collection.fields.get(name)
            if normal(_read_cell(row[index], field)) == new.get(name):
                continue
            value = new.get(name)
            if isinstance(value, list):
                delimiter = field.delimiter if field is not None else ";"
                row[index] = (delimiter + " " if spaced else delimiter).join(value)
            else:
                row[index] = "" if value is None else cells[name]
        return row

    edited = rewritten_rows(text, rewrite, path)
    if len(rows) != 1:
        found = "nėra" if not rows else f"yra {len(rows)} kartus"
        raise RecordEditError(f"{path}: įrašo `{record_id}` eilutės šiame faile {found}; nieko nepakeista")
    old = {name: _read_cell(cell, collection.fields.get(name)) for name, cell in rows[0].items()}
    old.pop("id", None)
    expected = {**{key: value for key, value in normal_record(old).items() if key not in managed}, **new}
    records, _ = read_csv_records(edited.removeprefix(BOM).encode("utf-8"), collection=collection, path=path)
    again = [record for record in records if record.id == record_id]
    if len(again) != 1 or normal_record(again[0].values) != expected:
        raise RecordEditError(f"{path}: pakeista eilutė neperskaitoma taip, kaip įrašyta; nieko nepakeista")
    return edited


def _header(text: str, path: str) -> list[str]:
    try:
        names = next(csv.reader(io.StringIO(text.removeprefix(BOM), newline=""), strict=True), [])
    except csv.Error as error:
        raise RecordEditError(f"{path}:1: antraštės eilutė neperskaitoma ({error}); pirma ją pataisykite") from None
    return [name.strip() for name in names]


def _read_cell(cell: str, field: Field | None):
    """A cell as the CSV source reads it."""
    if cell.strip() == "":
        return None
    if field is not None and field.type == "list":
        return [item.strip() for item in cell.split(field.delimiter) if item.strip()]
    return cell


def _cell_text(value, field: Field | None, name: str, path: str) -> str | None:
    """What a cell holds for ``value`` (a list is joined later); refused where CSV cannot hold it."""
    if isinstance(value, str):
        if field is not None and field.type == "list":
            value = [value]
        elif value.strip() == "":
            raise RecordEditError(
                f"{path}: lauko `{name}` reikšmė – vien tarpai; CSV langelyje ji būtų skaitoma "
                f"kaip tuščia",
                field=name,
            )
        else:
            return value
    if not all(isinstance(item, str) for item in value) or (field is not None and field.type == "array"):
        raise RecordEditError(
            f"{path}: lauko `{name}` elementai turi po kelis laukus, o tokie įrašomi tik YAML faile; "
            f"perkelkite įrašą į atskirą YAML failą (`{path.split('/')[0]}/<id>.yaml`)",
            field=name,
        )
    delimiter = field.delimiter if field is not None else ";"
    for item in value:
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
    return None


def _spaced(names: list[str], row: list[str], collection: Collection) -> bool:
    """Whether this row writes a space after a list's delimiter (`a; b`), so that new lists do too."""
    for name, cell in zip(names, row):
        field = collection.fields.get(name)
        if field is not None and field.type == "list" and field.delimiter in cell:
            return field.delimiter + " " in cell
    return False
