"""The last word on an import plan is validation's: the new records are read back as they would
be written and checked with the rest of the repository. A value validation refuses goes into
the record's notes with validation's own message; a record that is still refused is not written
and is listed with the messages. So every record an import writes validates.

The check is passed in (the `import` command passes `rysiai.validate.check_repository`), so
that this module stays below validation.
"""

from __future__ import annotations

from collections.abc import Callable

from ..findings import ERROR, Finding, Report
from ..loading.convert import type_record
from ..loading.yaml_source import read_yaml_record
from ..repository import Repository
from .plan import Extra, ImportPlan, record_yaml

Check = Callable[[Repository], Report]


def settle(repository: Repository, plan: ImportPlan, check: Check) -> None:
    """Make every record of ``plan`` valid, or take it out of the plan saying why."""
    collection = plan.collection
    fields = repository.schema.collections[collection].fields
    for final in (False, True):
        errors = _errors_of_new_records(repository, plan, check)
        if not errors:
            return
        kept = []
        for record_id, values in plan.new:
            found = errors.get(record_id, [])
            names = {_top_field(finding.field) for finding in found}
            movable = all(name in values and not fields[name].required for name in names)
            if found and (final or not movable or "notes" in names or "notes" not in values):
                where = plan.origins.get(record_id) or f"{collection}/{record_id}.yaml"
                plan.unusable.append((where, "; ".join(finding.message for finding in found)))
                plan.remarks.pop(record_id, None)
                continue
            for finding in found:
                name = _top_field(finding.field)
                if name in values:
                    value = values.pop(name)
                    shown = value if isinstance(value, str) else "; ".join(map(str, value))
                    extra = Extra(fields[name].title, shown, finding.message)
                    _into_notes(values, extra)
                    plan.remarks[record_id].append(extra.remark())
            kept.append((record_id, values))
        plan.new = kept


def _errors_of_new_records(repository: Repository, plan: ImportPlan, check: Check) -> dict[str, list[Finding]]:
    collection_name = plan.collection
    collection = repository.schema.collections[collection_name]
    records, findings = [], []
    for record_id, values in plan.new:
        path = f"{collection_name}/{record_id}.yaml"
        data = record_yaml(values, collection).encode("utf-8")
        record, found = read_yaml_record(data, collection=collection_name, record_id=record_id, path=path)
        findings += found
        if record is not None:
            findings += type_record(record, collection)
            records.append(record)
    by_id = dict(repository.by_id)
    for record in records:
        by_id.setdefault(record.id, record)
    trial = Repository(
        root=repository.root, schema=repository.schema, records=repository.records + records,
        findings=findings, by_id=by_id, today=repository.today,
    )
    new_paths = {f"{collection_name}/{record_id}.yaml" for record_id, _ in plan.new}
    errors: dict[str, list[Finding]] = {}
    for finding in check(trial).findings:
        if finding.severity == ERROR and finding.path in new_paths:
            errors.setdefault(finding.path.rsplit("/", 1)[1].removesuffix(".yaml"), []).append(finding)
    return errors


def _top_field(place: str | None) -> str | None:
    """`languages[2]` → `languages`; `agreements[1].signed` → `agreements`."""
    if not place:
        return None
    return place.split("[", 1)[0].split(".", 1)[0]


def _into_notes(values: dict, extra: Extra) -> None:
    """Before the last paragraph of the notes, which says where the record came from."""
    paragraphs = values["notes"].split("\n\n")
    paragraphs.insert(len(paragraphs) - 1, f"{extra.label}: {extra.value}")
    values["notes"] = "\n\n".join(paragraphs)

