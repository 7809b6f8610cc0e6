"""Types a record's values by the schema: the schema, not YAML, decides what a value is.

A null word (`null`, `Null`, `NULL`, and in CSV `~`) is text where the field holds text, and a
finding where it cannot (a date, a boolean, a number, a reference, a checked value): only an
empty value means no value. Each text is checked for control characters here too, and a line
break or tab outside Markdown fields is a warning (see characters.py).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..findings import Finding, Phrase, catalogue
from ..findings.wording import allowed_values
from ..language import N_, _, one_of
from ..schema import Collection, Field
from ..words.dates import add_working_days
from .characters import CONTROL, character_name, layout_in
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
# What a field with a check holds, for a null word found there.
EXPECTED_BY_CHECK = {
    "email": N_("an e-mail address"),
    "phone": N_("a phone number"),
    "url": N_("a web address"),
    "country": N_("a country code"),
    "entity-code": N_("a legal-entity code"),
    "partial-date": N_("a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)"),
    "date-time": N_("a day, or a day and time (YYYY-MM-DD or YYYY-MM-DD HH:MM)"),
}
# Words YAML (or a program writing CSV) uses for "no value"; plain `~` in YAML is read as none.
NULL_WORDS = frozenset({"null", "Null", "NULL", "~"})


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
        if field.type == "string" and value.__class__ is str and value not in NULL_WORDS:
            # Most values: text that stays text. Printable text holds no control character,
            # line break or tab: one quick test settles nearly every value.
            if value.isprintable() or _text_is_fine(record, field, value, (name,), findings):
                typed_values[name] = value
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
        # `tags: null` is a word where a list belongs: said as such, not as a wrong type.
        if value.__class__ is str and field.type in ("array", "list") and value in NULL_WORDS:
            raise ConversionError(
                catalogue.NULL_WORD, value=value, expected=_(EXPECTED[field.type]), name=field.name
            )
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
                    if typed.__class__ is str and not typed.isprintable():
                        _check_text(record, field, typed, place + (index,), findings)
                    items.append(typed)
            return items
        typed = _typed_scalar(value, field.type, field, place)
        if typed.__class__ is str and not typed.isprintable():
            _check_text(record, field, typed, place, findings)
        return typed
    except ConversionError as error:
        if error.kind is catalogue.CONTROL_CHARACTER:
            error.details["where"] = f"`{field_label(place)}`"
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


def _text_is_fine(record: Record, field: Field, value: str, place: tuple, findings: list) -> bool:
    """Report a control character (the value is then not typed) or a line break or tab."""
    try:
        _check_text(record, field, value, place, findings)
    except ConversionError as error:
        findings.append(
            catalogue.CONTROL_CHARACTER(
                path=record.path, line=record.line_of(*place), record=record.id,
                field=field_label(place), where=f"`{field_label(place)}`",
                character=error.details["character"],
            )
        )
        return False
    return True


def _check_text(record: Record, field: Field, value: str, place: tuple, findings: list) -> None:
    """A text that is not all printable: a control character raises ConversionError; a line
    break or tab outside Markdown fields is a warning."""
    control = CONTROL.search(value)
    if control:
        raise ConversionError(
            catalogue.CONTROL_CHARACTER, place=place, character=character_name(control.group())
        )
    if field.check != "markdown":
        _warn_of_layout(record, field, value, place, findings)


def _warn_of_layout(record: Record, field: Field, value: str, place: tuple, findings: list) -> None:
    """A line break or tab in a text field that is not Markdown: shown on one line (a warning)."""
    if field.check == "markdown":
        return
    what = layout_in(value)
    if what:
        findings.append(
            catalogue.LINE_BREAK(
                path=record.path, line=record.line_of(*place), record=record.id,
                field=field_label(place), what=what,
            )
        )


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
    if value in NULL_WORDS:
        expected = _word_cannot_be(value, kind, field)
        if expected:
            raise ConversionError(
                catalogue.NULL_WORD, value=value, place=place, expected=expected,
                name=field.name,
            )
    if kind == "string":
        return value  # its characters are checked by the caller, which may warn
    if kind == "date":
        try:
            return parse_date(value, place)
        except ConversionError:
            _refuse_control_characters(value, place)  # the better finding, where there is one
            raise
    if not value.isprintable():
        _refuse_control_characters(value, place)
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


def _refuse_control_characters(value: str, place: tuple) -> None:
    control = CONTROL.search(value)
    if control:
        raise ConversionError(
            catalogue.CONTROL_CHARACTER, place=place, character=character_name(control.group())
        )


def _word_cannot_be(word: str, kind: str, field: Field) -> str | None:
    """What a field holds, if it cannot hold ``word`` (a null word); None if it can."""
    if kind != "string":
        return _(EXPECTED[kind])
    if field.references:
        return _("the id of a {collections} record").format(collections=one_of(field.references))
    if field.check in EXPECTED_BY_CHECK:
        return _(EXPECTED_BY_CHECK[field.check])
    if field.enum is not None and word not in field.enum:
        allowed = allowed_values(field.enum, field.enum_labels)
        return Phrase(_("one of: {values}").format(values=allowed))
    return None


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
