"""vCards (2.1, 3.0, 4.0) read into contact candidates, every value kept.

Values are unescaped as RFC 6350 (and 2426) says: commas and semicolons separate values only
in structured and list properties (N, ADR, ORG's units, CATEGORIES, NICKNAME), so a TITLE,
NOTE or FN keeps its commas. A value that has no field of its own is kept with a label, to go
into the notes; pictures and keys, and the address book's own bookkeeping (versions, ids, sort
keys), are skipped and counted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..language import _
from . import vcard_lines
from .vcard_lines import Property

BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}
# What the address book keeps for itself, not about the person.
BOOKKEEPING = {
    "PRODID", "REV", "UID", "KIND", "SORT-STRING", "CLASS", "NAME", "PROFILE",
    "SOURCE", "MAILER", "CLIENTPIDMAP", "XML", "X-ABUID", "X-ABSHOWAS", "X-ETAG", "X-ID",
    "X-FC-LIST-ID", "X-FC-TAGS", "X-GENERATOR", "X-MS-OL-DESIGN", "X-MS-OL-DEFAULT-POSTAL-ADDRESS",
    "X-EVOLUTION-FILE-AS", "X-COUCHDB-APPLICATION-ANNOTATIONS",
}
# Labels in the notes for values that have no field of their own.
LABELS = {
    "ADR": "Adresas", "LABEL": "Adresas", "X-ABADR": "Adresas", "URL": "Svetainė",
    "BDAY": "Gimimo data", "ANNIVERSARY": "Sukaktis", "X-ANNIVERSARY": "Sukaktis",
    "X-MS-ANNIVERSARY": "Sukaktis", "X-EVOLUTION-ANNIVERSARY": "Sukaktis", "X-ABDATE": "Data",
    "NICKNAME": "Slapyvardis", "ROLE": "Vaidmuo", "IMPP": "Pokalbiai", "X-MS-IMADDRESS": "Pokalbiai",
    "GEO": "Koordinatės", "TZ": "Laiko juosta", "GENDER": "Lytis", "X-GENDER": "Lytis",
    "FBURL": "Užimtumo kalendorius", "CALURI": "Kalendorius", "CALADRURI": "Kalendorius",
    "RELATED": "Susijęs asmuo", "X-ABRELATEDNAMES": "Susijęs asmuo",
    "X-MS-MANAGER": "Vadovas", "X-EVOLUTION-MANAGER": "Vadovas", "X-MS-ASSISTANT": "Asistentas",
    "X-EVOLUTION-ASSISTANT": "Asistentas", "X-SPOUSE": "Sutuoktinis", "X-MS-SPOUSE": "Sutuoktinis",
    "X-EVOLUTION-SPOUSE": "Sutuoktinis", "X-PHONETIC-FIRST-NAME": "Vardo tarimas",
    "X-PHONETIC-LAST-NAME": "Pavardės tarimas", "EXPERTISE": "Sritis", "HOBBY": "Pomėgis",
    "INTEREST": "Interesai", "X-MS-TEL": "Telefonas", "LANG": "Kalba", "AGENT": "Atstovas",
}
# Instant messengers, as older address books name them.
MESSENGERS = {
    "X-AIM": "AIM", "X-ICQ": "ICQ", "X-JABBER": "Jabber", "X-MSN": "MSN", "X-YAHOO": "Yahoo",
    "X-SKYPE": "Skype", "X-SKYPE-USERNAME": "Skype", "X-GTALK": "Google Talk",
    "X-GOOGLE-TALK": "Google Talk", "X-QQ": "QQ",
}
ABLABEL = re.compile(r"^_\$!<(.*)>!\$_$")  # Apple's built-in labels: `_$!<Anniversary>!$_`
LANGUAGE_CODE = re.compile(r"[a-z]{2}")


@dataclass
class Candidate:
    """One vCard's content, with where it came from."""

    number: int
    name: str = ""
    name_remark: str = ""  # how a name written surname first was read
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organization: str = ""
    units: list[str] = field(default_factory=list)  # the organisation's departments (ORG)
    titles: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    extras: list[tuple[str, str]] = field(default_factory=list)  # (label, value): for the notes
    skipped: list[str] = field(default_factory=list)
    problem: str = ""  # why the card cannot be used


def read_vcards(data: bytes) -> list[Candidate]:
    return [_candidate(number, properties) for number, properties in enumerate(vcard_lines.cards(data), 1)]


