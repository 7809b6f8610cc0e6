"""`rysiai new`: a new record file from the schema, with each field's description as a comment."""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import yaml

from ..errors import RysiaiError
from ..language import _
from ..loading.record import LABEL_FIELDS
from ..repository import Repository
from ..schema import Field
from ..words.contact_points import normalize_phone
from ..words.ids import RESERVED_IDS, id_problem, slugify, unreserved
from .change_set import ChangeSet
from .json_schemas import schema_path

# Control characters have no place in a value typed on the command line (a tab and a line
# break only in Markdown fields, as validation allows them).
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
CONTROL_OUTSIDE_MARKDOWN = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class NewRecord(NamedTuple):
    path: Path
    remarks: list[str]  # what the command changed on its own, e.g. a reserved id
    change_set: ChangeSet  # creates the file (never replacing one) when applied


def new_record(repository: Repository, collection_name: str, name: str | None, given: dict[str, str]) -> NewRecord:
    """The new record's file, what was changed on the way, and the change that creates it."""
    schema = repository.schema
    if collection_name not in schema.collections:
        known = ", ".join(schema.collections)
        raise RysiaiError(_("there is no collection `{collection_name}`; the collections are: {known}").format(collection_name=collection_name, known=known))
    collection = schema.collections[collection_name]
    label = next((field for field in LABEL_FIELDS if field in collection.fields), None)
    if name is not None and label is not None:
        given = {label: name, **given}
    given = dict(given)
    record_id = given.pop("id", None)
    for field in given:
        if field not in collection.fields or field == "id":
            raise RysiaiError(_("`{field}` is not a field of {collection_name}").format(field=field, collection_name=collection_name))
    remarks = []
    if record_id is None:
        derived = slugify(given.get(label, "") or collection_name)
        record_id = unreserved(derived, collection_name)
        if record_id != derived:
            remarks.append(_("the id `{derived}` is reserved ({reason}); the record's id is `{record_id}`").format(
                derived=derived, reason=RESERVED_IDS[derived], record_id=record_id))
    problem = id_problem(record_id)
    if problem:
        if record_id in RESERVED_IDS:
            raise RysiaiError(_("`{record_id}` cannot be an id: {problem} (e.g. `{instead}`)").format(
                record_id=record_id, problem=problem, instead=unreserved(record_id, collection_name)))
        raise RysiaiError(_("`{record_id}` cannot be an id: {problem}").format(record_id=record_id, problem=problem))
    path = repository.root / collection_name / f"{record_id}.yaml"
    if path.exists() or record_id in repository.by_id:
        raise RysiaiError(_("{path} or the id `{record_id}` exists already; nothing written").format(path=path, record_id=record_id))
    lines = [
        f"# yaml-language-server: $schema=../{schema_path(collection_name)}",
        f"# {collection.title}: {collection.description}",
    ]
    for field in collection.fields.values():
        if field.name == "id":
            continue
        comment = f"{field.title}{' (privalomas)' if field.required else ''}: {field.description}"
        if field.name in given:
            lines.append(f"{field.name}: {written_value(field, given[field.name])}  # {comment}")
        elif field.required:
            lines.append(f"{field.name}:  # {comment}")
        else:
            lines.append(f"# {field.name}:  # {comment}")
    change_set = ChangeSet(repository.root)
    change_set.create(path, ("\n".join(lines) + "\n").encode("utf-8"))
    return NewRecord(path, remarks, change_set)


def written_value(field: Field, text: str) -> str:
    """A value as `rysiai fmt` would leave it: a phone in E.164, a list as a list, in YAML."""
    control = (CONTROL if field.check == "markdown" else CONTROL_OUTSIDE_MARKDOWN).search(text)
    if control:
        raise RysiaiError(
            _("`{name}` holds the control character {character}; type the value without it").format(
                name=field.name, character=f"U+{ord(control.group()):04X}")
        )
    if field.type == "array":
        raise RysiaiError(_("`{name}` holds items of several fields: write them in the file").format(name=field.name))
    value: str | list[str] = text
    if field.type == "list":
        value = [item.strip() for item in text.split(field.delimiter) if item.strip()]
    elif field.check == "phone":
        value = normalize_phone(text) or text
    elif field.type == "boolean" and text in ("true", "false"):
        return text  # YAML's own words for the two values need no quotes
    elif field.type == "date" and ISO_DAY.fullmatch(text):
        return text  # a day as the schema reads it; YAML's quotes would only hide it
    dumped = yaml.safe_dump(value, allow_unicode=True, width=float("inf"), default_flow_style=True)
    return dumped.strip().removesuffix("\n...").strip()
