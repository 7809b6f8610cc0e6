"""Records of any collection from the rows of a CSV or Excel table.

Each cell becomes the value its field takes (cells.py); a record named by its name is found by
it (references.py); whatever cannot be made valid goes into the notes, with the reason, and the
plan lists it. A row that would still not make a valid record (no name, a required value
missing) is listed with the reason and not written.
"""

from __future__ import annotations

from ..language import _, ngettext
from ..loading.record import LABEL_FIELDS
from ..repository import Repository
from ..schema import Collection, Field
from ..words.contact_points import email_problem, normalize_phone, url_problem
from ..words.ids import RESERVED_IDS, id_problem, slugify
from .cells import as_text, convert, month_first
from .columns import Column, match_columns
from .plan import Extra, ImportPlan, Known, cleaned, notes_with
from .references import ReferenceIndex
from .table_files import Table


def plan_rows(
    repository: Repository, collection: Collection, table: Table, mapping: dict[str, str], source: str,
) -> tuple[ImportPlan, list[str], list[str]]:
    """The import plan, the columns that match no field (their values go into the notes) and
    what was matched on its own (two name columns)."""
    columns, matched, again = match_columns(table.header, collection, mapping)
    used = {index for column in columns for index in column.indexes}
    unmatched = [title for index, title in enumerate(table.header) if index not in used and title]
    label = next((name for name in LABEL_FIELDS if name in collection.fields), None)
    reader = _RowReader(repository, collection, table, columns, again)
    plan = ImportPlan(collection.name)
    known = Known(repository, collection.name)
    for number, row in table.rows:
        if not any(str(cell).strip() for cell in row if cell is not None):
            continue
        where = _("row {number}").format(number=number)
        if table.delimiter and len(row) > len(table.header):  # CSV: a stray separator or quote
            plan.unusable.append((where, ngettext(
                "it has {found} cell but the header has {expected}", "it has {found} cells but the header has {expected}",
                len(row)).format(found=len(row), expected=len(table.header))))
            continue
        values, extras, remarks = reader.read(row, used)
        given_id = values.pop("id", None)
        missing = [name for name, field in collection.fields.items()
                   if field.required and name != "id" and not values.get(name)]
        if label is None or not values.get(label) or missing:
            plan.unusable.append((where, _why_unusable(collection, label, missing or [label], extras)))
            continue
        named = _("row {number} ({label})").format(number=number, label=values[label])
        duplicate = known.duplicate_of(values)
        if duplicate:
            plan.duplicates.append((named, *duplicate))
            continue
        notes = notes_with(collection, values, [], extras, f"Importuota iš {source} ({number} eilutė).")
        if notes is None:
            plan.unusable.append((where, _("{collection} have no `notes` to keep {labels}").format(
                collection=collection.name, labels=", ".join(extra.label for extra in extras))))
            continue
        if notes:
            values["notes"] = notes
        values, control_remarks = cleaned(collection, values)
        remarks += [extra.remark() for extra in extras] + control_remarks
        record_id = _record_id(known, given_id, values[label], remarks)
        known.add(record_id, values)
        plan.new.append((record_id, values))
        plan.remarks[record_id] = remarks
        plan.origins[record_id] = named
    return plan, unmatched, matched


def _why_unusable(collection: Collection, label: str | None, missing: list[str], extras: list[Extra]) -> str:
    reasons = []
    for name in missing:
        field = collection.fields.get(name) if name else None
        title = field.title if field else "?"
        wrong = next((extra for extra in extras if extra.label == title and extra.why), None)
        if wrong:
            reasons.append(_("no `{field}` ({title}): `{value}` is {why}").format(
                field=name, title=title, value=wrong.value, why=wrong.why))
        else:
            reasons.append(_("no `{field}` ({title})").format(field=name, title=title))
    return "; ".join(reasons)


def _record_id(known: Known, given: str | None, label: str, remarks: list[str]) -> str:
    """The id the table gives, where it is free; else one made from it or from the name."""
    if not given:
        return known.new_id(slugify(label), remarks)
    if given in RESERVED_IDS:
        return known.new_id(given, remarks)  # which says why it is changed
    problem = id_problem(given)
    if problem:
        remarks.append(_("the id `{id}` cannot be used ({problem})").format(id=given, problem=problem))
        return known.new_id(slugify(given), remarks)
    record_id = known.new_id(given, remarks)
    if record_id != given:
        remarks.append(_("the id `{id}` is taken; `{instead}` instead").format(id=given, instead=record_id))
    return record_id


