"""Collections as tables for spreadsheet users: CSV (UTF-8 with BOM) and XLSX.

Columns carry the schema's Lithuanian titles; lists are joined with `; `; items of several fields
(agreements, follow-ups) are written as JSON. A CSV cell that starts with `=`, `+`, `-`, `@`, a
tab or a carriage return is prefixed with `'`, so that a spreadsheet never runs it as a formula
(OWASP, CSV injection); XLSX cells are written as text, which no spreadsheet evaluates.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

from ..repository import Repository
from ..schema import Collection, Field
from ..words.collation import sort_key
from ..words.contact_points import normalize_phone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def table(repository: Repository, collection: Collection) -> tuple[list[str], list[list[str]]]:
    """Column titles and one row of text per record, in Lithuanian order of their names."""
    fields = list(collection.fields.values())
    records = sorted(repository.collection(collection.name), key=lambda r: sort_key(r.label))
    rows = [
        [record.id if field.name == "id" else cell_text(field, record.typed.get(field.name)) for field in fields]
        for record in records
    ]
    return [field.title for field in fields], rows


def cell_text(field: Field, value: Any) -> str:
    if value is None:
        return ""
    if field.type == "list":
        return "; ".join(scalar_text(field, item) for item in value)
    if field.type == "array":
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    return scalar_text(field, value)


def scalar_text(field: Field, value: Any) -> str:
    """A single value as validated: booleans as the schema writes them, ISO dates, E.164 phones."""
    if isinstance(value, bool):
        return field.true_values[0] if value else field.false_values[0]
    if isinstance(value, dt.date):
        return value.isoformat()
    if field.check == "phone":
        return normalize_phone(value) or value
    return str(value)


def _json_default(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def neutralized(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def csv_bytes(headers: list[str], rows: list[list[str]], delimiter: str = ",") -> bytes:
    """UTF-8 with a byte-order mark, so that Excel shows ą, č, š… as they are."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    for row in rows:
        writer.writerow([neutralized(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[list[str]]]]) -> None:
    """One sheet per collection: header row frozen and bold, columns sized to their text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, headers, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        # (counted here: asking the sheet for its last row looks at every row, each time)
        for row_number, row in enumerate([headers, *rows], start=1):
            for column, text in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column)
                cell.value = text
                cell.data_type = "s"  # text, never a formula
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
        for column, header in enumerate(headers, start=1):
            longest = max([len(header)] + [len(row[column - 1]) for row in rows]) if rows else len(header)
            sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = min(60, longest + 2)
    workbook.save(path)
