"""A report's table as a file to download: CSV (UTF-8 with a byte-order mark, for Excel) and XLSX,
numbers as numbers. A text cell is never taken for a formula: in CSV one that starts with `=`,
`+`, `-`, `@`, a tab or a carriage return gets a `'` before it (OWASP, CSV injection); in XLSX
text cells are written as text."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

import pandas as pd

from ..language import _
from .model import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FIXED_TIME = dt.datetime(2000, 1, 1)
ZIP_TIME = (2000, 1, 1, 0, 0, 0)


def csv_bytes(table: Table) -> bytes:
    frame = table.whole.copy()
    for column in frame.columns:
        if not pd.api.types.is_numeric_dtype(frame[column]):
            frame[column] = frame[column].map(_neutral)
    text = frame.to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


def xlsx_bytes(table: Table) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    frame = table.whole
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(table.title)
    sheet.append([str(column) for column in frame.columns])
    for cell in sheet[1]:
        cell.data_type = "s"
        cell.font = Font(bold=True)
    for row_number, row in enumerate(frame.itertuples(index=False), start=2):
        for column, value in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column)
            if isinstance(value, str):
                cell.value = value
                cell.data_type = "s"  # text, never a formula
            elif value is not None and not pd.isna(value):
                cell.value = float(value) if isinstance(value, float) else int(value)
    sheet.freeze_panes = "A2"
    for column, header in enumerate(frame.columns, start=1):
        widest = max([len(str(header))] + [len(str(value)) for value in frame.iloc[:, column - 1]])
        sheet.column_dimensions[sheet.cell(row=1, column=column).column_letter].width = min(60, widest + 2)
    workbook.properties.created = FIXED_TIME
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _without_the_time(buffer.getvalue())


def _without_the_time(data: bytes) -> bytes:
    """The same figures give the same bytes: the workbook's parts again, without the time it was
    saved (openpyxl writes it as the time last modified, and in every part's zip header)."""
    saved = re.compile(rb"<dcterms:modified([^>]*)>[^<]*</dcterms:modified>")
    output = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            content = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                content = saved.sub(rb"<dcterms:modified\1>2000-01-01T00:00:00Z</dcterms:modified>", content)
            target.writestr(zipfile.ZipInfo(entry.filename, date_time=ZIP_TIME), content, zipfile.ZIP_DEFLATED)
    return output.getvalue()


def _neutral(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def _sheet_title(title: str) -> str:
    """At most 31 characters, none of those Excel refuses in a sheet's name."""
    for character in "[]:*?/\\":
        title = title.replace(character, " ")
    return title[:31].strip() or _("Table")
