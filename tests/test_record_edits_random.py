"""Random edits of every sample record, in the ways people lay files out, read back exactly.

Each example takes a sample record (a YAML file, or a row of a CSV file), lays its file out one
way (as written; CRLF and a byte-order mark; comments between and beside fields; `[a, b]` lists;
lists flush with their key; `---` and the schema line), changes some of its fields to random
values (hostile ones among them) and saves. The file must read back as exactly the new values,
keep every comment and every unchanged field's text, and never need the round trip. A second
test does the same on files laid out in unusual ways (a `-` alone on its line, tags, `|+` and
`>2` blocks, values over several lines, `[…]` over several lines, `...`).
"""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import PROJECT
from rysiai.editing import record_edits
from rysiai.editing.record_edits import RecordEditError, edit_record_text, read_record_values
from rysiai.loading.csv_source import read_csv_records
from rysiai.loading.yaml_source import read_yaml_record
from rysiai.schema import load_schema

SCHEMA = load_schema(PROJECT)
RECORDS = [
    (f"{name}/{path.name}", record_id)
    for name, collection in SCHEMA.collections.items()
    for path in sorted((PROJECT / name).glob("*.*"))
    for record_id in (
        [record.id for record in read_csv_records(path.read_bytes(), collection=collection, path=path.name)[0]]
        if path.suffix == ".csv" else [path.stem]
    )
]
HOSTILE = [
    "NO", "null", "~", "#x", "a: b", "- x", " lead", "trail ", "a\tb", "it's", '"q"', "012", "12:30",
    "+37061234567", "2025-01-10", "yes", "1e3", "[x]", "{x}", "x #y", "*x", "&x", "!x", "%x", "@x", "|", ">",
    "? x", "---", "a, b", "x\n", "a\nb\n", "  indented\nline\n", "a\n\n  b", "ends\n\n", "é\u2028f", "\x07",
    "a\r\nb", ":>\t>",
]
TEXT = st.one_of(st.sampled_from(HOSTILE), st.text(alphabet="ab ž\t\n:#-'\",[]{}|>!&*%@`?", min_size=1, max_size=10))
LAYOUTS = ["as written", "crlf and byte-order mark", "comments", "flow lists", "flush lists", "document start"]
UNUSUAL = [
    "name: Daug\n  eilučių  # c1\nkind: municipality\ncountry: LT\ncity: 'kabutėse\n  per dvi'\n"
    "notes: |+\n  palikti\n\n# c2\nreviewed: 2025-01-01\n",
    "name: X\nkind: other\ncountry: LT\ntags:\n  # c3\n  - a   # c4\n  -\n    b\n  - c\n"
    "notes: >2\n   atitraukta\n  toliau\nagreements:\n- type: A  # c5\n  areas: [x, y]\n-   type: B\n"
    "    areas:\n    - z\n# c6\n",
    '---\nname: "dvigubos \\t kabutės"\nkind: other  \ncountry: LT\ntags: [a, b,\n  c]  # c7\n'
    "agreements: [{type: A}, {type: B, signed: 2020-01-01}]\nnotes: |-\n  be lūžio\n...\n# c8\n",
    "name: X\nkind: other\ncountry: LT\nagreements:\n  -\n    type: A\n    signed: 2020-01-01\n"
    '  - type: B\nnotes: "a\\nb"\ndocuments: !!seq\n  - https://a.lt\n',
    "  name: X\n  kind: other\n  country: LT\n  tags:\n    - a\n",
]
EXAMPLES = settings(
    max_examples=300, deadline=None, derandomize=True, database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture
def in_place_only(monkeypatch):
    """Fails the test if the round trip is ever needed: the in-place edit takes every layout here."""

    def refuse(*args, **kwargs):
        raise AssertionError("the round trip was needed")

    monkeypatch.setattr(record_edits, "edit_round_trip", refuse)


def scalar(value: str) -> str:
    plain = re.fullmatch(r"[A-Za-zĄ-ž][\w .,/@()–-]*[\w.)]", value) and ": " not in value
    if plain and value.lower() not in ("yes", "no", "null", "true", "false", "on", "off"):
        return value + "\n"
    if value.endswith("\n") and "\n\n" not in value and not re.search(r"^\s", value, re.M):
        return "|\n" + "".join(f"  {line}\n" for line in value.splitlines())
    return json.dumps(value) + "\n"


def laid_out(values: dict, flow: bool, dash: str) -> str:
    """A record file written by hand, another way than the sample's."""
    out = []
    for name, value in values.items():
        if isinstance(value, str):
            out.append(f"{name}: {scalar(value)}")
        elif all(isinstance(item, str) for item in value):
            items = [json.dumps(item) for item in value]
            out.append(f"{name}: [{', '.join(items)}]\n" if flow else f"{name}:\n" + "".join(f"{dash}- {item}\n" for item in items))
        else:
            out.append(f"{name}:\n")
            for item in value:
                keys = [f"{key}: {json.dumps(sub)}" for key, sub in item.items()]
                out.append(f"{dash}- " + "".join(("" if index == 0 else f"{dash}  ") + line + "\n" for index, line in enumerate(keys)))
    return "".join(out)


def with_comments(text: str) -> str:
    root = yaml.compose(text, Loader=yaml.BaseLoader)
    lines = text.splitlines(keepends=True)
    for key, value in reversed(root.value):
        row = key.start_mark.line
        if isinstance(value, yaml.ScalarNode) and not value.style and value.end_mark.line == row and value.value:
            lines[row] = lines[row].rstrip("\n") + f"  # beside {key.value}\n"
        lines.insert(row, f"# before {key.value}\n")
    return "".join(lines) + "# the end\n"


def layout(text: str, values: dict, how: str) -> str:
    return {
        "as written": lambda: text,
        "crlf and byte-order mark": lambda: "\ufeff" + text.replace("\n", "\r\n"),
        "comments": lambda: with_comments(text),
        "flow lists": lambda: laid_out(values, True, "  "),
        "flush lists": lambda: laid_out(values, False, ""),
        "document start": lambda: "# yaml-language-server: $schema=../.schemas/x.schema.json\n---\n" + text,
    }[how]()


def new_value(draw, field, old):
    if field.type == "list":
        items = draw(st.lists(TEXT, max_size=4))
        if isinstance(old, list) and old and draw(st.booleans()):
            items = draw(st.permutations(old))[: draw(st.integers(1, len(old)))] + items[:1]
        return items
    if field.type == "array":
        items = [dict(item) for item in old] if isinstance(old, list) else []
        if items and draw(st.booleans()):
            item = items[draw(st.integers(0, len(items) - 1))]
            name = draw(st.sampled_from(sorted(field.fields)))
            item[name] = new_value(draw, field.fields[name], item.get(name))
        else:
            names = draw(st.lists(st.sampled_from(sorted(field.fields)), unique=True, min_size=1))
            item = {name: new_value(draw, field.fields[name], None) for name in names}
            items.insert(draw(st.integers(0, len(items))), item)
        return draw(st.permutations(items))
    if field.type == "date" and draw(st.booleans()):
        return "2026-02-03"
    return draw(TEXT)


def changed_values(data, collection, old: dict) -> dict:
    new = {key: value for key, value in old.items() if key != "id"}
    names = [name for name in collection.fields if name != "id"]
    for name in data.draw(st.lists(st.sampled_from(names), unique=True, max_size=5)):
        removed = data.draw(st.integers(0, 4)) == 0
        new[name] = None if removed else new_value(data.draw, collection.fields[name], new.get(name))
    return new


def normal(value):
    if isinstance(value, list):
        items = [normal(item) for item in value]
        return [item for item in items if item is not None] or None
    if isinstance(value, dict):
        return {key: normal(item) for key, item in value.items() if normal(item) is not None} or None
    return value or None


def csv_can_hold(new: dict, header: list[str], collection) -> bool:
    for name, value in new.items():
        field = collection.fields[name]
        if normal(value) is None:
            continue
        if name not in header or (isinstance(value, str) and not value.strip() and field.type != "list"):
            return False
        items = value if isinstance(value, list) else [value] if field.type == "list" else []
        if any(not isinstance(item, str) for item in items):
            return False
        if any(item and (field.delimiter in item or item != item.strip() or re.search("[\r\n]", item)) for item in items):
            return False
    return True


def own_texts(text: str) -> dict[str, str]:
    """Each top-level field's own text: its key to its value's end, trailing comments aside."""
    body = text.removeprefix("\ufeff")
    texts = {}
    for key, value in yaml.compose(body, Loader=yaml.BaseLoader).value:
        lines = body[key.start_mark.index : value.end_mark.index].splitlines(keepends=True)
        while len(lines) > 1 and (not lines[-1].strip() or lines[-1].lstrip().startswith("#")):
            lines.pop()
        texts[key.value] = "".join(lines).rstrip("\r\n")
    return texts


def comment_lines(text: str) -> Counter:
    marks = ("# before", "# the end", "# yaml-language-server", "---", "# c2", "# c6", "# c8", "...")
    return Counter(line.strip() for line in text.splitlines() if line.startswith(marks))


def check_yaml_save(text: str, path: str, record_id: str, old: dict, new: dict) -> None:
    collection = SCHEMA.collections[path.split("/")[0]]
    expected = {key: normal(value) for key, value in {**old, **new}.items() if normal(value) is not None}
    after = edit_record_text(text, collection, record_id, new, path=path)
    record, findings = read_yaml_record(after.encode("utf-8"), collection=collection.name, record_id=record_id, path=path)
    assert findings == [] and normal(record.values) == expected
    assert comment_lines(text) - comment_lines(after) == Counter()
    assert after.startswith("\ufeff") == text.startswith("\ufeff")
    if "\r\n" in text:
        assert "\n" not in after.replace("\r\n", "")
    for name, own in own_texts(text).items():
        if normal(old.get(name)) == expected.get(name) and own.strip():
            assert own in after, name


@EXAMPLES
@given(st.data())
def test_random_edits_of_the_sample_data_read_back_exactly(in_place_only, data):
    path, record_id = data.draw(st.sampled_from(RECORDS))
    collection = SCHEMA.collections[path.split("/")[0]]
    original = (PROJECT / path).read_text(encoding="utf-8")
    old = read_record_values(original, collection, record_id, path=path)
    how = "as written" if path.endswith(".csv") else data.draw(st.sampled_from(LAYOUTS))
    text = layout(original, {key: value for key, value in old.items() if key != "id"}, how)
    assert read_record_values(text.removeprefix("\ufeff"), collection, record_id, path=path) == old
    new = changed_values(data, collection, old)
    if path.endswith(".yaml"):
        check_yaml_save(text, path, record_id, old, new)
        return
    header = [name.strip() for name in text.splitlines()[0].split(",")]
    if not csv_can_hold(new, header, collection):
        with pytest.raises(RecordEditError) as refused:
            edit_record_text(text, collection, record_id, new, path=path)
        assert refused.value.field in new
        return
    after = edit_record_text(text, collection, record_id, new, path=path)
    records, findings = read_csv_records(after.encode("utf-8"), collection=collection, path=path)
    expected = {key: normal(value) for key, value in {**old, **new}.items() if normal(value) is not None}
    assert findings == [] and {r.id: normal(r.values) for r in records}[record_id] == expected
    changed = Counter(text.splitlines(keepends=True)) - Counter(after.splitlines(keepends=True))
    assert all(line.startswith(record_id + ",") for line in changed)


@EXAMPLES
@given(st.data())
def test_random_edits_of_unusual_layouts_read_back_exactly(in_place_only, data):
    text = data.draw(st.sampled_from(UNUSUAL))
    if data.draw(st.booleans()):
        text = "\ufeff" + text.replace("\n", "\r\n")
    collection = SCHEMA.collections["partners"]
    old = read_record_values(text.removeprefix("\ufeff"), collection, "x", path="partners/x.yaml")
    check_yaml_save(text, "partners/x.yaml", "x", old, changed_values(data, collection, old))
