"""Contacts from address books: what would be new, what may duplicate a record, what cannot be used.

Nothing is lost: a second e-mail or phone, an organisation not in the registry, a web address
or any other value a contact has no field for goes into the new record's notes, and the plan
lists each one.
"""

from __future__ import annotations

from ..errors import RysiaiError
from ..kinds.people import organization_collections, people_collections
from ..language import _, ngettext
from ..repository import Repository
from ..words.contact_points import email_problem, normalize_phone
from ..words.ids import slugify
from .plan import Extra, ImportPlan, Known, cleaned, notes_with
from .references import ReferenceIndex
from .vcard_source import Candidate

SKIPPED_BINARY = ("photo", "logo", "sound", "key")


def plan_contacts(repository: Repository, candidates: list[Candidate], source: str) -> ImportPlan:
    """Address-book cards as new records of the people's collection (the `people` role)."""
    collections = people_collections(repository.schema)
    if not collections:
        raise RysiaiError(_("no collection holds people: give one `kind: {people: true}` in datapackage.yaml"))
    plan = ImportPlan(collections[0])
    collection = repository.schema.collections[plan.collection]
    seen = Known(repository, plan.collection)
    organizations = ReferenceIndex(repository, tuple(organization_collections(repository.schema)))
    member_of = collection.kind.member_of
    for candidate in candidates:
        where = (_("card {number} ({name})") if candidate.name else _("card {number}")).format(
            number=candidate.number, name=candidate.name)
        for kind in candidate.skipped:
            plan.skipped[kind] = plan.skipped.get(kind, 0) + 1
        if not candidate.name:
            plan.unusable.append((where, candidate.problem or _("it has no name (FN or N)")))
            continue
        values, extras, remarks = _values(candidate, organizations, set(collection.fields), member_of)
        duplicate = seen.duplicate_of(values)
        if duplicate:
            plan.duplicates.append((where, *duplicate))
            continue
        origin = f"Importuota iš {source} (vCard Nr. {candidate.number})."
        notes = notes_with(collection, values, candidate.notes, extras, origin)
        if notes is None:
            plan.unusable.append((where, _("{collection} have no `notes` to keep {labels}").format(
                collection=plan.collection, labels=", ".join(e.label for e in extras))))
            continue
        if notes:
            values["notes"] = notes
        values, control_remarks = cleaned(collection, values)
        remarks = remarks + [extra.remark() for extra in extras] + control_remarks
        record_id = seen.new_id(slugify(values["name"]), remarks)
        seen.add(record_id, values)
        plan.new.append((record_id, values))
        plan.remarks[record_id] = remarks
        plan.origins[record_id] = where
    return plan


def _values(
    candidate: Candidate, organizations: ReferenceIndex, fields: set[str], member_of: str | None
) -> tuple[dict, list[Extra], list[str]]:
    values: dict = {"name": candidate.name}
    remarks = [candidate.name_remark] if candidate.name_remark else []
    extras: list[Extra] = []

    def put(name: str, value, label: str) -> None:
        if name in fields:
            values[name] = value
        else:  # a data repository whose contacts lack the field
            extras.append(Extra(label, value if isinstance(value, str) else ", ".join(value), _("no such field")))

    if candidate.organization:
        found = organizations.find(candidate.organization)
        if found.id:
            put(member_of or "", found.id, "Organizacija")
            if found.why:
                remarks.append(_("organisation `{name}` taken as `{id}`, {why}").format(
                    name=candidate.organization, id=found.id, why=found.why))
        else:
            extras.append(Extra("Organizacija", candidate.organization, found.why))
    extras += [Extra("Padalinys", unit) for unit in candidate.units]
    if candidate.titles:
        put("position", candidate.titles[0], "Pareigos")
    extras += [Extra("Kitos pareigos", title) for title in candidate.titles[1:]]
    emails = [email for email in candidate.emails if email_problem(email) is None]
    if emails:
        put("email", emails[0], "El. paštas")
    if emails[1:]:
        extras.append(Extra("Kiti el. pašto adresai", ", ".join(emails[1:])))
    wrong = [email for email in candidate.emails if email not in emails]
    if wrong:
        extras.append(Extra("Kiti el. pašto adresai", ", ".join(wrong), ngettext(
            "not a valid e-mail address", "not valid as e-mail addresses", len(wrong))))
    phones = [(phone, normalize_phone(phone)) for phone in candidate.phones]
    valid = list(dict.fromkeys(normalized for _written, normalized in phones if normalized))
    if valid:
        put("phone", valid[0], "Telefonas")
    if valid[1:]:
        extras.append(Extra("Kiti telefonai", ", ".join(valid[1:])))
    wrong = [phone for phone, normalized in phones if not normalized]
    if wrong:
        extras.append(Extra("Kiti telefonai", ", ".join(wrong), ngettext(
            "not a valid phone number", "not valid as phone numbers", len(wrong))))
    tags = [tag for tag in candidate.tags if ";" not in tag]
    if tags:
        put("tags", tags, "Žymos")
    extras += [Extra("Žyma", tag, _("a tag cannot hold `;`")) for tag in candidate.tags if tag not in tags]
    if candidate.languages:
        put("languages", candidate.languages, "Kalbos")
    extras += [Extra(label, value) for label, value in candidate.extras]
    return values, extras, remarks

