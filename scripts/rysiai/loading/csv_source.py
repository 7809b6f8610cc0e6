"""Reads a CSV file of many records: a header of field names with an `id` column."""

from __future__ import annotations

import csv
import io

from ..findings import Finding, catalogue
from ..schema import Collection
from .record import Record
from .text import decode


def read_csv_records(
    data: bytes, *, collection: Collection, path: str
) -> tuple[list[Record], list[Finding]]:
    """Read every row of a CSV file; rows that cannot be read are reported, never dropped silently."""
    text, finding = decode(data, path)
    if finding:
        return [], [finding]
    findings: list[Finding] = []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        if _too_large(error):
            return [], [catalogue.CSV_CELL_TOO_LARGE(path=path, line=1, most=_most_characters())]
        return [], [catalogue.CSV_HEADER(path=path, line=1, problem=str(error))]
    if not header:
        return [], [catalogue.EMPTY_FILE(path=path, line=1)]
    header = [name.strip() for name in header]
    problem = _header_problem(header)
    if problem:
        return [], [catalogue.CSV_HEADER(path=path, line=1, problem=problem)]
    records: list[Record] = []
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            if _too_large(error):
                findings.append(
                    catalogue.CSV_CELL_TOO_LARGE(path=path, line=start, most=_most_characters())
                )
            else:
                findings.append(catalogue.CSV_SYNTAX(path=path, line=start, problem=str(error)))
            break
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # blank line
        if len(row) != len(header):
            findings.append(
                catalogue.CSV_ROW_LENGTH(path=path, line=line, found=len(row), expected=len(header))
            )
            continue
        cells = dict(zip(header, row))
        record_id = cells.pop("id").strip()
        if not record_id:
            findings.append(catalogue.MISSING_ID(path=path, line=line))
            continue
        values = {name: _cell(value, collection, name) for name, value in cells.items()}
        values = {name: value for name, value in values.items() if value is not None}
        records.append(
            Record(
                collection=collection.name,
                id=record_id,
                path=path,
                line=line,
                values=values,
                lines={(name,): line for name in values},
            )
        )
    return records, findings


def _too_large(error: csv.Error) -> bool:
    """The csv module's one size limit: a cell longer than csv.field_size_limit()."""
    return str(error).startswith("field larger than field limit")


def _most_characters() -> str:
    return f"{csv.field_size_limit():,}"


def _header_problem(header: list[str]) -> str | None:
    if "id" not in header:
        return "there is no `id` column"
    if "" in header:
        return f"column {header.index('') + 1} has no name"
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        return "column " + ", ".join(f"`{name}`" for name in repeated) + " appears twice"
    return None


def _cell(value: str, collection: Collection, name: str):
    """An empty cell is an absent value; a list field is split on its delimiter.

    Every other cell is the text written, `null` and `~` included: the schema decides (convert.py).
    """
    if value.strip() == "":
        return None
    field = collection.fields.get(name)
    if field is not None and field.type == "list":
        return [item.strip() for item in value.split(field.delimiter) if item.strip()]
    return value
