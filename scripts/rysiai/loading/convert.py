"""Types a record's values by the schema: the schema, not YAML, decides what a value is."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..findings import Finding, catalogue
from ..language import N_, _
from ..schema import Collection, Field
from ..words.dates import add_working_days
from .record import Record, field_label

ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
INTEGER = re.compile(r"[+-]?[0-9]+")
EXPECTED = {
    "string": N_("text"),
    "date": N_("a date (YYYY-MM-DD)"),
    "boolean": N_("true or false"),
    "integer": N_("a whole number"),
    "list": N_("a list"),
    "array": N_("a list of mappings"),
}


class ConversionError(ValueError):
    """A value the schema cannot type; carries the finding's details."""

    def __init__(self, kind, **details: Any):
        super().__init__(kind.code)
        self.kind = kind
        self.details = details


def type_record(record: Record, collection: Collection) -> list[Finding]:
    """Fill ``record.typed`` from ``record.values``; report values of the wrong type."""
    findings: list[Finding] = []
    typed_values = record.typed
    for name, value in record.values.items():
        field = collection.fields.get(name)
        if field is None or value is None:
            continue  # unknown fields are the field check's to report
        if field.type == "string" and value.__class__ is str:
            typed_values[name] = value  # most values: text that stays text
            continue
        typed = _typed(record, field, value, (name,), findings)
        if typed is not None:
            typed_values[name] = typed
    _derive_due(record, collection)
    return findings


def _derive_due(record: Record, collection: Collection) -> None:
    """A deadline left out (not written at all): counted from its start in working days, as the
    collection's deadline role says (a request's `due`: `received` plus 20 working days)."""
    rule = collection.kind.deadline
    if rule is None or rule.working_days is None or record.values.get(rule.field) is not None:
        return
    start = record.typed.get(rule.counted_from)
    if isinstance(start, dt.date):
        record.typed[rule.field] = add_working_days(start, rule.working_days)
        record.derived.add(rule.field)


def _typed(record: Record, field: Field, value: Any, place: tuple, findings: list[Finding]):
    try:
        if field.type == "array":
            return _typed_array(record, field, value, place, findings)
        if field.type == "list":
            if not isinstance(value, list):
                raise ConversionError(catalogue.TYPE, found=_describe(value), hint=_list_hint(field))
            items = []
            for index, item in enumerate(value):
                if item is None or item == "":
                    raise ConversionError(
                        catalogue.TYPE, found=_("an empty item"), place=place + (index,),
                        expected=_("a list of values"), hint=_("remove the empty item"),
                    )
                if field.delimiter in item if isinstance(item, str) else False:
                    raise ConversionError(
                        catalogue.LIST_DELIMITER, value=item, delimiter=field.delimiter,
                        place=place + (index,),
                    )
                typed = _typed_scalar(item, field.item_type, field, place + (index,))
                if typed is not None:
                    items.append(typed)
            return items
        return _typed_scalar(value, field.type, field, place)
    except ConversionError as error:
        findings.append(
            error.kind(
                path=record.path,
                line=record.line_of(*error.details.pop("place", place)),
                record=record.id,
                field=field_label(place),
                **{"expected": _(EXPECTED[field.type]), **error.details},
            )
        )
        return None


def _typed_array(record: Record, field: Field, value: Any, place: tuple, findings: list[Finding]):
    if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
        if record.path.endswith(".csv"):
            hint = _("a field with items of several fields can only be written in a YAML record file")
        else:
            hint = _("each item starts with `- ` and holds `field: value` lines")
        raise ConversionError(catalogue.TYPE, found=_describe(value), hint=hint)
    items = []
    for index, item in enumerate(value):
        typed_item = {}
        for name, sub_value in item.items():
            sub_field = field.fields.get(name)
            if sub_field is None or sub_value is None:
                continue
            typed = _typed(record, sub_field, sub_value, place + (index, name), findings)
            if typed is not None:
                typed_item[name] = typed
        items.append(typed_item)
    return items


def _typed_scalar(value: Any, kind: str, field: Field, place: tuple):
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConversionError(
            catalogue.TYPE, found=_describe(value), place=place, expected=_(EXPECTED[kind]), hint=""
        )
    if kind == "string":
        return value
    if kind == "date":
        return parse_date(value, place)
    if kind == "boolean":
        if value in field.true_values:
            return True
        if value in field.false_values:
            return False
        raise ConversionError(
            catalogue.TYPE,
            found=f"`{value}`",
            place=place,
            hint=_("write `{true}` or `{false}`").format(true=field.true_values[0], false=field.false_values[0]),
        )
    if kind == "integer":
        if INTEGER.fullmatch(value):
            return int(value)
        raise ConversionError(catalogue.TYPE, found=f"`{value}`", place=place, hint="")
    raise AssertionError(f"unknown type {kind}")  # the schema loader allows no other


def parse_date(value: str, place: tuple = ()) -> dt.date:
    """A real calendar date written YYYY-MM-DD, else ConversionError with the reason."""
    if not ISO_DATE.fullmatch(value):
        raise ConversionError(
            catalogue.DATE, value=value, place=place, problem=_("not written as YYYY-MM-DD")
        )
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ConversionError(
            catalogue.DATE, value=value, place=place, problem=_("no such day in the calendar")
        ) from None


def _describe(value: Any) -> str:
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a mapping (`field: value` lines)")
    return f"`{value}`"


def _list_hint(field: Field) -> str:
    return _("write a list: `{name}: [first, second]`, or one item per line starting with `- `").format(name=field.name)
