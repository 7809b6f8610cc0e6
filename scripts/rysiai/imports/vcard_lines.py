"""vCard content lines (RFC 2425/2426, RFC 6350 and vCard 2.1) read as address books write them.

A card is split into properties (`group.NAME;PARAM=value:value`) with their values decoded
(quoted-printable, the charset named) but not yet unescaped: which of `,` and `;` separate
values depends on the property, so unescaping is the caller's, with ``text``, ``components``
and ``items`` below. Real exports bend the standard: quoted-printable values broken with a
trailing `=`, base64 photos whose continuation lines are not indented, Windows-1252 text.
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field

PROPERTY = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)([;:])")
BINARY_ENCODINGS = {"BASE64", "B"}
# After a backslash: these stand for themselves; `n`/`N` for a line break (RFC 6350 3.4).
ESCAPED = {"\\": "\\", ",": ",", ";": ";", ":": ":", '"': '"', "n": "\n", "N": "\n"}


@dataclass
class Property:
    """One content line: its name (upper case), group, parameters and raw value."""

    name: str
    value: str
    group: str = ""
    params: dict[str, list[str]] = field(default_factory=dict)

    @property
    def types(self) -> list[str]:
        return [kind.lower() for kind in self.params.get("TYPE", []) if kind.lower() != "pref"]

    @property
    def binary(self) -> bool:
        return bool(BINARY_ENCODINGS & set(self.params.get("ENCODING", [])))


def cards(data: bytes) -> list[list[Property]]:
    """The properties of each card, BEGIN:VCARD to END:VCARD, in the order written.

    A file that is not UTF-8 is read byte by byte (Latin-1), and each value is then decoded
    in the charset it names, else as Windows-1252.
    """
    try:
        content, eight_bit = data.decode("utf-8-sig"), False
    except UnicodeDecodeError:
        content, eight_bit = data.decode("latin-1"), True
    found: list[list[Property]] = []
    open_cards: list[list[Property]] = []  # the card being read, and a card inside it (AGENT)
    for line in _logical_lines(content):
        prop = parse_line(line, eight_bit)
        if prop is None:
            continue
        if prop.name == "BEGIN" and prop.value.strip().upper() == "VCARD":
            open_cards.append([])
            if len(open_cards) == 1:
                found.append(open_cards[0])
        elif prop.name == "END" and prop.value.strip().upper() == "VCARD" and open_cards:
            inner = open_cards.pop()
            if open_cards:  # vCard 2.1 writes an AGENT's card inside the card: kept as one value
                shown = [text(p.value) for p in inner if p.name in ("FN", "TEL", "EMAIL") and p.value.strip()]
                open_cards[-1].append(Property(name="AGENT", value=", ".join(shown).replace("\\", "\\\\")))
        elif open_cards:
            open_cards[-1].append(prop)
    return found


def _logical_lines(text: str):
    """Unfolded lines: a line starting with a space or tab continues the one before (the space
    dropped); a quoted-printable value ending in `=` continues on the next line; lines after a
    base64 value that do not look like a property belong to it."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current: str | None = None
    base64 = False
    for line in lines:
        if current is not None:
            head = current.split(":", 1)[0].upper()
            if "QUOTED-PRINTABLE" in head and current.endswith("="):
                current = current[:-1] + line
                continue
            if line[:1] in (" ", "\t"):
                current += line[1:]
                continue
            if base64 and line.strip() and not PROPERTY.match(line):
                continue  # a picture's continuation, not indented (vCard 2.1 writers)
            yield current
        current = line if line.strip() else None
        base64 = current is not None and "BASE64" in current.split(":", 1)[0].upper()
    if current is not None:
        yield current


def parse_line(line: str, eight_bit: bool = False) -> Property | None:
    match = PROPERTY.match(line)
    if match is None:
        return None
    group, name = match.group(1) or "", match.group(2).upper()
    params: dict[str, list[str]] = {}
    rest = line[match.end(2):]
    while rest.startswith(";"):
        param, rest = _parameter(rest[1:])
        key, equals, values = param.partition("=")
        if not equals:  # vCard 2.1: `TEL;WORK;VOICE:`, `PHOTO;BASE64:`
            key, values = _bare_parameter(key), key
        key = key.upper()
        for value in _split_quoted(values):
            value = value.strip('"')
            params.setdefault(key, []).append(value.upper() if key in ("ENCODING", "CHARSET") else value)
    if not rest.startswith(":"):
        return None
    value = rest[1:]
    charset = (params.get("CHARSET") or [""])[0]
    if "QUOTED-PRINTABLE" in params.get("ENCODING", []):
        raw = quopri.decodestring(value.encode("latin-1" if eight_bit else "utf-8", errors="replace"))
        value = _decoded(raw, charset or "UTF-8")
    elif eight_bit:
        value = _decoded(value.encode("latin-1"), charset or "cp1252")
    return Property(name=name, value=value, group=group, params=params)


def _parameter(text: str) -> tuple[str, str]:
    """One parameter up to the next `;` or `:` outside double quotes, and the rest."""
    quoted = False
    for index, character in enumerate(text):
        if character == '"':
            quoted = not quoted
        elif character in ";:" and not quoted:
            return text[:index], text[index:]
    return text, ""


def _split_quoted(text: str) -> list[str]:
    return [part for part in re.findall(r'"[^"]*"|[^,]+', text)] or [""]


def _bare_parameter(word: str) -> str:
    upper = word.upper()
    if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT"):
        return "ENCODING"
    return "TYPE"


def _decoded(raw: bytes, charset: str) -> str:
    """Bytes in the charset a value names; Windows-1252 where that fails or is unknown, except
    for UTF-8 with a stray byte or two (phones cut values inside a letter), which stays UTF-8."""
    try:
        return raw.decode(charset)
    except LookupError:
        pass
    except UnicodeDecodeError:
        text = raw.decode(charset, errors="replace")
        if text.count("\ufffd") * 20 < len(text):
            return text
    return raw.decode("cp1252", errors="replace")


def text(raw: str) -> str:
    """A text value unescaped: `\\,` `\\;` `\\\\` `\\n` (and `\\:` `\\"`, which some write);
    any other backslash stays as written."""
    return _unescape(raw)


def components(raw: str) -> list[str]:
    """A structured value's components (N, ADR, ORG): split at each `;` not escaped."""
    return [_unescape(part) for part in _split_unescaped(raw, ";")]


def items(raw: str) -> list[str]:
    """A list value's items (CATEGORIES, NICKNAME, an ADR or N component): split at each `,`
    not escaped."""
    return [_unescape(part) for part in _split_unescaped(raw, ",")]


def _split_unescaped(raw: str, separator: str) -> list[str]:
    parts, start, index = [], 0, 0
    while index < len(raw):
        if raw[index] == "\\":
            index += 2
            continue
        if raw[index] == separator:
            parts.append(raw[start:index])
            start = index + 1
        index += 1
    parts.append(raw[start:])
    return parts


def _unescape(raw: str) -> str:
    out, index = [], 0
    while index < len(raw):
        character = raw[index]
        if character == "\\" and index + 1 < len(raw) and raw[index + 1] in ESCAPED:
            out.append(ESCAPED[raw[index + 1]])
            index += 2
            continue
        out.append(character)
        index += 1
    return "".join(out)
