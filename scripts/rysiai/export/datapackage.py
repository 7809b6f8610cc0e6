"""A Frictionless data package: datapackage.json and one CSV per collection, values as validated."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import json
from pathlib import Path
from typing import Any

from ..repository import Repository
from ..schema import Field
from ..words.contact_points import normalize_phone
from .files import refuse_overwrite
from .tables import scalar_text


def export_datapackage(repository: Repository, output: str | Path, *, overwrite: bool = False) -> list[Path]:
    """Write the package into ``output``; return the files written."""
    output = Path(output)
    collections = repository.schema.collections
    targets = [output / "datapackage.json"] + [output / f"{name}.csv" for name in collections]
    refuse_overwrite(targets, overwrite=overwrite)
    output.mkdir(parents=True, exist_ok=True)
    for name, collection in collections.items():
        with open(output / f"{name}.csv", "w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(collection.fields)
            for record in sorted(repository.collection(name), key=lambda r: r.id):
                values = {"id": record.id, **record.typed}
                writer.writerow(
                    [_cell(field, values.get(field.name)) for field in collection.fields.values()]
                )
    with open(targets[0], "w", encoding="utf-8") as file:
        json.dump(descriptor_for_export(repository), file, ensure_ascii=False, indent=2)
        file.write("\n")
    return targets


def descriptor_for_export(repository: Repository) -> dict[str, Any]:
    descriptor = copy.deepcopy(repository.schema.descriptor)
    for resource in descriptor["resources"]:
        resource["path"] = f"{resource['name']}.csv"
        resource.setdefault("format", "csv")
        resource.setdefault("encoding", "utf-8")
    return descriptor


def _cell(field: Field, value: Any) -> str:
    if value is None:
        return ""
    if field.type == "list":
        return field.delimiter.join(scalar_text(field, item) for item in value)
    if field.type == "array":
        items = [
            {name: _json_value(sub_field, item.get(name)) for name, sub_field in field.fields.items() if item.get(name) is not None}
            for item in value
        ]
        return json.dumps(items, ensure_ascii=False)
    return scalar_text(field, value)


def _json_value(field: Field, value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_json_value(field, item) for item in value]
    if field.check == "phone" and isinstance(value, str):
        return normalize_phone(value) or value
    return value
