"""Looking for non-public values in a built site: every value of the data that the public view
leaves out, searched for in every output file, decoded the way a reader or a program would read it."""

from __future__ import annotations

import datetime as dt
import gzip
import html
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from rysiai.privacy.public_view import public_view
from rysiai.repository import Repository
from rysiai.site.strings import load_strings

PAGEFIND_SIGNATURE = b"pagefind_dcd"
TAG = re.compile(r"<[^>]+>")
MARKUP = re.compile(r"[*_`#>|]+|\]\([^)]*\)|\[|^\s*[-+]\s+|^\s*\d+\.\s+", re.MULTILINE)
SPACES = re.compile(r"\s+")
# Values that say nothing alone: shorter than this, they are found in any page by chance
# (language codes such as `lt` or `en`, which also name the site's own language).
SHORTEST = 4


@dataclass(frozen=True)
class Secret:
    """A value the public site must not show, and where it comes from."""

    text: str
    record: str
    place: str


def non_public_values(repository: Repository) -> list[Secret]:
    """Every value of the repository that its public view leaves out, unless the public site
    says it anyway: within a published value (a tag used on both kinds of record), a title or
    label of the schema, or the site's own words (`Bendruomenės` is a tag and a page)."""
    view = public_view(repository)
    said = [_schema_words(view.schema), *load_strings("lt").values()]
    for record in view.records:
        said.append(record.id)
        said.extend(_text(value) for _, value in _leaves(record.typed, ()))
    public = "\n".join(said).casefold()
    secrets = []
    for record in repository.records:
        shown = view.by_id.get(record.id)
        shown_places = {place for place, _ in _leaves(shown.typed, ())} if shown else set()
        if shown is None:
            secrets.append(Secret(record.id, record.id, "id"))
        fields = repository.schema.collections[record.collection].fields
        for place, value in _leaves(record.typed, ()):
            if place in shown_places or isinstance(value, bool) or _closed_vocabulary(fields, place):
                continue
            for probe in probes(_text(value)):
                if probe.casefold() not in public:
                    secrets.append(Secret(probe, record.id, ".".join(map(str, place))))
    return secrets


def _schema_words(schema) -> str:
    words = []
    for collection in schema.collections.values():
        words += [collection.title, collection.description]
        for field in _all_fields(collection.fields):
            words += [field.title, field.description, *field.enum_labels.values()]
    return "\n".join(words)


def _all_fields(fields):
    for field in fields.values():
        yield field
        yield from _all_fields(field.fields)


def probes(text: str) -> list[str]:
    """The value, and for a text of several lines each line as a page shows it (Markdown
    rendered: markup gone, spaces collapsed)."""
    found = [SPACES.sub(" ", text).strip()]
    if "\n" in text or MARKUP.search(text):
        for line in text.splitlines():
            plain = SPACES.sub(" ", MARKUP.sub(" ", line)).strip()
            if plain:
                found.append(plain)
    return [probe for probe in found if len(probe) >= SHORTEST]


def _closed_vocabulary(fields, place: tuple) -> bool:
    """An allowed value (`open`, `email`): a word of the schema, not of the data."""
    field = None
    for part in place:
        if isinstance(part, str):
            field = fields.get(part)
            fields = field.fields if field else {}
    return field is not None and field.enum is not None


def _leaves(value, place: tuple):
    if isinstance(value, dict):
        for name, item in value.items():
            yield from _leaves(item, place + (name,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _leaves(item, place + (index,))
    elif value is not None:
        yield place, value


def _text(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


SAVED_AT = re.compile(rb"<dcterms:(created|modified)\b[^>]*>[^<]*</dcterms:\1>")


def readable_text(path: Path, site: Path) -> str:
    """A file's text as its readers see it: unpacked, unescaped, unfolded; with its own path."""
    data = path.read_bytes()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    if path.suffix == ".xlsx":  # a zip of XML parts: the cells' text is in them
        with zipfile.ZipFile(io.BytesIO(data)) as workbook:
            data = b"\n".join(workbook.read(name) for name in workbook.namelist() if name.endswith(".xml"))
        # When the workbook was saved (the build's moment) is no value of a record, though it may
        # fall on a record's day.
        data = SAVED_AT.sub(b"", data)
    data = data.removeprefix(PAGEFIND_SIGNATURE)
    text = data.decode("utf-8", errors="replace")
    if path.suffix == ".json":
        text = json.dumps(json.loads(text), ensure_ascii=False)
    if path.suffix in (".vcf", ".ics"):
        text = text.replace("\r\n ", "").replace("\n ", "")
        text = re.sub(r"\\([,;\\])", r"\1", text).replace("\\n", "\n").replace("\\N", "\n")
    unescaped = html.unescape(text)
    flowing = SPACES.sub(" ", TAG.sub(" ", unescaped))
    return "\n".join((str(path.relative_to(site)), text, unescaped, flowing)).casefold()


def leaks(site: Path, secrets: list[Secret]) -> list[str]:
    """`file: value (record, field)` for every secret found in any file of the site."""
    found = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        text = readable_text(path, site)
        for secret in secrets:
            if secret.text.casefold() in text:
                found.append(f"{path.relative_to(site)}: {secret.text!r} ({secret.record}, {secret.place})")
    return found
