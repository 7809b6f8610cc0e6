"""CSV and Excel files read into a table, within limits, so that no file can exhaust the machine.

An XLSX file is a zip of XML: 3 MB of it can unpack to gigabytes. Its members' unpacked sizes
are checked before anything is parsed (Python's zip reader never gives more than a member's
stated size, and a member that holds more fails its checksum), then the first sheet is read
as a stream, row by row, by openpyxl's parser: twice side by side, for the values Excel
computed and for the formulas, so that a formula with no computed value is seen.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import RysiaiError
from ..language import _, number, technical
from ..words.csv_problems import csv_problem
from .cells import ExcelError, Formula, as_text

ENCODINGS = ("utf-8-sig", "cp1257")


@dataclass(frozen=True)
class Limits:
    """What an import reads at most; beyond it the file is refused, saying which limit."""

    rows: int = 100_000
    columns: int = 1_000
    cell: int = 32_767  # characters: Excel's own limit for a cell
    unpacked: int = 200 * 1024 * 1024  # bytes: a whole CSV, or an XLSX's members unpacked


@dataclass
class Table:
    header: list[str]
    rows: list[tuple[int, list]] = field(default_factory=list)  # (row number in the file, cells)
    encoding: str = ""  # CSV only: what the file was read as
    delimiter: str = ""


def read_csv_table(path: Path, limits: Limits = Limits()) -> Table:
    size = path.stat().st_size
    if size > limits.unpacked:
        raise RysiaiError(
            _("{name}: {size} bytes; tables of more than {most} bytes are not imported").format(
                name=path.name, size=number(size), most=number(limits.unpacked))
        )
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError as error:
            problem = error
    else:
        line = data.count(b"\n", 0, problem.start) + 1
        raise RysiaiError(
            _("{name}: line {line}: byte {byte} is neither UTF-8 nor Windows-1257 text; save the table as "
              "CSV UTF-8").format(name=path.name, line=line, byte=f"0x{data[problem.start]:02X}")
        )
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for row_number, row in enumerate(reader, start=1):
            if row_number > limits.rows + 1:  # the header and this many rows
                raise RysiaiError(_("{name}: more than {most} rows; import it in parts").format(
                    name=path.name, most=number(limits.rows)))
            _within(path, row_number, row, limits)
            rows.append((row_number, row))
    except csv.Error as error:
        raise RysiaiError(_("{name}: row {line_num}: cannot be read as CSV{detail}").format(
            name=path.name, line_num=reader.line_num, detail=csv_problem(error))) from None
    if not rows:
        raise RysiaiError(_("{name}: the file holds no table").format(name=path.name))
    header = [cell.strip() for cell in rows[0][1]]
    return Table(header, rows[1:], encoding.removesuffix("-sig"), delimiter)


def read_xlsx_table(path: Path, limits: Limits = Limits()) -> Table:
    _check_unpacked_size(path, limits)
    from openpyxl import load_workbook

    with warnings.catch_warnings():
        # openpyxl warns of parts it leaves out (data validation, a date out of range, which
        # it makes an error value); the values are what is imported, and an error value is
        # reported with its row.
        warnings.simplefilter("ignore")
        try:
            book = load_workbook(path, read_only=True)
        except (zipfile.BadZipFile, EOFError) as error:
            raise RysiaiError(_("{name}: the workbook is damaged{detail}").format(name=path.name, detail=technical(error))) from None
        except (KeyError, ValueError, TypeError, OSError, SyntaxError) as error:
            raise RysiaiError(_("{name}: cannot be read as an Excel workbook{detail}").format(
                name=path.name, detail=technical(error))) from None
        try:
            rows = list(_rows(path, book.worksheets[0], limits))
        except (zipfile.BadZipFile, EOFError) as error:
            raise RysiaiError(_("{name}: the workbook is damaged{detail}").format(name=path.name, detail=technical(error))) from None
        except (SyntaxError, ValueError) as error:  # xml.etree's ParseError is a SyntaxError
            raise RysiaiError(_("{name}: the first sheet cannot be read{detail}").format(
                name=path.name, detail=technical(error))) from None
        finally:
            book.close()
    if not rows:
        raise RysiaiError(_("{name}: the first sheet is empty").format(name=path.name))
    header = [as_text(cell).strip() for cell in rows[0][1]]
    return Table(header, rows[1:])


def _rows(path: Path, sheet, limits: Limits):
    """The sheet's rows that hold a value, as they are written: only the cells written are
    looked at (openpyxl's own rows would be padded to the sheet's stated size, which a
    hostile file can make a million rows of sixteen thousand cells)."""
    count = 0
    for (row_number, value_cells), (_same_number, formula_cells) in zip(_parsed(sheet, True), _parsed(sheet, False)):
        formulas_at = {cell["column"]: cell for cell in formula_cells}
        written = {}
        for cell in value_cells:
            value = _cell(cell, formulas_at.get(cell["column"]))
            if value is not None and value != "":
                written[cell["column"]] = value
        if not written:
            continue
        count += 1
        if count > limits.rows + 1:  # the header and this many rows
            raise RysiaiError(_("{name}: more than {most} rows; import it in parts").format(
                name=path.name, most=number(limits.rows)))
        widest = max(written)
        if widest > limits.columns:
            raise RysiaiError(
                _("{name}: row {row} has a value in column {column}; at most {most} columns are imported").format(
                    name=path.name, row=row_number, column=number(widest), most=number(limits.columns))
            )
        cells = [written.get(column) for column in range(1, widest + 1)]
        _within(path, row_number, cells, limits)
        yield row_number, cells


def _parsed(sheet, data_only: bool):
    """The rows of a read-only sheet as openpyxl's streaming parser gives them: (row number,
    the cells written in it)."""
    from openpyxl.worksheet._reader import WorkSheetParser

    workbook = sheet.parent
    with sheet._get_source() as source:
        parser = WorkSheetParser(
            source, sheet._shared_strings, data_only=data_only, epoch=workbook.epoch,
            date_formats=workbook._date_formats, timedelta_formats=workbook._timedelta_formats,
        )
        yield from parser.parse()


def _check_unpacked_size(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise RysiaiError(_("{name}: not an Excel workbook (.xlsx){detail}").format(name=path.name, detail=technical(error))) from None
    unpacked = sum(member.file_size for member in members)
    if unpacked > limits.unpacked:
        raise RysiaiError(
            _("{name}: unpacked it would take {unpacked} bytes (it is {packed} bytes packed); workbooks of "
              "more than {most} bytes unpacked are not imported").format(
                name=path.name, unpacked=number(unpacked), packed=number(path.stat().st_size),
                most=number(limits.unpacked))
        )


def _cell(value_cell: dict, formula_cell: dict | None):
    """A cell's value: what Excel computed, else the formula itself; error values marked."""
    value = value_cell["value"]
    if formula_cell is not None and formula_cell["data_type"] == "f" and value is None:
        return Formula(str(getattr(formula_cell["value"], "text", formula_cell["value"])))
    if value_cell["data_type"] == "e":
        return ExcelError(str(value))
    if value is None or isinstance(value, (str, bool, int, float, dt.datetime, dt.date, dt.time, dt.timedelta)):
        return value
    return str(value)  # rich text


def _within(path: Path, row_number: int, cells: list, limits: Limits) -> None:
    if len(cells) > limits.columns and any(cell not in (None, "") for cell in cells[limits.columns:]):
        raise RysiaiError(_("{name}: row {row} has more than {most} columns").format(
            name=path.name, row=row_number, most=number(limits.columns)))
    for cell in cells:
        if isinstance(cell, str) and len(cell) > limits.cell:
            raise RysiaiError(
                _("{name}: row {row} has a cell of {size} characters; at most {most} are imported (Excel's "
                  "own limit)").format(name=path.name, row=row_number, size=number(len(cell)), most=number(limits.cell))
            )