class _RowReader:
    """Turns one row's cells into a record's values, its extras for the notes and remarks."""

    def __init__(
        self, repository: Repository, collection: Collection, table: Table, columns: list[Column], again: set[int]
    ):
        self.repository = repository
        self.again = again
        self.collection = collection
        self.header = table.header
        self.columns = columns
        self.indexes: dict[tuple[str, ...], ReferenceIndex] = {}
        self.month_first = {
            column.field: month_first([row[index] for _number, row in table.rows if len(row) > index])
            for column in columns
            if len(column.indexes) == 1
            for index in column.indexes
        }

    def read(self, row: list, used: set[int]) -> tuple[dict, list[Extra], list[str]]:
        values: dict = {}
        extras: list[Extra] = []
        remarks: list[str] = []
        for column in self.columns:
            field = self.collection.fields[column.field]
            cells = [row[index] for index in column.indexes if index < len(row) and _filled(row[index])]
            if not cells:
                continue
            if len(cells) > 1:  # given name and surname: joined as text
                parts = [convert(cell, field) for cell in cells]
                wrong = [(cell, part.problem) for cell, part in zip(cells, parts) if part.text is None]
                if wrong:
                    extras += [Extra(field.title, as_text(cell).strip(), problem) for cell, problem in wrong]
                    continue
                cell = " ".join(part.text for part in parts if part.text)
            else:
                cell = cells[0]
            self._put(field, cell, values, extras, remarks)
        for index, cell in enumerate(row):
            if index not in used and _filled(cell):
                named = index < len(self.header) and self.header[index]
                title = self.header[index] if named else f"stulpelis {index + 1}"
                why = convert(cell, _ANY_TEXT).problem or (
                    _("another column fills that field") if index in self.again else _("no field of that name")
                )
                extras.append(Extra(title, as_text(cell).strip(), why))
        return values, extras, remarks

    def _put(self, field: Field, cell, values: dict, extras: list[Extra], remarks: list[str]) -> None:
        if field.type == "array":
            why = _("a field with items of several fields is written in YAML only")
            extras.append(Extra(field.title, as_text(cell).strip(), why))
            return
        converted = convert(cell, field, month_first_column=self.month_first.get(field.name, False))
        if converted.text is None:
            extras.append(Extra(field.title, as_text(cell).strip(), converted.problem))
            return
        if not converted.text:
            return
        if field.type == "list":
            items = [item.strip() for item in converted.text.split(field.delimiter) if item.strip()]
            kept = []
            for item in items:
                value = self._checked(field, item, extras, remarks)
                if value is not None:
                    kept.append(value)
            if kept:
                values[field.name] = kept
            return
        value = self._checked(field, converted.text, extras, remarks)
        if value is not None:
            values[field.name] = value

    def _checked(self, field: Field, text: str, extras: list[Extra], remarks: list[str]) -> str | None:
        """The value as validation wants it, or None with the reason among the extras."""
        problem = ""
        if field.check == "phone":
            normalized = normalize_phone(text)
            if normalized:
                return normalized
            problem = ngettext("not a valid phone number", "not valid as phone numbers", 1)
        elif field.check == "email" and email_problem(text):
            problem = _("not an e-mail address: {problem}").format(problem=_lowered(email_problem(text)))
        elif field.check == "url" and url_problem(text):
            problem = _("not a web address: {problem}").format(problem=_lowered(url_problem(text)))
        elif field.check == "country" and len(text) == 2:
            text = text.upper()
        elif field.references:
            index = self.indexes.setdefault(field.references, ReferenceIndex(self.repository, field.references))
            found = index.find(text)
            if found.id and found.why:
                remarks.append(_("`{title}` `{value}` taken as `{id}`, {why}").format(
                    title=field.title, value=text, id=found.id, why=found.why))
            if found.id:
                return found.id
            problem = found.why
        if problem:
            extras.append(Extra(field.title, text, problem))
            return None
        return text


def _lowered(text: str) -> str:
    return text[:1].lower() + text[1:]


def _filled(cell) -> bool:
    return cell is not None and (not isinstance(cell, str) or bool(cell.strip()))


_ANY_TEXT = Field(name="", type="string", title="", description="", visibility="internal")
