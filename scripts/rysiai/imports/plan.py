"""What an import would do, and doing it: new records with free ids, written as new files only.

Every source (vCards, tables) fills the same plan: the new records, each with what was done to
its values on the way (a value moved into the notes and why, a name matched, an id changed),
the possible duplicates and what could not be used. Nothing leaves the plan unlisted.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..language import _, ngettext
from ..repository import Repository
from ..schema import Collection
from ..words.contact_points import normalize_phone
from ..words.ids import RESERVED_IDS, unreserved
from ..words.names import name_key


@dataclass
class ImportPlan:
    collection: str  # where the new records go
    new: list[tuple[str, dict]] = field(default_factory=list)  # (id, values)
    remarks: dict[str, list[str]] = field(default_factory=dict)  # id → what was done on the way
    origins: dict[str, str] = field(default_factory=dict)  # id → where in the source: `row 3`
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (what, existing id, SAME key)
    unusable: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    skipped: dict[str, int] = field(default_factory=dict)  # photos and the like, counted


@dataclass
class Extra:
    """A value that goes into the record's notes, with its label and, for the plan, why."""

    label: str
    value: str
    why: str = ""

    def remark(self) -> str:
        shown = self.value if len(self.value) <= 60 else self.value[:57] + "…"
        shown = shown.replace("\n", " ")
        if self.why:
            return _("into the notes: {label} `{value}` ({why})").format(label=self.label, value=shown, why=self.why)
        return _("into the notes: {label} `{value}`").format(label=self.label, value=shown)


def notes_with(
    collection: Collection, values: dict, first: list[str], extras: list[Extra], origin: str
) -> str | None:
    """The notes: what the source wrote as notes, then each extra as `label: value`, then the origin.

    None when the collection has no notes field and something would have to go there.
    """
    parts = [text for text in first if text]
    parts += [f"{extra.label}: {extra.value}" for extra in extras]
    if "notes" not in collection.fields:
        return None if parts else ""
    if values.get("notes"):
        parts.insert(0, values["notes"])
    return "\n\n".join(parts + [origin])


ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# C0 and C1 control characters, DEL; tab and the line breaks are treated apart.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x85\u2028\u2029]")
BREAKS_AND_TABS = re.compile(r"(?:\r\n|[\t\n\r\x0b\x0c\x85\u2028\u2029])+")


def without_controls(text: str, markdown: bool) -> tuple[str, list[str]]:
    """``text`` without control characters, and what was done (for the plan).

    A record file must not hold them (validation refuses them): in Markdown text line breaks
    and tabs stay (line breaks written `\\n`); elsewhere a run of line breaks or tabs becomes
    one space; any other control character is removed.
    """
    done = []
    removed = sorted({f"U+{ord(character):04X}" for character in CONTROL.findall(text)})
    if removed:
        text = CONTROL.sub("", text)
        done.append(ngettext("a control character removed ({characters})", "control characters removed ({characters})",
                             len(removed)).format(characters=", ".join(removed)))
    if markdown:
        text = LINE_BREAKS.sub("\n", text)
    elif BREAKS_AND_TABS.search(text):
        text = BREAKS_AND_TABS.sub(" ", text).strip()
        done.append(_("line breaks or tabs replaced by spaces"))
    return text, done


def cleaned(collection: Collection, values: dict) -> tuple[dict, list[str]]:
    """Every value without control characters, and the remarks naming the fields changed."""
    remarks = []
    result = {}
    for name, value in values.items():
        markdown = collection.fields[name].check == "markdown" if name in collection.fields else False
        if isinstance(value, list):
            items = []
            for item in value:
                item, done = without_controls(item, markdown)
                remarks += [f"`{name}`: {what}" for what in done]
                if item:
                    items.append(item)
            result[name] = items
        elif isinstance(value, str):
            value, done = without_controls(value, markdown)
            remarks += [f"`{name}`: {what}" for what in done]
            result[name] = value
        else:
            result[name] = value
    return result, remarks


# What a new record shares with one already there (the plan words each whole: commands/imports.py).
SAME = ("e-mail", "phone", "name")


class Known:
    """Ids, e-mails, phones and names already in a collection or in this import."""

    def __init__(self, repository: Repository, collection: str):
        self.collection = collection
        self.folder = repository.root / collection
        self.ids = set(repository.by_id)
        self.by_key: dict[tuple[str, str], str] = {}
        for record in repository.collection(collection):
            self.add(record.id, {**record.typed, "name": record.label})

    def add(self, record_id: str, values: dict) -> None:
        self.ids.add(record_id)
        for key in self._keys(values):
            self.by_key.setdefault(key, record_id)

    def _keys(self, values: dict):
        if isinstance(values.get("email"), str) and values["email"]:
            yield ("e-mail", values["email"].casefold())
        if isinstance(values.get("phone"), str) and values["phone"]:
            yield ("phone", normalize_phone(values["phone"]) or values["phone"])
        label = values.get("name") or values.get("title") or values.get("subject")
        if isinstance(label, str) and label:
            yield ("name", name_key(label))

    def duplicate_of(self, values: dict) -> tuple[str, str] | None:
        for kind, key in self._keys(values):
            if (kind, key) in self.by_key:
                return self.by_key[(kind, key)], kind
        return None

    def new_id(self, base: str, remarks: list[str]) -> str:
        """A free id made from ``base``: never reserved, never an existing record or file."""
        start = unreserved(base, self.collection)
        if start != base:
            remarks.append(_("the id `{id}` is reserved ({reason}); `{instead}` instead").format(
                id=base, reason=RESERVED_IDS[base], instead=start))
        candidate, number = start, 1
        while candidate in self.ids or (self.folder / f"{candidate}.yaml").exists():
            number += 1
            candidate = f"{start}-{number}"
        return candidate


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # libyaml's, where there is one
    """Text with line breaks as a `|` block, as people write notes."""


def _text(dumper, data: str):
    style = "|" if "\n" in data and data == data.strip() and "\t" not in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)


def record_yaml(values: dict, collection: Collection) -> str:
    """The record file: fields in the schema's order, a day and a boolean written plain
    (`2025-01-02`, `true`) as people write them, not quoted as YAML would quote such text."""
    ordered = {name: values[name] for name in collection.fields if name in values}
    ordered.update((name, value) for name, value in values.items() if name not in ordered)
    for name, value in ordered.items():
        field = collection.fields.get(name)
        if field is None or not isinstance(value, str):
            continue
        if field.type == "boolean" and value in ("true", "false"):
            ordered[name] = value == "true"
        elif field.type == "date" and ISO_DAY.fullmatch(value):
            ordered[name] = dt.date.fromisoformat(value)
    return yaml.dump(ordered, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def new_files(repository: Repository, plan: ImportPlan) -> list[tuple[Path, bytes]]:
    """Each new record's file and contents; the plan chose ids no file has (the command writes
    them all at once, and never replaces a file)."""
    folder, collection = repository.root / plan.collection, repository.schema.collections[plan.collection]
    return [(folder / f"{record_id}.yaml", record_yaml(values, collection).encode("utf-8")) for record_id, values in plan.new]
