"""The public view of a repository: what `rysiai build --public` may show, and nothing else.

The public site is built from this view, not from the repository: a value that is not in the
view cannot reach any page, search index, feed or download, whatever a renderer does with it.

What the view keeps (datapackage.yaml says it, per resource and per field):
- records of collections with `publish: all`, and of `publish: marked` collections the records
  whose `public` is true (the person agreed); `publish: never` (the default) keeps none;
- of each kept record, the fields whose visibility is `public`, and the `personal` ones only
  on a record marked `public: true`; `internal` fields never;
- a reference to a record that is not kept becomes an Unpublished value: plain text, the
  record's name only when that name is itself public (a partner), else no name at all.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..loading.record import LABEL_FIELDS, Record, Unpublished
from ..repository import Repository
from ..schema import CONSENT_FIELD, Collection, Field, Schema


def is_published(collection: Collection, record: Record) -> bool:
    if collection.publish == "all":
        return True
    if collection.publish == "marked":
        return record.typed.get(CONSENT_FIELD) is True
    return False


def public_schema(schema: Schema) -> Schema:
    """The published collections, each with the fields a public page may ever show."""
    collections = {}
    for name, collection in schema.collections.items():
        if collection.publish == "never":
            continue
        allowed = ("public", "personal") if collection.publish == "marked" else ("public",)
        fields = _visible_fields(collection.fields, allowed)
        collections[name] = replace(
            collection,
            fields=fields,
            # (`milestones.next`: the next task's column, shown where its field is)
            columns=tuple(c for c in collection.columns if c.partition(".")[0] in fields),
            groups=tuple(g for g in collection.groups if g.partition(".")[0] in fields),
        )
    return replace(schema, collections=collections)


def _visible_fields(fields: dict[str, Field], allowed: tuple[str, ...]) -> dict[str, Field]:
    visible = {}
    for name, field in fields.items():
        if field.visibility not in allowed:
            continue
        if field.fields:
            field = replace(field, fields=_visible_fields(field.fields, allowed))
        visible[name] = field
    return visible


def public_view(repository: Repository) -> Repository:
    """A repository holding only what may be published (see the module's description)."""
    schema = public_schema(repository.schema)
    published = {
        record.id
        for record in repository.records
        if is_published(repository.schema.collections[record.collection], record)
    }
    withheld_names = {
        record.id: _public_name(repository.schema.collections[record.collection], record)
        for record in repository.records
        if record.id not in published
    }
    records = []
    for record in repository.records:
        if record.id not in published:
            continue
        fields = schema.collections[record.collection].fields
        typed = _public_values(record.typed, fields, published, withheld_names)
        records.append(
            Record(
                collection=record.collection,
                id=record.id,
                path=record.path,
                line=record.line,
                values=dict(typed),
                typed=typed,
                derived=record.derived & set(typed),
            )
        )
    by_id = {record.id: record for record in records}
    return Repository(
        root=repository.root, schema=schema, records=records, findings=[], by_id=by_id,
        today=repository.today,
    )


def _public_name(collection: Collection, record: Record) -> str:
    """The name of a record that is not published, if its name field is public (else empty)."""
    for name in LABEL_FIELDS:
        field = collection.fields.get(name)
        if field is not None:
            value = record.typed.get(name)
            return value if field.visibility == "public" and isinstance(value, str) else ""
    return ""


def _public_values(typed: dict, fields: dict[str, Field], published: set[str], withheld: dict[str, str]) -> dict:
    kept: dict[str, Any] = {}
    for name, value in typed.items():
        field = fields.get(name)
        if field is None:
            continue
        if field.type == "array":
            kept[name] = [_public_values(item, field.fields, published, withheld) for item in value]
        elif field.references:
            kept[name] = _public_reference(value, published, withheld)
        else:
            kept[name] = value
    return kept


def _public_reference(value: Any, published: set[str], withheld: dict[str, str]) -> Any:
    if isinstance(value, list):
        return [_public_reference(item, published, withheld) for item in value]
    if value in published:
        return value
    return Unpublished(withheld.get(value, ""))
