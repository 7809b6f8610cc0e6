"""`rysiai person`: everything Ryšiai holds about one person, for a subject-access request
(GDPR art. 15): their own record, every record that refers to them, and every text that names
them, by full name, e-mail or phone, in any record. A person is given by id, or by name (also
someone without a record of their own: a resident named in a request's `from_name`).
"""

from __future__ import annotations

import datetime as dt
import re
import shlex
from dataclasses import dataclass, field
from typing import Any

from ..errors import RysiaiError
from ..kinds.people import is_person, people_collections
from ..language import N_, _
from ..loading import Record
from ..loading.record import field_label
from ..repository import Repository, references
from ..schema import Field
from ..words.texts import texts_of
from .mentions import PeopleIndex, possible_mentions, text_line
from .named_person import is_stand_in, looks_like_id, person_named


@dataclass(frozen=True)
class Mention:
    """One place in another record that is about the person."""

    record: Record
    place: tuple
    how: tuple[str, ...]  # ("reference",), or what a text holds: ("name", "phone"), …
    text: str  # the value that holds the mention
    line: int  # of the (first) mention in its file


@dataclass
class PersonData:
    person: Record
    mentions: list[Mention] = field(default_factory=list)
    # Words that start like the surname (`Vilkaitei`), outside the mentions found, with their
    # line: to read.
    possible: list[tuple[Record, tuple, int, str]] = field(default_factory=list)
    # YAML comments that name the person: (file, line, what).
    comments: list[tuple[str, int, str]] = field(default_factory=list)
    # Other records whose id spells out the person's name (`…-su-agne-vilkaite`).
    ids: list[Record] = field(default_factory=list)


def person_record(repository: Repository, person_id: str) -> Record:
    """The record of a person given by id or by name (a stand-in for someone without a record:
    see named_person), or a RysiaiError that says why ``person_id`` is neither."""
    record = repository.by_id.get(person_id)
    if record is None and not looks_like_id(person_id) and not person_id.endswith(".yaml"):
        return person_named(repository, person_id, lambda r: is_person(repository, r))
    if record is None:
        hint = (
            "; " + _("did you mean `{suggestion}`?").format(suggestion=person_id.removesuffix(".yaml").rpartition("/")[2])
            if person_id.endswith(".yaml")
            else "; " + _("to look for someone by name, give the name in quotes: `rysiai person \"Vardas Pavardė\"`")
        )
        raise RysiaiError(
            _("there is no record `{id}` (an id is a YAML file's name without .yaml, or the `id` cell of a "
              "CSV row)").format(id=person_id) + hint
        )
    if not is_person(repository, record):
        raise RysiaiError(
            _("`{id}` ({path}) is a record of {collection}, not of a person: this command works on "
              "records of people ({people})").format(
                id=person_id, path=record.path, collection=record.collection,
                people=", ".join(people_collections(repository.schema)))
        )
    return record


def find_person(repository: Repository, person_id: str) -> PersonData:
    """The person's record (given by id or by name) and every place of the other records that
    is about them."""
    return find_mentions(repository, person_record(repository, person_id))


def find_mentions(repository: Repository, person: Record) -> PersonData:
    """Every place of the records other than ``person``'s own (by id, so a record read again
    after a change counts as theirs) that refers to them or names them."""
    data = PersonData(person)
    for record, _field, target, place in references(repository):
        if target == person.id and record.id != person.id:
            data.mentions.append(Mention(record, place, ("reference",), target, record.line_of(*place)))
    index = PeopleIndex([person])
    for record in repository.records:
        if record.id == person.id:
            continue
        fields = repository.schema.collections[record.collection].fields
        for place, text in texts_of(record.typed, fields):
            spans = index.spans(text)
            if spans:
                how = tuple(dict.fromkeys(span.what for span in spans))
                line = text_line(repository.root, record, place, text, spans[0].start)
                data.mentions.append(Mention(record, place, how, text, line))
            data.possible.extend(
                (record, place, text_line(repository.root, record, place, text, offset), word)
                for offset, word in possible_mentions(text, person, spans)
            )
    data.mentions.sort(key=lambda m: (m.record.path, m.line))
    data.comments = comments_naming(repository, index)
    # Ids are page addresses: one may spell out the name (`…-su-agne-vilkaite`) or hold the
    # number. (A person's own id spells their own name: `jonas-jonaitis-kazlauskas` is another.)
    data.ids = [
        record for record in repository.records
        if not is_person(repository, record) and (index.named_in_id(record.id) or index.spans(record.id))
    ]
    return data


COMMENT = re.compile(r"(?:^|\s)#.*$")  # a YAML comment: `#` at the start or after a space


def comments_naming(repository: Repository, index: PeopleIndex) -> list[tuple[str, int, str]]:
    """Comments of the YAML record files that name one of the people in ``index``."""
    found = []
    for path in sorted({record.path for record in repository.records if record.path.endswith(".yaml")}):
        text = (repository.root / path).read_text(encoding="utf-8-sig", errors="replace")
        for number, line in enumerate(text.splitlines(), start=1):
            comment = COMMENT.search(line)
            if comment and "#" in line:
                for span in index.spans(comment.group()):
                    found.append((path, number, span.what))
    return found


