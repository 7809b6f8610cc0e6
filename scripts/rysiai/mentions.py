"""Finding people in free text: a full name (word by word, any case), an e-mail address, a phone
number (its last eight digits, however it is spaced). Inflected names (`Agnei Vilkaitei`) are not
found as such; `possible_mentions` lists words that start like the surname, for a person to judge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from .loading import Record
from .schema import Field

WORD = re.compile(r"\w+")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\d[\d ()-]{6,}\d")
DIGIT_RUN = re.compile(r"\d\d\d")  # numbers are looked for where three digits stand together
PHONE_DIGITS = 8  # a Lithuanian national number; enough to tell numbers apart here
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
            words = tuple(word.casefold() for word in WORD.findall(name))
            if len(words) >= 2:  # a first name alone is too common to mean this person
                self.names[words] = person
                self.first_words.add(words[0])
                self.longest = max(self.longest, len(words))
        email = person.typed.get("email")
        if isinstance(email, str) and "@" in email:
            self.emails[email.casefold()] = person
        phone = phone_key(person.typed.get("phone"))
        if phone:
            self.phones[phone] = person

    def spans(self, text: str) -> list[Span]:
        """Every place ``text`` names one of the people, in reading order."""
        found = []
        # Most texts name nobody: a set test on their words settles them.
        if self.names and not self.first_words.isdisjoint(WORD.findall(text.casefold())):
            found += self._name_spans(text)
        if self.emails and "@" in text:
            for match in EMAIL.finditer(text):
                person = self.emails.get(match.group().casefold())
                if person is not None:
                    found.append(Span(match.start(), match.end(), "email", person))
        if self.phones and DIGIT_RUN.search(text):
            for match in PHONE.finditer(text):
                person = self.phones.get(phone_key(match.group()) or "")
                if person is not None:
                    found.append(Span(match.start(), match.end(), "phone", person))
        return sorted(found, key=lambda span: span.start)

    def _name_spans(self, text: str) -> list[Span]:
        found = []
        words = list(WORD.finditer(text))
        folded = [word.group().casefold() for word in words]
        for start in range(len(words)):
            if folded[start] not in self.first_words:
                continue
            for length in range(2, min(self.longest, len(words) - start) + 1):
                person = self.names.get(tuple(folded[start : start + length]))
                if person is not None:
                    found.append(Span(words[start].start(), words[start + length - 1].end(), "name", person))
        return found


def phone_key(value) -> str | None:
    digits = re.sub(r"\D", "", value) if isinstance(value, str) else ""
    return digits[-PHONE_DIGITS:] if len(digits) >= PHONE_DIGITS else None


def possible_mentions(text: str, person: Record, known: list[Span]) -> list[str]:
    """Words of ``text`` that start like the person's surname (`Vilkaitei`, `Vilkaitės` for
    Vilkaitė) outside the places already found: for a person to read, never changed."""
    name = person.typed.get("name")
    words = WORD.findall(name) if isinstance(name, str) else []
    if len(words) < 2 or len(words[-1]) < STEM_FROM:
        return []
    stem = words[-1][:-2].casefold()
    return [
        word.group()
        for word in WORD.finditer(text)
        if word.group().casefold().startswith(stem)
        and not any(span.start <= word.start() < span.end for span in known)
    ]


def texts_of(value: dict, fields: dict[str, Field], place: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text of a record's typed values, with its place; references (ids) left out."""
    for name, item in value.items():
        field = fields.get(name)
        if field is None or field.references:
            continue
        if field.type == "array":
            for index, sub in enumerate(item):
                yield from texts_of(sub, field.fields, place + (name, index))
        elif isinstance(item, list):
            yield from ((place + (name, index), text) for index, text in enumerate(item) if isinstance(text, str))
        elif isinstance(item, str):
            yield place + (name,), item
