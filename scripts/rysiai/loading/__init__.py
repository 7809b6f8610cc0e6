"""Reading record files (YAML and CSV) into records with their file and line."""

from __future__ import annotations

import os
from pathlib import Path

from ..findings import Finding, catalogue
from ..schema import Collection
from ..words.ids import RESERVED_IDS, is_valid_id, slugify, unreserved
from .convert import type_record
from .csv_source import read_csv_records
from .record import Record
from .yaml_source import read_yaml_record

__all__ = ["Record", "read_collection", "read_record_file"]


def read_collection(root: Path, collection: Collection) -> tuple[list[Record], list[Finding]]:
    """Every record in ``root/<collection>/``, typed by the schema, and what is wrong with them."""
    folder = root / collection.name
    records: list[Record] = []
    findings: list[Finding] = []
    if not folder.is_dir():
        return records, findings
    with os.scandir(folder) as entries:
        entries = sorted(entries, key=lambda entry: entry.name)
    for entry in entries:
        path = f"{collection.name}/{entry.name}"
        if entry.is_dir():
            findings.extend(_unread_folder(Path(entry.path), path))
            continue
        stem, dot, extension = entry.name.rpartition(".")
        if extension not in ("yaml", "csv") or not dot or not stem:
            # `.yml`, `.YAML`, `.CSV`…: a record file that would otherwise be skipped unseen.
            if dot and stem and extension.lower() in ("yml", "yaml", "csv"):
                right = "csv" if extension.lower() == "csv" else "yaml"
                findings.append(
                    catalogue.MISNAMED_FILE(path=path, line=None, suggestion=f"{stem}.{right}")
                )
            continue
        try:
            with open(entry.path, "rb") as file:
                data = file.read()
        except OSError as error:
            findings.append(catalogue.UNREADABLE(path=path, problem=error.strerror))
            continue
        found_records, found = _read_file(data, collection, path)
        records.extend(found_records)
        findings.extend(found)
    for record in records:
        findings.extend(type_record(record, collection))
    return records, findings


def read_record_file(data: bytes, collection: Collection, path: str) -> tuple[list[Record], list[Finding]]:
    """The records of one file (`<collection>/<name>.yaml` or `.csv`, given its bytes), typed,
    and what is wrong with them: as read_collection reads each file (the browser editor reads
    again only the files that changed)."""
    records, findings = _read_file(data, collection, path)
    for record in records:
        findings.extend(type_record(record, collection))
    return records, findings


def _read_file(data: bytes, collection: Collection, path: str) -> tuple[list[Record], list[Finding]]:
    if path.endswith(".yaml"):
        stem = path.rpartition("/")[2].removesuffix(".yaml")
        record, findings = _read_yaml(data, collection, stem, path)
        return ([record] if record is not None else []), findings
    records, findings = read_csv_records(data, collection=collection, path=path)
    for record in records:
        findings.extend(_id_findings(record))
    return records, findings


def _read_yaml(data: bytes, collection: Collection, stem: str, path: str):
    record, findings = read_yaml_record(data, collection=collection.name, record_id=stem, path=path)
    if record is None:
        return None, findings
    findings.extend(_id_findings(record))
    written = record.values.pop("id", None)
    if written is not None and written != record.id:
        findings.append(
            catalogue.ID_MISMATCH(
                path=path, line=record.line_of("id"), record=record.id, written=written, id=record.id
            )
        )
    return record, findings




def _id_findings(record: Record) -> list[Finding]:
    if record.id in RESERVED_IDS:
        return [
            catalogue.RESERVED_ID(
                path=record.path, line=record.line, record=record.id, id=record.id,
                reason=RESERVED_IDS[record.id], suggestion=unreserved(record.id, record.collection),
            )
        ]
    if is_valid_id(record.id):
        return []
    return [
        catalogue.BAD_ID(
            path=record.path,
            line=record.line,
            record=record.id,
            id=record.id,
            suggestion=slugify(record.id),
        )
    ]


def _unread_folder(folder: Path, path: str) -> list[Finding]:
    """Record-like files in a subfolder would be silently ignored: say so."""
    findings = []
    for file in sorted(folder.rglob("*")):
        if file.suffix in (".yaml", ".yml", ".csv"):
            relative = f"{path}/{file.relative_to(folder).as_posix()}"
            findings.append(
                catalogue.FILE_NOT_READ(
                    path=relative,
                    reason="records are read only directly inside the collection folder",
                    hint="move it up into the collection folder, or out of the data repository",
                )
            )
    return findings
