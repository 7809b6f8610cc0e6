"""Reading record files (YAML and CSV) into records with their file and line."""

from __future__ import annotations

import os
from pathlib import Path

from ..findings import Finding, catalogue
from ..schema import Collection
from ..words.ids import RESERVED_IDS, is_valid_id, slugify, unreserved
from .convert import type_record
from .csv_source import read_csv_records
from .file_memo import FileMemo, ReadFile, stamp
from .files import RecordFile, record_files
from .limits import MOST_BYTES
from .record import Record
from .yaml_source import read_yaml_record

__all__ = ["Record", "read_collection", "read_record_file"]


def read_collection(root: Path, collection: Collection, memo: FileMemo | None = None) -> tuple[list[Record], list[Finding]]:
    """Every record in ``root/<collection>/``, typed by the schema, and what is wrong with them;
    a file that ``memo`` knows unchanged is not read again."""
    records: list[Record] = []
    typing: list[Finding] = []  # what typing the records found, after what reading them found
    files, findings = record_files(root, collection.name)
    for file in files:
        known = None
        if memo is not None:
            memo.seen.add(file.path)
            known = memo.known(file.path, file.location)
        if known is None:
            known = _read_entry(file, collection)
            if memo is not None and known.stamp:
                memo.files[file.path] = known
        records.extend(known.records)
        findings.extend(known.read)
        typing.extend(known.typed)
    findings.extend(typing)
    return records, findings


def read_record_file(data: bytes, collection: Collection, path: str) -> tuple[list[Record], list[Finding]]:
    """The records of one file (`<collection>/<name>.yaml` or `.csv`, given its bytes), typed,
    and what is wrong with them: as read_collection reads each file (the browser editor reads
    again only the files that changed)."""
    records, findings = _read_file(data, collection, path)
    for record in records:
        findings.extend(type_record(record, collection))
    return records, findings


def _read_entry(file: RecordFile, collection: Collection) -> ReadFile:
    """One record file read and typed (its stamp empty when it could not be read)."""
    try:
        with open(file.location, "rb") as opened:
            status = os.fstat(opened.fileno())
            # A YAML file over its limit is not read at all (nor held in memory).
            data = b"" if file.extension == "yaml" and status.st_size > MOST_BYTES else opened.read()
    except OSError as error:
        return ReadFile((), [], [catalogue.UNREADABLE(path=file.path, problem=error.strerror)], [])
    records, found = _read_file(data, collection, file.path, status.st_size)
    typed = [finding for record in records for finding in type_record(record, collection)]
    return ReadFile(stamp(status), records, found, typed)


def _read_file(
    data: bytes, collection: Collection, path: str, size: int | None = None
) -> tuple[list[Record], list[Finding]]:
    if path.endswith(".yaml"):
        stem = path.rpartition("/")[2].removesuffix(".yaml")
        record, findings = _read_yaml(data, collection, stem, path, size)
        return ([record] if record is not None else []), findings
    records, findings = read_csv_records(data, collection=collection, path=path)
    for record in records:
        findings.extend(_id_findings(record))
    return records, findings


def _read_yaml(data: bytes, collection: Collection, stem: str, path: str, size: int | None):
    record, findings = read_yaml_record(
        data, collection=collection.name, record_id=stem, path=path, size=size
    )
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