def field_titles(repository: Repository, collection: str, place: tuple) -> str:
    """`Tolesni veiksmai / Atsakingas` for ("follow_ups", 0, "owner")."""
    return " / ".join(field.title for field in repository.schema.collections[collection].fields_along(place))


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def to_dict(repository: Repository, data: PersonData) -> dict:
    person = data.person
    return {
        "person": {  # for someone without a record of their own: only the name
            "collection": person.collection or None, "id": person.id or None, "path": person.path or None,
            "line": person.line or None, "fields": _plain(person.typed),
        },
        "mentions": [
            {
                "collection": m.record.collection, "record": m.record.id, "label": m.record.label,
                "path": m.record.path, "line": m.line,
                "field": field_label(m.place), "how": list(m.how), "text": m.text,
            }
            for m in data.mentions
        ],
        "possible_mentions": [
            {"record": r.id, "path": r.path, "line": line, "field": field_label(place), "word": word}
            for r, place, line, word in data.possible
        ],
        "comments": [{"path": path, "line": line, "how": how} for path, line, how in data.comments],
        "ids": [{"record": r.id, "path": r.path, "line": r.line} for r in data.ids],
        "history": history_command(person),
    }


def history_command(person: Record) -> str:
    """The git command that shows the earlier versions: of the person's record, or for someone
    without one, of the files that held their surname."""
    if is_stand_in(person):
        return f"git log -p -i -S {shlex.quote(person.label.split()[-1])}"
    return f"git log -p --follow -- {person.path}"


HOW = {
    "reference": N_("reference"), "name": N_("name and surname in a text"), "email": N_("e-mail in a text"),
    "phone": N_("phone in a text"),
}


def to_markdown(repository: Repository, data: PersonData, today: dt.date) -> str:
    """The answer to a subject-access request, in the reader's language, as Markdown."""
    person = data.person
    stand_in = is_stand_in(person)
    fields = {} if stand_in else repository.schema.collections[person.collection].fields
    if stand_in:
        prepared = _("Prepared {date} from the external-relations registry “Ryšiai”. The person has no record of "
                     "their own in the registry: searched by name and surname.")
    else:
        prepared = _("Prepared {date} from the external-relations registry “Ryšiai”. Record: `{path}`.")
    lines = [
        _("# Personal data: {name}").format(name=person.label),
        "",
        prepared.format(date=today.isoformat(), path=person.path),
        "",
        _("## Record"),
        "",
    ]
    if stand_in:
        lines.append(_("No record of their own."))
    for name, value in ({} if stand_in else person.typed).items():
        field = fields.get(name)
        title = field.title if field else name
        lines.append(f"- **{title}** (`{name}`): {_shown_value(repository, field, value)}")
    lines += ["", _("## In other records"), ""]
    if not data.mentions:
        lines.append(_("The person is not named in other records."))
    for mention in data.mentions:
        record = mention.record
        collection = repository.schema.collections[record.collection].title
        where = f"`{record.path}:{mention.line}`"
        title = field_titles(repository, record.collection, mention.place)
        line = f"- {collection}: {record.label} ({where}), {title}: {', '.join(_(HOW[h]) for h in mention.how)}"
        if mention.how != ("reference",):
            line += f": {_markdown_value(mention.text)}"
        lines.append(line)
    if len(person.label.split()) < 2:
        lines += ["", _("The name “{name}” is one word: texts were not searched for it; they have to be read.").format(
            name=person.label)]
    if data.ids:
        lines += ["", _("## In the records' ids"), ""]
        for record in data.ids:
            lines.append(f"- `{record.path}:{record.line}`: {record.id}")
    if data.comments:
        lines += ["", _("## In comments"), ""]
        for path, line, how in data.comments:
            lines.append(f"- `{path}:{line}`: {_(HOW[how])}")
    if data.possible:
        lines += ["", _("## To check (words like the surname)"), ""]
        for record, place, line, word in data.possible:
            lines.append(f"- `{record.path}:{line}` {field_label(place)}: {word}")
    if stand_in:
        history = _("Earlier versions of the records are kept in git's history; the changes that held the surname "
                    "are shown by `{command}`.")
    else:
        history = _("Earlier versions of the record are kept in git's history: `{command}`.")
    lines += ["", _("## History"), "", history.format(command=history_command(person)), ""]
    return "\n".join(lines)


def _shown_value(repository: Repository, field: Field | None, value: Any) -> str:
    """A value of the person's record as the reply shows it: names of referenced records and
    labels of allowed values beside what the file holds."""
    if field is not None and field.references and isinstance(value, str) and value in repository.by_id:
        return f"{repository.by_id[value].label} (`{value}`)"
    if field is not None and field.enum_labels and isinstance(value, str) and value in field.enum_labels:
        return f"{field.enum_labels[value]} (`{value}`)"
    return _markdown_value(value)


def _markdown_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"  # as the file writes it
    value = _plain(value)
    if isinstance(value, list):
        return "; ".join(_markdown_value(item) for item in value)
    if isinstance(value, dict):
        return ", ".join(f"{key}: {_markdown_value(item)}" for key, item in value.items())
    text = str(value)
    return text.replace("\n", " ").strip() if "\n" in text else text
