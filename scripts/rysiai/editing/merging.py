"""`rysiai merge KEEP DROP`: two records of one person or body become one.

DROP's fields fill KEEP's blanks; where both hold a value KEEP's stays, and DROP's goes into
KEEP's notes (nothing is lost) and into the report; a person's roles over time are combined, each
post once. References to DROP are repointed to KEEP, then DROP's file is deleted. Comments and
quoting of the files touched are kept.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.scalarstring import LiteralScalarString

from ..errors import RysiaiError
from ..repository import Repository, references
from .formatting import format_text
from .rename import replace_references
from .text_files import read_file_text, write_file
from .value_edits import round_trip_yaml


@dataclass
class MergeResult:
    filled: list[str] = field(default_factory=list)
    combined: list[tuple[str, int]] = field(default_factory=list)  # field, items added from DROP
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # field, kept, dropped
    changed: list[Path] = field(default_factory=list)
    deleted: Path | None = None


def merge_records(repository: Repository, keep_id: str, drop_id: str) -> MergeResult:
    keep, drop = repository.by_id.get(keep_id), repository.by_id.get(drop_id)
    for record_id, record in ((keep_id, keep), (drop_id, drop)):
        if record is None:
            raise RysiaiError(f"there is no record `{record_id}`")
        if not record.path.endswith(".yaml"):
            raise RysiaiError(
                f"`{record_id}` is a row of {record.path}: merge works on YAML record files "
                f"(`rysiai new` one and copy the row's values into it first)"
            )
    if keep_id == drop_id:
        raise RysiaiError("a record cannot be merged with itself")
    if keep.collection != drop.collection:
        raise RysiaiError(f"`{keep_id}` is a record of {keep.collection}, `{drop_id}` of {drop.collection}")
    result = MergeResult()
    collection = repository.schema.collections[keep.collection]
    keep_path = repository.root / keep.path
    file = read_file_text(keep_path)
    text = file.lf_text
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    dropped_notes = []
    for name, value in drop.values.items():
        if value in (None, "", []):
            continue
        if name == collection.kind.roles and isinstance(value, list) and isinstance(keep.values.get(name), list):
            # DROP's posts that KEEP has not, as DROP's file writes them (dates unquoted).
            written = _written_values(repository.root / drop.path)[name]
            added = [written[index] for index, item in enumerate(value) if item not in keep.values[name]]
            data[name].extend(added)
            result.combined.append((name, len(added)))
            continue
        if keep.values.get(name) in (None, "", []):
            data[name] = value
            result.filled.append(name)
        elif keep.values[name] != value and name != "notes":
            result.conflicts.append((name, str(keep.values[name]), str(value)))
            dropped_notes.append(f"{name}: {value}")
    if drop.values.get("notes") and keep.values.get("notes") and drop.values["notes"] != keep.values["notes"]:
        dropped_notes.append(str(drop.values["notes"]).strip())
    if dropped_notes and "notes" in collection.fields:
        addition = f"Sujungta su `{drop_id}`; jo reikšmės:\n" + "\n".join(dropped_notes)
        current = str(data.get("notes") or "").rstrip("\n")
        data["notes"] = LiteralScalarString((current + "\n\n" + addition if current else addition) + "\n")
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    merged = format_text(buffer.getvalue(), list(collection.fields.values()))
    result.changed.append(write_file(keep_path, file.encoded(merged)))
    edits: dict[str, list] = {}
    for source, _field, target, place in references(repository):
        if target == drop_id and source.id != drop_id:
            edits.setdefault(source.path, []).append((source.id, place))
    for path, places in edits.items():
        result.changed.append(replace_references(repository.root / path, places, drop_id, keep_id))
    result.deleted = repository.root / drop.path
    result.deleted.unlink()
    return result


def _written_values(path: Path):
    """A record file's values as ruamel.yaml reads them, to be written again as they were."""
    text = read_file_text(path).lf_text
    return round_trip_yaml(text).load(text)
