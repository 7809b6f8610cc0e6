"""Finding people in free text: a full name (word by word, in any letter case, with or without
diacritics, given name or surname first, in any of the seven grammatical cases: `Agnei
Vilkaitei`), an e-mail address, a phone number (its last eight digits, however it is written:
spaces, hyphens, dots, slashes, brackets, with or without +370, 8 or 0 before them).

Texts are searched in Unicode's composed form (NFC), so a name pasted in decomposed letters is
found too, both as written and as a reader sees them (`words.reading`: `Ag\u00adnė`, `Ag**nė**`,
`Agn&#279;`, `agne%40ccre.org`); a place found as read is given where it is written. Both words
of a name must stand together and in the same case, so a common word that equals one of them
(`Linas`, `lino`) names no one. `possible_mentions` lists words that start like the surname,
for a person to judge.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ..loading import Record
from ..words.contact_points import PHONE_DIGITS, phone_key
from ..words.declension import name_forms
from ..words.names import fold
from ..words.reading import reader_text, reader_view

WORD = re.compile(r"\w+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# What people write between the digits of a number: spaces (also no-break ones), hyphens and
# dashes, dots, slashes, brackets; up to three together (`8 - 608`, `8 (608)`).
SEPARATORS = " \u00a0\u2009\u202f()./\\-\u2010-\u2014"
NUMBER = re.compile(rf"\+?\d(?:[{SEPARATORS}]{{0,3}}\d)*")
NOT_DIGIT = re.compile(r"\D")
# Numbers are looked for where eight digits stand close together.
CLOSE_DIGITS = re.compile(r"\d(?:\D{0,3}\d){7}")
PREFIXES = ("370", "00370", "8", "0")  # what may stand before the national number
PREFIX_APART = re.compile(rf"(\+?)(\d+)[{SEPARATORS}]+$")  # the last group of digits before a number
# Between the words of a name: spaces or an apostrophe (`O'Connor`); or hyphens only, as in an
# id or a link to the person's page (`agne-vilkaite`).
NAME_GAP = re.compile(r"\s+|['’]")
ID_GAP = "-"
JOINED = re.compile(r"-\w")  # a name that goes on with a hyphen is another name (`Petraitienė-Kazlauskienė`)
STEM_FROM = 6  # surnames this long or longer are looked for by their stem as well


@dataclass(frozen=True)
class Span:
    """Where in a text a person is named, how (`name`, `email`, `phone`), and who."""

    start: int
    end: int
    what: str
    person: Record


class PeopleIndex:
    """Names, e-mails and phones of some people, to look them up in texts word by word."""

    def __init__(self, people: list[Record] = ()):
        self.names: dict[tuple[str, ...], Record] = {}
        self.first_words: set[str] = set()
        self.first_pairs: set[tuple[str, str]] = set()  # the first two words of each name
        self.emails: dict[str, Record] = {}
        self.phones: dict[str, Record] = {}
        self.longest = 0
        for person in people:
            self.add(person)

    def __bool__(self) -> bool:
        return bool(self.names or self.emails or self.phones)

    def add(self, person: Record) -> None:
        name = person.typed.get("name")
        if isinstance(name, str):
            words = tuple(WORD.findall(fold(self.searched_form(name))))
            if len(words) >= 2:  # a first name alone is too common to mean this person
                # Every case, as written and surname first (as lists have it); the name as
                # written wins over another person's declined form that looks the same.
                for variant in name_forms(name):
                    if variant in (words, (words[-1], *words[:-1])):
                        self.names[variant] = person
                    else:
                        self.names.setdefault(variant, person)
                    self.first_words.add(variant[0])
                    self.first_pairs.add(variant[:2])
                self.longest = max(self.longest, len(words))
        email = person.typed.get("email")
        if isinstance(email, str) and "@" in email:
            self.emails[email.strip().casefold()] = person
        phone = phone_key(person.typed.get("phone"))
        if phone:
            self.phones[phone] = person

    @staticmethod
    def searched_form(text: str) -> str:
        """The form spans refer to: Unicode NFC (what most editors write)."""
        return unicodedata.normalize("NFC", text)

    def spans(self, text: str) -> list[Span]:
        """Every place the searched form of ``text`` names one of the people, as written or as
        read (see the module's docstring), in reading order."""
        text = self.searched_form(text)
        found = self._spans_as_written(text)
        # The view's places are worked out only where the text as read names someone.
        seen = reader_text(text)
        if seen is not None and self._spans_as_written(seen):
            view = reader_view(text)
            for span in self._spans_as_written(view.text):
                start, end = view.written_span(span.start, span.end)
                found.append(Span(start, end, span.what, span.person))
        return _without_overlaps(found)

    def search_keys(self) -> set[str]:
        """What a text must hold to name one of the people (see ``search_keys``)."""
        return self.first_words | {f"@{email}" for email in self.emails} | {f"#{phone}" for phone in self.phones}

    def _spans_as_written(self, text: str) -> list[Span]:
        found = []
        # Most texts name nobody: a set test on their pairs of words settles them.
        words = WORD.findall(fold(text)) if self.names else []
        if words and not self.first_pairs.isdisjoint(zip(words, words[1:])):
            found += self._name_spans(text)
        if self.emails and "@" in text:
            for match in EMAIL.finditer(text):
                person = self.emails.get(match.group().casefold())
                if person is not None:
                    found.append(Span(match.start(), match.end(), "email", person))
        if self.phones and CLOSE_DIGITS.search(text) and self._may_hold_a_number(text):
            for match in NUMBER.finditer(text):
                found += self._phone_spans(match)
        return found

    def named_in_id(self, record_id: str) -> list[Record]:
        """The people whose name an id spells out (`2025-01-susitikimas-su-agne-vilkaite`)."""
        words = record_id.split("-")
        found = []
        for start in range(len(words)):
            if words[start] in self.first_words:
                for length in range(2, min(self.longest, len(words) - start) + 1):
                    person = self.names.get(tuple(words[start : start + length]))
                    if person is not None and person.id != record_id:
                        found.append(person)
        return found

    def _name_spans(self, text: str) -> list[Span]:
        found = []
        folded_text = fold(text)
        if len(folded_text) == len(text):  # one fold of the whole text, its places unmoved
            words = list(WORD.finditer(folded_text))
            folded = [word.group() for word in words]
        else:  # a letter folded into two (ß → ss): word by word
            words = list(WORD.finditer(text))
            folded = [fold(word.group()) for word in words]
        for start in range(len(words)):
            if folded[start] not in self.first_words:
                continue
            for length in range(2, min(self.longest, len(words) - start) + 1):
                person = self.names.get(tuple(folded[start : start + length]))
                if person is None:
                    continue
                gaps = [text[a.end() : b.start()] for a, b in zip(words[start:], words[start + 1 : start + length])]
                begin, end = words[start].start(), words[start + length - 1].end()
                if all(gap == ID_GAP for gap in gaps):
                    found.append(Span(begin, end, "name", person))
                elif all(NAME_GAP.fullmatch(gap) for gap in gaps) and not (
                    JOINED.match(text, end) or (begin > 1 and text[begin - 1] == "-" and text[begin - 2].isalnum())
                ):
                    found.append(Span(begin, end, "name", person))
        return found

    def _may_hold_a_number(self, text: str) -> bool:
        """False when no eight digits of ``text`` in a row (separators left out) are a number
        of the people: most texts with digits (dates, codes) are settled here at once."""
        only = NOT_DIGIT.sub("", text)
        return any(only[i : i + PHONE_DIGITS] in self.phones for i in range(len(only) - PHONE_DIGITS + 1))

    def _phone_spans(self, match: re.Match) -> list[Span]:
        """The people's numbers within one run of digits: eight digits that end a group (the
        run may go on: `8 608 27341 2026`), with the prefix before them if it is one."""
        text, offset = match.group(), match.start()
        only = NOT_DIGIT.sub("", text)
        if not any(only[i : i + PHONE_DIGITS] in self.phones for i in range(len(only) - PHONE_DIGITS + 1)):
            return []  # most runs (dates, codes) hold nobody's number: settled without the walk
        digits = [(i, c) for i, c in enumerate(text) if c.isdigit()]
        found = []
        for first in range(len(digits) - PHONE_DIGITS + 1):
            last = first + PHONE_DIGITS - 1
            key = "".join(c for _, c in digits[first : last + 1])
            person = self.phones.get(key)
            end = digits[last][0] + 1
            if person is None or (end < len(text) and text[end].isdigit()):
                continue
            start = digits[first][0]
            group_start = start
            while group_start > 0 and text[group_start - 1].isdigit():
                group_start -= 1
            if text[group_start:start] not in ("", *PREFIXES):
                continue  # inside a longer number
            start = group_start
            # A prefix written apart (`+370 608 27341`, `8-608-27341`) belongs to the number.
            apart = PREFIX_APART.search(text[:start])
            if apart and apart.group(2) in PREFIXES:
                start = apart.start()
            elif apart and apart.group(1) == "+":
                continue  # another country's number (`+371 61234567`)
            elif start > 0 and text[start - 1] in "-./" and text[:start - 1][-1:].isdigit():
                continue  # the end of a date or a decimal number, not a phone number
            elif text[:start].endswith("+"):
                start -= 1
            if match.string[offset + start - 1 : offset + start] == "(" and ")" in text[start:end].split("(")[0]:
                start -= 1  # `(8 608) 27341`: the bracket the number opens with
            found.append(Span(offset + start, offset + end, "phone", person))
        return found


def search_keys(text: str) -> tuple[str, ...]:
    """What ``text`` could name anyone by, as written and as read: its words, folded; the
    e-mail addresses in it (`@…`); where eight digits stand close together, every eight of its
    digits in a row (`#…`). ``PeopleIndex.spans`` finds a person in a text only where the
    person's ``PeopleIndex.search_keys`` and these meet, so a text whose keys meet none of some
    people's is searched the same with or without them."""
    text = PeopleIndex.searched_form(text)
    keys: set[str] = set()
    seen = reader_text(text)
    for form in (text, seen) if seen is not None else (text,):
        keys.update(WORD.findall(fold(form)))
        if "@" in form:
            keys.update(f"@{match.group().casefold()}" for match in EMAIL.finditer(form))
        if CLOSE_DIGITS.search(form):
            only = NOT_DIGIT.sub("", form)
            keys.update(f"#{only[i : i + PHONE_DIGITS]}" for i in range(len(only) - PHONE_DIGITS + 1))
    return tuple(sys.intern(key) for key in keys)  # a server keeps them for every text: words repeat


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """In reading order; spans that overlap (a name inside an e-mail address) made one."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if kept and span.start < kept[-1].end:
            last = kept[-1]
            longer = span if span.end - span.start > last.end - last.start else last
            kept[-1] = Span(last.start, max(last.end, span.end), longer.what, longer.person)
            continue
        kept.append(span)
    return kept


def possible_mentions(text: str, person: Record, known: list[Span]) -> list[tuple[int, str]]:
    """Words of ``text`` (its searched form), with where they start, that start like the
    person's surname (`Vilkaitei`, `Vilkaitės` for Vilkaitė) outside the places already found:
    for a person to read, never changed."""
    name = person.typed.get("name")
    words = WORD.findall(name) if isinstance(name, str) else []
    if len(words) < 2 or len(words[-1]) < STEM_FROM:
        return []
    stem = fold(words[-1])[:-2]
    return [
        (word.start(), word.group())
        for word in WORD.finditer(PeopleIndex.searched_form(text))
        if fold(word.group()).startswith(stem)
        and not any(span.start <= word.start() < span.end for span in known)
    ]


BLOCK_SCALAR = re.compile(r":[ \t]*[|>][+-]?[0-9]?[+-]?[ \t]*(#.*)?$")  # `notes: |`, `>-`, `|2-`


def text_line(root: Path, record: Record, place: tuple, text: str, offset: int) -> int:
    """The line of the character at ``offset`` of a text value: inside a `|` or `>` block, the
    block's own line (of a `>` block, the first line of its paragraph), else the value's line."""
    line = record.line_of(*place)
    if not record.path.endswith(".yaml"):
        return line
    try:
        lines = (root / record.path).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError):
        return line
    if 0 < line <= len(lines) and BLOCK_SCALAR.search(lines[line - 1]):
        return line + 1 + text[:offset].count("\n")
    return line
