"""Fields against the schema: unknown fields, required fields, allowed values, patterns."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..findings.wording import allowed_values
from ..language import _
from ..loading import Record
from ..loading.record import location
from ..repository import Repository
from ..schema import Field


def check(repository: Repository) -> Iterator[Finding]:
    constrained = _Constrained()
    for record in repository.records:
        collection = repository.schema.collections[record.collection]
        yield from _check_mapping(
            record, collection.fields, record.values, record.typed, (), constrained
        )


def _check_mapping(
    record: Record,
    fields: dict[str, Field],
    values: dict,
    typed: dict,
    prefix: tuple,
    constrained: _Constrained,
) -> Iterator[Finding]:
    for name in values:
        if name not in fields:
            yield catalogue.UNKNOWN_FIELD(
                **location(record, prefix + (name,)),
                collection=record.collection,
                hint=_suggestion(name, fields),
            )
    for field in constrained(fields, top_level=not prefix):
        name = field.name
        place = prefix + (name,)
        if values.get(name) in EMPTY:
            if field.required:
                yield catalogue.REQUIRED(**location(record, place), title=field.title, name=name)
            continue
        value = typed.get(name)
        if value is None:
            continue  # not typed: already reported
        if field.type == "array":
            for index, item in enumerate(value):
                raw_item = values[name][index]
                yield from _check_mapping(
                    record, field.fields, raw_item, item, place + (index,), constrained
                )
            continue
        items = value if field.type == "list" else [value]
        for index, item in enumerate(items):
            item_place = place + (index,) if field.type == "list" else place
            yield from _check_value(record, field, item, item_place)


EMPTY = (None, "")


class _Constrained:
    """The fields this check has something to look at (most have no constraint), per field set."""

    def __init__(self):
        self._known: dict[int, tuple[Field, ...]] = {}

    def __call__(self, fields: dict[str, Field], *, top_level: bool) -> tuple[Field, ...]:
        key = id(fields)  # the schema outlives one check, so its dicts' ids are stable here
        if key not in self._known:
            self._known[key] = tuple(
                field
                for field in fields.values()
                # The id is the file name (or the CSV's id column), checked when read.
                if not (top_level and field.name == "id")
                and (field.required or field.enum or field.pattern or field.type == "array")
            )
        return self._known[key]


def _check_value(record: Record, field: Field, value, place: tuple) -> Iterator[Finding]:
    if field.enum is not None and str(value) not in field.enum:
        close = difflib.get_close_matches(str(value), field.enum, n=1)
        hint = _("did you mean `{suggestion}`?").format(suggestion=close[0]) if close else ""
        allowed = allowed_values(field.enum, field.enum_labels)
        yield catalogue.ENUM(**location(record, place), value=value, allowed=allowed, hint=hint)
    if field.pattern is not None and isinstance(value, str) and not field.pattern.fullmatch(value):
        yield catalogue.PATTERN(
            **location(record, place), value=value, pattern=field.pattern.pattern
        )


def _suggestion(name: str, fields: dict[str, Field]) -> str:
    close = difflib.get_close_matches(name, list(fields), n=1, cutoff=0.6)
    if close:
        return _("did you mean `{suggestion}`?").format(suggestion=close[0])
    return _("the fields are: {fields}").format(fields=", ".join(f"`{field}`" for field in fields if field != "id"))
