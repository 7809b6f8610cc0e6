"""Saving a record's new values into its file, changing only what changed: the editor saves through this.

In a YAML file each changed value is written where it stands (yaml_in_place), every other byte
kept: comments, order, quoting, line ends, a byte-order mark, `---` and the schema line. In a CSV
file only the record's row changes (csv_record). The result is read back with the project's own
loader and must give exactly the new values and keep every comment; where the in-place edit
cannot promise that, ruamel.yaml writes the file again (yaml_round_trip), checked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import yaml

from ..language import _, technical
from ..loading.csv_source import read_csv_records
from ..loading.yaml_source import read_yaml_record
from ..schema import Collection
from .csv_record import edit_csv_record
from .record_values import RecordEditError, normal, normal_record
from .text_files import BOM
from .yaml_in_place import edit_in_place
from .yaml_layout import comments, plain_value
from .yaml_round_trip import edit_round_trip

PLACEHOLDER = re.compile(r"# ([\w-]+):")

__all__ = ["RecordEditError", "changed_fields", "commit_message", "edit_record_text", "read_record_values"]


def edit_record_text(
    text: str, collection: Collection, record_id: str, values: Mapping[str, Any], *, path: str
) -> str:
    """The text of the record file ``path`` (`<collection>/<id>.yaml` or `<collection>/<name>.csv`)
    with the record ``record_id`` holding ``values``: text as written, lists of text, lists of
    mappings for array fields. A schema field missing from ``values`` (or None, "", []) is removed;
    a field the schema does not know is kept as written unless ``values`` names it. Raises
    RecordEditError (with the field at fault, where there is one) for values the file cannot hold."""
    managed = (set(collection.fields) | set(values)) - {"id"}  # named with no value: removed, known or not
    new = normal_record(dict(values))
    for name, value in new.items():
        _refuse_unwritable(value, name, path)
    written_id = new.pop("id", None)
    if written_id is not None and written_id != record_id:
        raise RecordEditError(
            _("{path}: the record's id is not changed here (`{old}` → `{new}`); rename the record with "
              "`rysiai mv`, which changes every reference to it too").format(path=path, old=record_id, new=written_id),
            field="id",
        )
    if path.endswith(".csv"):
        return edit_csv_record(text, collection, record_id, new, managed, path=path)
    bom = BOM if text.startswith(BOM) else ""
    return bom + _edit_yaml(text[len(bom) :], collection, record_id, new, managed, path)


def _edit_yaml(text: str, collection: Collection, record_id: str, new: dict, managed: set, path: str) -> str:
    """The YAML file changed in place, else by the round trip; either read back and its comments
    counted before it is given back."""
    old = read_record_values(text, collection, record_id, path=path)
    expected = {**{key: value for key, value in normal_record(old).items() if key not in managed}, **new}
    if normal_record(old) == expected:
        return text
    changed = {key for key in managed if normal(old.get(key)) != new.get(key)}
    try:
        edited = edit_in_place(text, collection.fields, new, managed)
        if _reads_as(edited, expected, collection, record_id, path):
            if not _lost_comments(text, edited, changed):
                return edited
    except Exception:  # noqa: BLE001 — a layout it does not take (Unsupported), or a slip: the round trip
        pass
    try:
        edited = edit_round_trip(text, collection.fields, old, new, managed)
    except Exception as error:  # noqa: BLE001 — ruamel.yaml could not write it: said, and nothing written
        raise RecordEditError(_("{path}: the file could not be written again{detail}; the file is unchanged").format(
            path=path, detail=technical(error))) from None
    if not _reads_as(edited, expected, collection, record_id, path):
        raise RecordEditError(
            _("{path}: the new values could not be written so that the file gives them back exactly as they "
              "are; the file is unchanged. Tell the maintainers").format(path=path)
        )
    lost = _lost_comments(text, edited, changed)
    if lost:
        raise RecordEditError(
            _("{path}: this file cannot be changed without losing comments ({comments}); the file is unchanged. "
              "Change the values in it by hand").format(path=path, comments=", ".join(sorted(lost)))
        )
    return edited


def read_record_values(text: str, collection: Collection, record_id: str, *, path: str) -> dict[str, Any]:
    """The record's values as written in ``text`` (a YAML file's one record, or a CSV file's
    row of ``record_id``); RecordEditError if the file cannot be read."""
    data = text.encode("utf-8")
    if path.endswith(".csv"):
        records, _findings = read_csv_records(data, collection=collection, path=path)
        found = [record for record in records if record.id == record_id]
        if len(found) != 1:
            raise RecordEditError(_("{path}: the record `{id}` has no row in this file, or more than one").format(
                path=path, id=record_id))
        return found[0].values
    record, findings = read_yaml_record(data, collection=collection.name, record_id=record_id, path=path)
    problem = findings[0] if findings else None
    if record is None or problem is not None:
        line = f":{problem.line}" if problem is not None and problem.line else ""
        what = f"[{problem.code}] {problem.message}" if problem is not None else _("the file is empty")
        raise RecordEditError(
            _("{path}{line}: the file cannot be changed while it has an error ({what}); fix it first").format(
                path=path, line=line, what=what)
        )
    return record.values


def changed_fields(collection: Collection, before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The fields whose values differ (empty and missing counted the same), in the schema's
    order, then any the schema does not know; the id is not among them."""
    old, new = normal_record(dict(before)), normal_record(dict(after))
    names = [name for name in collection.fields if name in old or name in new]
    names += [name for name in {**old, **new} if name not in collection.fields]
    return [name for name in names if name != "id" and old.get(name) != new.get(name)]


