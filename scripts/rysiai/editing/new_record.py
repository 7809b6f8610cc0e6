"""`rysiai new`: a new record file from the schema, with each field's description as a comment."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..errors import RysiaiError
from ..loading.record import LABEL_FIELDS
from ..repository import Repository
from ..words.ids import is_valid_id, slugify
from .json_schemas import schema_path


def new_record(repository: Repository, collection_name: str, name: str | None, given: dict[str, str]) -> Path:
    schema = repository.schema
    if collection_name not in schema.collections:
        known = ", ".join(schema.collections)
        raise RysiaiError(f"there is no collection `{collection_name}`; the collections are: {known}")
    collection = schema.collections[collection_name]
    label = next((field for field in LABEL_FIELDS if field in collection.fields), None)
    if name is not None and label is not None:
        given = {label: name, **given}
    for field in given:
        if field not in collection.fields or field == "id":
            raise RysiaiError(f"`{field}` is not a field of {collection_name}")
    record_id = given.pop("id", None) or slugify(given.get(label, "") or collection_name)
    if not is_valid_id(record_id):
        raise RysiaiError(f"`{record_id}` cannot be an id: use lowercase letters a-z, digits and `-`")
    path = repository.root / collection_name / f"{record_id}.yaml"
    if path.exists() or record_id in repository.by_id:
        raise RysiaiError(f"{path} or the id `{record_id}` exists already; nothing written")
    lines = [
        f"# yaml-language-server: $schema=../{schema_path(collection_name)}",
        f"# {collection.title}: {collection.description}",
    ]
    for field in collection.fields.values():
        if field.name == "id":
            continue
        comment = f"{field.title}{' (privalomas)' if field.required else ''}: {field.description}"
        if field.name in given:
            value = yaml.safe_dump(given[field.name], allow_unicode=True, width=float("inf")).strip()
            value = value.removesuffix("\n...").strip()
            lines.append(f"{field.name}: {value}  # {comment}")
        elif field.required:
            lines.append(f"{field.name}:  # {comment}")
        else:
            lines.append(f"# {field.name}:  # {comment}")
    path.parent.mkdir(exist_ok=True)
    with open(path, "x", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    return path
