"""Contacts from address books: what would be new, what may duplicate a record, what cannot be used.

Nothing is lost: a second e-mail or phone, an organisation not in the registry, or a value that
does not pass the checks goes into the new record's notes, with where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import RysiaiError
from ..kinds.people import organizations as organization_records
from ..kinds.people import people_collections
from ..repository import Repository
from ..words.contact_points import email_problem, normalize_phone
from ..words.ids import slugify
from ..words.names import name_key
from .vcard_source import Candidate


@dataclass
class ImportPlan:
    collection: str  # where the new records go
    new: list[tuple[str, dict]] = field(default_factory=list)  # (id, values)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (what, existing id, why)
    unusable: list[tuple[str, str]] = field(default_factory=list)  # (what, why)
    skipped: dict[str, int] = field(default_factory=dict)  # photos and the like, counted


def plan_contacts(repository: Repository, candidates: list[Candidate], source: str) -> ImportPlan:
    """Address-book cards as new records of the people's collection (the `people` role)."""
    collections = people_collections(repository.schema)
    if not collections:
        raise RysiaiError("no collection holds people: give one `kind: {people: true}` in datapackage.yaml")
    plan = ImportPlan(collections[0])
    seen = Known(repository, plan.collection)
    organizations = {name_key(record.label): record.id for record in organization_records(repository)}
    member_of = repository.schema.collections[plan.collection].kind.member_of
    for candidate in candidates:
        where = f"card {candidate.number}" + (f" ({candidate.name})" if candidate.name else "")
        for kind in candidate.skipped:
            plan.skipped[kind] = plan.skipped.get(kind, 0) + 1
        if not candidate.name:
            plan.unusable.append((where, candidate.note or "it has no name (FN or N)"))
            continue
        values, extras = _values(candidate, organizations, member_of)
        duplicate = seen.duplicate_of(values)
        if duplicate:
            plan.duplicates.append((where, *duplicate))
            continue
        notes = [candidate.note] if candidate.note else []
        notes += extras
        notes.append(f"Importuota iš {source} (vCard Nr. {candidate.number}).")
        values["notes"] = "\n\n".join(notes)
        record_id = seen.new_id(slugify(candidate.name))
        seen.add(record_id, values)
        plan.new.append((record_id, values))
    return plan


def _values(candidate: Candidate, organizations: dict[str, str], member_of: str | None) -> tuple[dict, list[str]]:
    values: dict = {"name": candidate.name}
    extras: list[str] = []
    organization = organizations.get(name_key(candidate.organization)) if candidate.organization else None
    if organization and member_of:
        values[member_of] = organization
    elif candidate.organization:
        extras.append(f"Organizacija: {candidate.organization}")
    if candidate.title:
        values["position"] = candidate.title
    emails = [email for email in candidate.emails if email_problem(email) is None]
    if emails:
        values["email"] = emails[0]
    other_emails = emails[1:] + [email for email in candidate.emails if email not in emails]
    if other_emails:
        extras.append("Kiti el. pašto adresai: " + ", ".join(other_emails))
    phones = [(phone, normalize_phone(phone)) for phone in candidate.phones]
    valid = [normalized for _, normalized in phones if normalized]
    if valid:
        values["phone"] = valid[0]
    other_phones = valid[1:] + [phone for phone, normalized in phones if not normalized]
    if other_phones:
        extras.append("Kiti telefonai: " + ", ".join(other_phones))
    return values, extras


class Known:
    """Ids, e-mails, phones and names already in a collection or in this import."""

    def __init__(self, repository: Repository, collection: str):
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
        if values.get("email"):
            yield ("e-mail", values["email"].casefold())
        if values.get("phone"):
            yield ("phone", normalize_phone(values["phone"]) or values["phone"])
        label = values.get("name") or values.get("title") or values.get("subject")
        if label:
            yield ("name", name_key(label))

    def duplicate_of(self, values: dict) -> tuple[str, str] | None:
        for kind, key in self._keys(values):
            if (kind, key) in self.by_key:
                return self.by_key[(kind, key)], f"the same {kind}"
        return None

    def new_id(self, base: str) -> str:
        candidate, number = base, 1
        while candidate in self.ids or (self.folder / f"{candidate}.yaml").exists():
            number += 1
            candidate = f"{base}-{number}"
        return candidate


class _Dumper(yaml.SafeDumper):
    """Text with line breaks as a `|` block, as people write notes."""


def _text(dumper: yaml.SafeDumper, data: str):
    style = "|" if "\n" in data and data == data.strip() and "\t" not in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_Dumper.add_representer(str, _text)


def record_yaml(values: dict) -> str:
    return yaml.dump(values, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)


def write_plan(repository: Repository, plan: ImportPlan) -> list[Path]:
    """Write each new record; an existing file is never replaced (the plan chose free ids)."""
    folder = repository.root / plan.collection
    folder.mkdir(exist_ok=True)
    written = []
    for record_id, values in plan.new:
        path = folder / f"{record_id}.yaml"
        with open(path, "x", encoding="utf-8") as file:  # "x": fails rather than overwrite
            file.write(record_yaml(values))
        written.append(path)
    return written
