"""`rysiai fmt`: record files written the one way: phones in E.164, fields in the schema's order.

A phone is changed where it is written (value_edits.py) and fields are put in order by moving
whole lines (field_order.py), so every comment stays where it stands and every other byte, the
byte-order mark and the line ends included, stays as written; a file that is already in form is
not touched. A YAML file that cannot be read as written (a syntax error, a field written twice)
stops fmt before anything is written. CSV files are left as they are.
"""

from __future__ import annotations

import io

from ..repository import Repository
from ..words.contact_points import normalize_phone
from .change_set import ChangeSet
from .field_order import in_order
from .text_files import FileText, file_text
from .unreadable import NOTHING_TO_FORMAT, not_read, refuse_unreadable
from .value_edits import edit_yaml_text, round_trip_yaml


def format_repository(repository: Repository) -> ChangeSet:
    """The change that puts every YAML record file in form; its paths are the files not in form."""
    broken = [path for path, finding in not_read(repository).items()
              if path.endswith(".yaml") and finding.code not in NOTHING_TO_FORMAT]
    refuse_unreadable(repository, broken)
    change_set = ChangeSet(repository.root)
    for record in repository.records:
        if not record.path.endswith(".yaml"):
            continue
        path = repository.root / record.path
        file = file_text(path.read_bytes())
        formatted = format_text(file, list(repository.schema.collections[record.collection].fields.values()))
        if formatted != file.text:
            change_set.write(path, file.encoded(formatted))
    return change_set


def format_text(file: FileText, fields: list) -> str:
    """The file's text in form (line ends as written)."""
    text = file.text
    data = round_trip_yaml(text).load(text)
    if not hasattr(data, "move_to_end"):
        return text  # not a mapping: the validator reports it
    phones = list(_phones(data, {field.name: field for field in fields}, ()))
    if phones:
        text = edit_yaml_text(file, [(None, place, lambda _value, e164=e164: e164) for place, e164 in phones])
        data = round_trip_yaml(text).load(text)
    order = [field.name for field in fields]
    ordered = in_order(text, data, order)
    return ordered if ordered is not None else _ordered_by_round_trip(text, order)


def _phones(data, fields: dict, place: tuple):
    """(place, E.164 form) of each phone not written in E.164."""
    for name, value in list(data.items()):
        field = fields.get(name)
        if field is None:
            continue
        if field.check == "phone" and isinstance(value, (str, int)):
            e164 = normalize_phone(str(value))
            if e164 and e164 != str(value):
                yield (*place, name), e164
        elif field.type == "array" and isinstance(value, list):
            for number, item in enumerate(value):
                if hasattr(item, "items"):
                    yield from _phones(item, field.fields, (*place, name, number))


def _ordered_by_round_trip(text: str, order: list[str]) -> str:
    """Where lines cannot be moved (a mapping on one line): ruamel.yaml writes the file again,
    comments kept as it keeps them."""
    crlf = "\r\n" in text
    yaml = round_trip_yaml(text)
    data = yaml.load(text.replace("\r\n", "\n"))
    for key in [key for key in order if key in data] + [key for key in list(data) if key not in order]:
        data.move_to_end(key)
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    out = buffer.getvalue()
    return out.replace("\n", "\r\n") if crlf else out
