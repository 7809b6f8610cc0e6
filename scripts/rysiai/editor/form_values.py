"""A submitted form read back into a record's values, field by field as the schema says: inputs
named after their field (`position`, `tags` once per item, `agreements.0.type`), references
given by the picker (an id) or typed as a name, Markdown with its line ends as the file has them."""

from __future__ import annotations

import re
from typing import Any

from werkzeug.datastructures import MultiDict

from ..schema import Collection, Field
from .live import LiveRepository

ITEM_KEY = re.compile(r"^([^.]+)\.(\d+)\.(.+)$")
MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def form_values(form: MultiDict, collection: Collection, live: LiveRepository, old: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The values the form gives (a field the form does not hold keeps its ``old`` value) and,
    by input name, the problems found reading them (a name that matches no record)."""
    problems: dict[str, str] = {}
    values: dict[str, Any] = {}
    present = set(form.getlist("_present")) | {key.split(".", 1)[0] for key in form}
    for field in collection.fields.values():
        if field.name == "id":
            continue
        if field.name not in present:
            if field.name in old:
                values[field.name] = old[field.name]
            continue
        if field.type == "array":
            values[field.name] = _items(form, field, live, problems, old.get(field.name))
        else:
            values[field.name] = _value(form, field.name, field, live, problems, old.get(field.name))
    return values, problems


def _items(form: MultiDict, field: Field, live: LiveRepository, problems: dict, old: Any) -> list[dict]:
    """An array field's items, in the order their inputs stand in the form (reordering moves them)."""
    order: list[str] = []
    for key in form:
        match = ITEM_KEY.match(key)
        if match and match.group(1) == field.name and match.group(2) not in order:
            order.append(match.group(2))
    old_items = old if isinstance(old, list) else []
    items = []
    for index in order:
        prefix = f"{field.name}.{index}"
        item = {}
        was = form.get(f"{prefix}._was")
        kept = old_items[int(was)] if was is not None and was.isdigit() and int(was) < len(old_items) else {}
        for sub in field.fields.values():
            item[sub.name] = _value(form, f"{prefix}.{sub.name}", sub, live, problems, kept.get(sub.name) if isinstance(kept, dict) else None)
        if isinstance(kept, dict):  # keys of the file's own that the schema does not know stay
            item.update({key: value for key, value in kept.items() if key not in field.fields})
        items.append(item)
    return items


def _value(form: MultiDict, name: str, field: Field, live: LiveRepository, problems: dict, old: Any) -> Any:
    if field.type == "list":
        if field.references:
            ids, labels, was = form.getlist(name), form.getlist(f"{name}.label"), form.getlist(f"{name}.was")
            if len(labels) != len(ids) or len(was) != len(ids):
                return [item for item in ids if item]
            return [_reference(live, field, name, *parts, problems) for parts in zip(ids, labels, was)]
        return [item for item in form.getlist(name) if item != ""]
    text = form.get(name, "")
    if field.references and f"{name}.label" in form:
        return _reference(live, field, name, text, form.get(f"{name}.label", ""), form.get(f"{name}.was", ""), problems)
    if field.check == "markdown":
        return markdown_text(text, old)
    if field.check == "date-time" and MOMENT.match(text) and form.get(f"{name}.time"):
        return f"{text} {form.get(f'{name}.time')}"
    return text


def markdown_text(text: str, old: Any) -> str:
    """A textarea's text as the file keeps it: a browser sends CRLF line ends, the file has LF;
    the final line break stays as it was, so an unchanged note does not flip between YAML's
    `|` and `|-`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if isinstance(old, str) and old and text:
        ending = old[len(old.rstrip("\n")):]
        text = text.rstrip("\n") + ending
    return text


def _reference(live: LiveRepository, field: Field, name: str, chosen: str, typed: str, was: str, problems: dict) -> str:
    """The id a picker gives: the one chosen (or set by a script), else the record whose id or
    name was typed (letter case and diacritics aside), else the text as typed (validation then
    says no such record exists)."""
    if chosen != was or typed.strip() == "" and not chosen:
        return chosen
    if typed.strip() == "":
        return ""
    if typed in (chosen, live.label(chosen)):
        return chosen
    found = live.named(field.references, typed)
    if len(found) == 1:
        return found[0].id
    if len(found) > 1:
        listed = ", ".join(f"{record.label} ({record.id})" for record in found[:5])
        problems[name] = f"„{typed}“ atitinka kelis įrašus: {listed}. Pasirinkite vieną iš sąrašo."
    else:
        problems[name] = f"Įrašo „{typed}“ nerasta: pasirinkite jį iš sąrašo, ieškodami pagal pavadinimą."
    return typed
