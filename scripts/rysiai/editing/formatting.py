"""`rysiai fmt`: record files written the one way: phones in E.164, fields in the schema's order.

Files are edited with ruamel.yaml's round trip, so comments and quoting stay, and written with
their own byte-order mark and line ends; a file that is already in form is not touched. CSV files are left as they are.
"""

from __future__ import annotations

import io
from pathlib import Path

from ruamel.yaml.scalarstring import SingleQuotedScalarString

from ..repository import Repository
from ..words.contact_points import normalize_phone
from .text_files import read_file_text, write_file
from .value_edits import round_trip_yaml


def format_repository(repository: Repository, *, write: bool) -> list[Path]:
    """The YAML record files not in form; with ``write``, put them in form."""
    changed = []
    for record in repository.records:
        if not record.path.endswith(".yaml"):
            continue
        path = repository.root / record.path
        file = read_file_text(path)
        formatted = format_text(file.lf_text, list(repository.schema.collections[record.collection].fields.values()))
        if formatted != file.lf_text:
            changed.append(path)
            if write:
                write_file(path, file.encoded(formatted))
    return changed


def format_text(text: str, fields: list) -> str:
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    if not hasattr(data, "move_to_end"):
        return text  # not a mapping: the validator reports it
    _phones(data, {field.name: field for field in fields})
    order = [field.name for field in fields]
    known = [key for key in order if key in data]
    if list(data)[: len(known)] != known:
        for key in known + [key for key in list(data) if key not in order]:
            data.move_to_end(key)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    return buffer.getvalue()


def _phones(data, fields: dict) -> None:
    for name, value in list(data.items()):
        field = fields.get(name)
        if field is None:
            continue
        if field.check == "phone" and isinstance(value, str):
            e164 = normalize_phone(value)
            if e164 and e164 != value:
                data[name] = SingleQuotedScalarString(e164)
        elif field.type == "array" and isinstance(value, list):
            for item in value:
                if hasattr(item, "items"):
                    _phones(item, field.fields)
