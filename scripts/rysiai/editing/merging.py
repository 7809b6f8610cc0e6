"""`rysiai merge KEEP DROP`: two records of one person or body become one.

DROP's fields fill KEEP's blanks; where both hold a value KEEP's stays, and DROP's goes into
KEEP's notes (nothing is lost) and into the report; a person's roles over time are combined, each
post once. DROP's comments are carried to the end of KEEP's file. References to DROP are repointed
to KEEP, then DROP's file is deleted. Comments and quoting of the files touched are kept. Every
file is prepared first: a file the merge has to change that cannot be read stops it before
anything is written.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedBase
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from ..errors import RysiaiError
from ..language import _
from ..repository import Repository, references
from .change_set import ChangeSet
from .formatting import format_text
from .rename import replace_references
from .text_files import FileText, file_text, read_file_text
from .unreadable import refuse_unreadable
from .value_edits import round_trip_yaml


@dataclass
class MergeResult:
    change_set: ChangeSet
    filled: list[str] = field(default_factory=list)
    combined: list[tuple[str, int]] = field(default_factory=list)  # field, items added from DROP
    conflicts: list[tuple[str, str, str]] = field(default_factory=list)  # field, kept, dropped
    comments: list[str] = field(default_factory=list)  # DROP's comments, carried to KEEP's file
    deleted: Path | None = None


def merge_records(repository: Repository, keep_id: str, drop_id: str) -> MergeResult:
    keep, drop = repository.by_id.get(keep_id), repository.by_id.get(drop_id)
    for record_id, record in ((keep_id, keep), (drop_id, drop)):
        if record is None:
            raise RysiaiError(_("there is no record `{record_id}`").format(record_id=record_id))
        if not record.path.endswith(".yaml"):
            raise RysiaiError(
                _("`{record_id}` is a row of {path}: merge works on YAML record files (`rysiai new` one and copy the row's values into it first)").format(record_id=record_id, path=record.path)
            )
    if keep_id == drop_id:
        raise RysiaiError(_("a record cannot be merged with itself"))
    if keep.collection != drop.collection:
        raise RysiaiError(_("`{keep_id}` is a record of {collection}, `{drop_id}` of {collection2}").format(keep_id=keep_id, collection=keep.collection, drop_id=drop_id, collection2=drop.collection))
    edits: dict[str, list] = {}
    for source, _field, target, place in references(repository):
        if target == drop_id and source.id != drop_id:
            edits.setdefault(source.path, []).append((source.id, place))
    refuse_unreadable(repository, [keep.path, drop.path, *edits], naming=drop_id)
    result = MergeResult(ChangeSet(repository.root))
    collection = repository.schema.collections[keep.collection]
    keep_path = repository.root / keep.path
    file = file_text(keep_path.read_bytes())
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
            # A text of several lines stays a `|` block, as it was written.
            data[name] = LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value
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
    merged = format_text(FileText(buffer.getvalue()), list(collection.fields.values()))
    dropped_file = file_text((repository.root / drop.path).read_bytes())
    result.comments = carried_comments(dropped_file.text, file.text)
    if result.comments:
        heading = f"# Iš sujungto įrašo `{drop_id}` ({drop.path}):"
        merged = merged + ("" if merged.endswith("\n") else "\n") + "\n".join([heading, *result.comments]) + "\n"
    result.change_set.write(keep_path, file.encoded(merged))
    for path, places in edits.items():
        replace_references(result.change_set, repository.root / path, places, drop_id, keep_id)
    result.deleted = repository.root / drop.path
    result.change_set.delete(result.deleted)
    return result


def _written_values(path: Path):
    """A record file's values as ruamel.yaml reads them, to be written again as they were."""
    text = read_file_text(path).lf_text
    return round_trip_yaml(text).load(text)


def carried_comments(dropped: str, kept: str) -> list[str]:
    """The comments of the dropped file that the kept one lacks, in order, one per line; a
    comment written after a value comes with that line (`# phone: '+370…'  # darbo`)."""
    lines = dropped.splitlines()
    own = {line.strip() for line in kept.splitlines()}
    data = round_trip_yaml(dropped).load(dropped)
    found: dict[int, str] = {}
    for token in _comment_tokens(data):
        first = token.start_mark.line
        for offset, piece in enumerate(token.value.split("\n")):
            if piece.strip().startswith("#"):
                found.setdefault(first + offset, piece.strip())
    carried = []
    for number, comment in sorted(found.items()):
        line = lines[number] if number < len(lines) else ""
        before = line[: line.rfind(comment)].strip() if comment in line else ""
        shown = f"# {before}  {comment}" if before else comment
        if comment not in own and shown not in own:
            carried.append(shown)
    return carried


def _comment_tokens(node):
    """Every comment ruamel.yaml attached to the loaded document ``node`` and what it holds."""
    if isinstance(node, CommentedBase):
        notes = node.ca
        yield from _tokens(notes.comment)
        yield from _tokens(list(notes.items.values()))
        yield from _tokens(getattr(notes, "end", None))
    if isinstance(node, dict):
        for value in node.values():
            yield from _comment_tokens(value)
    elif isinstance(node, list):
        for value in node:
            yield from _comment_tokens(value)


def _tokens(found):
    if isinstance(found, CommentToken):
        yield found
    elif isinstance(found, (list, tuple)):
        for item in found:
            yield from _tokens(item)
