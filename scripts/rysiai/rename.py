"""`rysiai mv`: a record gets a new id, and every reference to it follows, comments kept.

YAML files are edited with ruamel.yaml's round trip, which keeps comments, key order, quoting
and the file's own list indentation; only the values that held the old id change.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ruamel.yaml import YAML

from .errors import RysiaiError
from .links import references
from .loading import RESERVED_IDS
from .repository import Repository
from .slugs import is_valid_id


def rename_record(repository: Repository, old: str, new: str) -> list[Path]:
    """Give record ``old`` the id ``new``; return the files changed."""
    record = repository.by_id.get(old)
    if record is None:
        raise RysiaiError(f"there is no record `{old}`")
    if not is_valid_id(new) or new in RESERVED_IDS:
        raise RysiaiError(f"`{new}` cannot be an id: use lowercase letters a-z, digits and `-`")
    if new in repository.by_id:
        raise RysiaiError(f"the id `{new}` is taken by {repository.by_id[new].path}")
    edits: dict[str, list[tuple[str, tuple]]] = {}
    for source, _field, target, place in references(repository):
        if target == old:
            edits.setdefault(source.path, []).append((source.id, place))
    changed = []
    for path, places in edits.items():
        changed.append(replace_references(repository.root / path, places, old, new))
    if record.path.endswith(".yaml"):
        target = repository.root / record.collection / f"{new}.yaml"
        if target.exists():
            raise RysiaiError(f"{target} exists already")
        (repository.root / record.path).rename(target)
        changed.append(target)
    else:
        changed.append(_edit_csv(repository.root / record.path, [(old, ("id",))], old, new))
    return sorted(set(changed))


def replace_references(path: Path, places: list[tuple[str, tuple]], old: str, new: str) -> Path:
    """In one file, put `new` where `old` stands at each of `places` (YAML kept as written)."""
    if path.suffix == ".csv":
        return _edit_csv(path, places, old, new)
    text = path.read_text(encoding="utf-8")
    yaml = round_trip_yaml(text)
    data = yaml.load(text)
    for _record_id, place in places:
        container = data
        for part in place[:-1]:
            container = container[part]
        if container[place[-1]] == old:
            container[place[-1]] = new
    buffer = io.StringIO()
    yaml.dump(data, buffer)
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def round_trip_yaml(text: str) -> YAML:
    """ruamel.yaml set to write a file back as its author wrote it: quotes kept, long lines
    unbroken, and lists flush with their key ("partners:\n- a") or indented, as the file has them."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    flat = re.search(r"^\S[^:\n]*:[ \t]*\n- ", text, re.MULTILINE) is not None
    yaml.indent(mapping=2, sequence=2 if flat else 4, offset=0 if flat else 2)
    return yaml


def _edit_csv(path: Path, places: list[tuple[str, tuple]], old: str, new: str) -> Path:
    """Change the cells that hold the old id in the rows concerned; list cells item by item."""
    raw = path.read_bytes()
    bom = raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header = rows[0]
    ids = {record_id for record_id, _ in places}
    columns = {place[0] for _, place in places}
    for row in rows[1:]:
        if len(row) != len(header) or row[header.index("id")] not in ids:
            continue
        for column in columns:
            index = header.index(column)
            items = [item.strip() for item in row[index].split(";")]
            if old in items:
                row[index] = ";".join(new if item == old else item for item in items)
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    path.write_bytes(("\ufeff" if bom else "").encode() + buffer.getvalue().encode("utf-8"))
    return path
