"""Records from CSV and Excel tables: the encoding and separator found, columns matched to fields.

Columns match a field by its name (`email`) or its Lithuanian title (`El. paštas`), in any
letter case, or as `--map` says. CSV may be UTF-8 (with or without a byte-order mark) or
Windows-1257, as older Lithuanian Excel writes it, separated by `,` or `;`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from ..errors import RysiaiError
from ..loading.record import LABEL_FIELDS
from ..repository import Repository
from ..schema import Collection
from ..words.contact_points import email_problem, normalize_phone
from ..words.ids import slugify
from .contacts import ImportPlan, Known

ENCODINGS = ("utf-8-sig", "cp1257")


def read_csv_table(data: bytes) -> tuple[list[str], list[list[str]], str, str]:
    """Header, rows, the encoding and the separator found."""
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    if not rows:
        raise RysiaiError("the file holds no table")
    return [cell.strip() for cell in rows[0]], rows[1:], encoding.removesuffix("-sig"), delimiter


def read_xlsx_table(path: Path) -> tuple[list[str], list[list[str]]]:
    from openpyxl import load_workbook

    sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    rows = [["" if cell is None else str(cell) for cell in row] for row in sheet.iter_rows(values_only=True)]
    if not rows:
        raise RysiaiError(f"{path}: the first sheet is empty")
    return [cell.strip() for cell in rows[0]], rows[1:]


def match_columns(header: list[str], collection: Collection, mapping: dict[str, str]) -> dict[int, str]:
    """Column index → field name; a mapping names columns by their header text."""
    by_title = {}
    for field in collection.fields.values():
        by_title[field.name.casefold()] = field.name
        by_title[field.title.casefold()] = field.name
    matched = {}
    for index, title in enumerate(header):
        target = mapping.get(title) or by_title.get(title.casefold())
        if target is not None:
            if target not in collection.fields:
                raise RysiaiError(f"--map names `{target}`, which is not a field of {collection.name}")
            matched[index] = target
    return matched


def plan_rows(
    repository: Repository, collection: Collection, header: list[str], rows: list[list[str]],
    mapping: dict[str, str], source: str,
) -> tuple[ImportPlan, list[str]]:
    """The import plan, and the columns that match no field (listed, never dropped silently)."""
    columns = match_columns(header, collection, mapping)
    unmatched = [title for index, title in enumerate(header) if index not in columns and title]
    label = next((name for name in LABEL_FIELDS if name in collection.fields), None)
    plan = ImportPlan(collection.name)
    known = Known(repository, collection.name)
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        where = f"row {number}"
        if len(row) > len(header):
            plan.unusable.append((where, f"it has {len(row)} cells but the header has {len(header)}"))
            continue
        values: dict = {}
        extras: list[str] = []
        for index, cell in enumerate(row):
            text = cell.strip()
            if not text:
                continue
            if index not in columns:
                extras.append(f"{header[index] or f'column {index + 1}'}: {text}")
                continue
            field = collection.fields[columns[index]]
            if field.name == "id":
                continue
            if field.type == "list":
                values[field.name] = [item.strip() for item in text.split(";") if item.strip()]
            elif field.check == "phone":
                normalized = normalize_phone(text)
                if normalized:
                    values[field.name] = normalized
                else:
                    extras.append(f"{field.title}: {text}")
            elif field.check == "email" and email_problem(text):
                extras.append(f"{field.title}: {text}")
            else:
                values[field.name] = text
        if label is None or not values.get(label):
            plan.unusable.append((where, f"no `{label}` ({collection.fields[label].title if label else '?'})"))
            continue
        duplicate = known.duplicate_of(values)
        if duplicate:
            plan.duplicates.append((f"{where} ({values[label]})", *duplicate))
            continue
        note = f"Importuota iš {source} ({number} eilutė)."
        if extras:
            note = "\n".join(extras) + "\n\n" + note
        if "notes" in collection.fields:
            values["notes"] = (values["notes"] + "\n\n" + note) if values.get("notes") else note
        record_id = known.new_id(slugify(values[label]))
        known.add(record_id, values)
        plan.new.append((record_id, values))
    return plan, unmatched
