"""vCards as address books write them (2.1, 3.0, 4.0) read into contact candidates.

Real exports bend the standard: quoted-printable values broken over lines with a trailing `=`,
base64 photos whose continuation lines are not indented, Windows-1252 text. The text is
straightened first, then parsed by vobject; photos are skipped (and said so).
"""

from __future__ import annotations

import quopri
import re
from dataclasses import dataclass, field

import vobject

PROPERTY = re.compile(r"^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)([;:])")
BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}
DROPPED = {"PROFILE"}  # vCard 2.1/3.0 noise that vobject refuses


@dataclass
class Candidate:
    """One vCard's usable content, with where it came from."""

    number: int
    name: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organization: str = ""
    title: str = ""
    note: str = ""
    skipped: list[str] = field(default_factory=list)


def decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def straighten(text: str) -> tuple[str, list[str]]:
    """Join quoted-printable soft line breaks, drop binary properties; return the text and notes."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out: list[str] = []
    notes: list[str] = []
    skipping = False
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        match = PROPERTY.match(line)
        if skipping:
            if match is None or line.startswith((" ", "\t")):
                continue  # a photo's continuation, indented or not
            skipping = False
        if match is None:
            if line.startswith((" ", "\t")) and out:
                out.append(line)  # ordinary folding, vobject unfolds it
            continue  # blank or stray lines
        name = match.group(1).upper()
        if name in BINARY:
            skipping = True
            notes.append(name.lower())
            continue
        if name in DROPPED:
            continue
        if "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper():
            while line.endswith("=") and index < len(lines):
                line = line[:-1] + lines[index]
                index += 1
        out.append(line)
    return "\n".join(out) + "\n", notes


def read_vcards(data: bytes) -> list[Candidate]:
    candidates = []
    blocks = re.split(r"(?im)^(?=BEGIN:VCARD)", decode(data))
    number = 0
    for block in blocks:
        if not block.strip().upper().startswith("BEGIN:VCARD"):
            continue
        number += 1
        block_text, skipped = straighten(block)
        candidate = Candidate(number=number, skipped=skipped)
        try:
            card = vobject.readOne(block_text, ignoreUnreadable=True)
        except Exception as error:  # vobject raises several kinds on broken input
            candidate.note = f"unreadable: {error}"
            candidates.append(candidate)
            continue
        _fill(candidate, card)
        candidates.append(candidate)
    return candidates


def _value(line) -> str:
    value = line.value
    if isinstance(value, list):
        value = " ".join(
            ", ".join(p.strip() for p in part) if isinstance(part, list) else str(part) for part in value if part
        )
    value = str(value)
    encoding = {str(v).upper() for v in line.params.get("ENCODING", [])} | {
        str(k).upper() for k in getattr(line, "singletonparams", [])
    }
    if "QUOTED-PRINTABLE" in encoding:
        charset = (line.params.get("CHARSET") or ["utf-8"])[0]
        value = quopri.decodestring(value.encode("latin-1", errors="replace")).decode(charset, errors="replace")
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def _fill(candidate: Candidate, card) -> None:
    contents = card.contents
    if "fn" in contents:
        candidate.name = _value(contents["fn"][0])
    if not candidate.name and "n" in contents:
        name = contents["n"][0].value
        if isinstance(name, vobject.vcard.Name):
            candidate.name = " ".join(part for part in (name.given, name.additional, name.family) if part).strip()
        else:
            candidate.name = _value(contents["n"][0]).replace(";", " ").strip()
    candidate.emails = [_value(line) for line in contents.get("email", []) if _value(line)]
    candidate.phones = [_value(line).removeprefix("tel:") for line in contents.get("tel", []) if _value(line)]
    if "org" in contents:
        candidate.organization = _value(contents["org"][0])
    if "title" in contents:
        candidate.title = _value(contents["title"][0])
    notes = [_value(line) for line in contents.get("note", []) if _value(line)]
    candidate.note = "\n\n".join(notes)