def _candidate(number: int, properties: list[Property]) -> Candidate:
    candidate = Candidate(number=number)
    labels = {prop.group: _ablabel(prop.value) for prop in properties if prop.name == "X-ABLABEL" and prop.group}
    names = [prop for prop in properties if prop.name == "FN" and vcard_lines.text(prop.value).strip()]
    structured = next((prop for prop in properties if prop.name == "N"), None)
    candidate.name, candidate.name_remark, honorifics = _name(names[0] if names else None, structured)
    if honorifics:
        candidate.extras.append(("Kreipinys", honorifics))
    for prop in properties:
        if prop.name in BINARY:
            candidate.skipped.append(prop.name.lower())
        elif prop.name in ("VERSION", "N", "X-ABLABEL"):
            continue  # the format's own; N is the parts of FN; labels name other values
        elif prop.name in BOOKKEEPING:
            candidate.skipped.append("bookkeeping")
        elif prop.name == "FN":
            if names and prop is not names[0] and vcard_lines.text(prop.value).strip():
                candidate.extras.append(("Kitas vardas", vcard_lines.text(prop.value).strip()))
        else:
            _fill(candidate, prop, labels.get(prop.group, ""))
    return candidate


def _name(formatted: Property | None, structured: Property | None) -> tuple[str, str, str]:
    """The name, how it was read (for the plan) and honorifics that had no place in it.

    FN is the name people see (N holds its parts); N is used only where there is no FN, its
    honorific prefixes and suffixes kept apart. `Žalienė, Rūta` (surname, comma, given name) is
    turned round when N says it is so, since the registry writes the given name first.
    """
    parts = (vcard_lines.components(structured.value) if structured else []) + [""] * 5
    family, given, additional, prefix, suffix = (
        " ".join(item.strip() for item in vcard_lines.items(part) if item.strip()) for part in parts[:5]
    )
    if formatted is None:
        honorifics = ", ".join(part for part in (prefix, suffix) if part)
        return " ".join(part for part in (given, additional, family) if part), "", honorifics
    written = " ".join(vcard_lines.text(formatted.value).split())
    surname, comma, rest = written.partition(",")
    if comma and "," not in rest and _same(surname, family) and _same(rest, f"{given} {additional}"):
        turned = f"{rest.strip()} {surname.strip()}"
        return turned, _("the name `{written}` (surname first, as N says) written `{turned}`").format(
            written=written, turned=turned), ""
    if comma:
        return written, _("the name `{written}` holds a comma and is kept as written").format(written=written), ""
    return written, "", ""


def _same(one: str, other: str) -> bool:
    return bool(one.strip()) and " ".join(one.casefold().split()) == " ".join(other.casefold().split())


def _ablabel(value: str) -> str:
    text = vcard_lines.text(value).strip()
    match = ABLABEL.match(text)
    return match.group(1) if match else text


def _fill(candidate: Candidate, prop: Property, group_label: str) -> None:
    name = prop.name
    if name == "EMAIL":
        _add(candidate.emails, vcard_lines.text(prop.value))
    elif name == "TEL":
        _add(candidate.phones, vcard_lines.text(prop.value).removeprefix("tel:"))
    elif name == "ORG":
        body, *units = [unit.strip() for unit in vcard_lines.components(prop.value)]
        if not candidate.organization and body:
            candidate.organization = body
            candidate.units += filter(None, units)
            return
        if body:
            candidate.extras.append(("Kita organizacija", body))
        for unit in filter(None, units):
            candidate.extras.append(("Padalinys", unit))
    elif name == "TITLE":
        _add(candidate.titles, vcard_lines.text(prop.value))
    elif name == "NOTE":
        _add(candidate.notes, vcard_lines.text(prop.value))
    elif name == "CATEGORIES":
        for item in vcard_lines.items(prop.value):
            _add(candidate.tags, item)
    elif name == "LANG" and LANGUAGE_CODE.fullmatch(vcard_lines.text(prop.value).strip().lower()):
        _add(candidate.languages, vcard_lines.text(prop.value).strip().lower())
    else:
        value = _shown(prop)
        if value:
            candidate.extras.append((_label(prop, group_label), value))


def _add(values: list[str], value: str) -> None:
    value = value.strip()
    if value and value not in values:
        values.append(value)


def _shown(prop: Property) -> str:
    """A value as a person would write it: an address's parts joined by commas."""
    if prop.name in ("ADR", "N", "GENDER"):
        parts = [", ".join(item.strip() for item in vcard_lines.items(part) if item.strip())
                 for part in vcard_lines.components(prop.value)]
        return ", ".join(part for part in parts if part)
    if prop.name == "NICKNAME":
        return ", ".join(item.strip() for item in vcard_lines.items(prop.value) if item.strip())
    return vcard_lines.text(prop.value).strip()


def _label(prop: Property, group_label: str) -> str:
    label = LABELS.get(prop.name) or ("Pokalbiai" if prop.name in MESSENGERS else _vendor_label(prop.name))
    kinds = ", ".join(filter(None, [MESSENGERS.get(prop.name, ""), group_label] + prop.types))
    return f"{label} ({kinds})" if kinds else label


def _vendor_label(name: str) -> str:
    """FullContact writes its labels hex-encoded in the property name."""
    if name.startswith("X-FCENCODED-"):
        try:
            return bytes.fromhex(name.removeprefix("X-FCENCODED-")).decode("utf-8").removeprefix("X-FC-")
        except ValueError:
            pass
    return name