def commit_message(
    collection: Collection, record_id: str, before: Mapping[str, Any] | None, after: Mapping[str, Any]
) -> str:
    """"<collection>/<id>: <what changed>", the fields named by their Lithuanian titles
    ("contacts/ona-b: pareigos, telefonas"); a record with no ``before`` is new."""
    if before is None:
        return f"{collection.name}/{record_id}: naujas įrašas"
    names = changed_fields(collection, before, after)
    fields = collection.fields
    titles = [_lowercase_title(fields[name].title) if name in fields else name for name in names]
    return f"{collection.name}/{record_id}: {', '.join(titles) or 'be pakeitimų'}"


def _lowercase_title(title: str) -> str:
    """A title inside a sentence: "Pareigos" → "pareigos", but "ES fondai" stays as it is."""
    first = title.split(" ", 1)[0]
    return title if len(first) > 1 and first.isupper() else title[:1].lower() + title[1:]


def _lost_comments(before: str, after: str, changed: set[str]) -> list[str]:
    """The comments of ``before`` that ``after`` no longer has, but for those on the lines of
    the changed fields and the `# field:` lines that `rysiai new` leaves for a field now filled in."""
    lost = comments(before, changed) - comments(after)
    filled = {comment for comment in lost if (found := PLACEHOLDER.match(comment)) and found[1] in changed}
    return sorted(set(lost) - filled)


def _reads_as(text: str, expected: dict, collection: Collection, record_id: str, path: str) -> bool:
    """Whether the loader reads ``text`` as exactly ``expected``, with libyaml and with PyYAML's
    own reader alike (in array items, keys neither the schema nor the new item names are the
    file's own and not compared)."""
    try:
        read = read_record_values(text, collection, record_id, path=path)
        if plain_value(yaml.compose(text, Loader=yaml.BaseLoader)) != read:
            return False
    except (RecordEditError, yaml.YAMLError):
        return False
    read = normal_record(read)
    if read.keys() != expected.keys():
        return False
    for name, value in read.items():
        field, wanted = collection.fields.get(name), expected[name]
        if getattr(field, "type", None) == "array" and isinstance(value, list) and isinstance(wanted, list):
            if len(value) != len(wanted):
                return False
            value = [
                {key: sub for key, sub in item.items() if key in field.fields or key in want}
                if isinstance(item, dict) and isinstance(want, dict) else item
                for item, want in zip(value, wanted)
            ]
        if value != wanted:
            return False
    return True


def _refuse_unwritable(value: Any, name: str, path: str) -> None:
    """Text that no file can hold: a lone surrogate (never typed, but a request may carry one)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise RecordEditError(
                _("{path}: the value of `{name}` holds a character no file can hold; type it again").format(
                    path=path, name=name), field=name
            ) from None
    elif isinstance(value, list):
        for item in value:
            _refuse_unwritable(item, name, path)
    elif isinstance(value, dict):
        for item in value.values():
            _refuse_unwritable(item, name, path)
