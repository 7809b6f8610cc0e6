"""Which records a record may duplicate, found through an index instead of a walk over every
record: the records of its collection that share a word of its name, its e-mail or its phone.
The duplicate check then runs on those few. Kept up to date record by record as files are read
again, since looking at every other record (and parsing its phone) on each save grew with the
repository."""

from __future__ import annotations

from collections import Counter, defaultdict

from ..loading import Record
from ..schema import Schema
from ..words.contact_points import normalize_phone
from ..words.names import fold


def name_words(name: str) -> set[str]:
    """A name's folded words, as the candidates are compared by (`Žalienė, R.` → žaliene, r)."""
    return set(fold(name).replace(",", " ").replace(".", " ").split())


def contact_keys(record: Record) -> set[str]:
    """A record's e-mail (letter case aside) and phone (as E.164 where it reads as one)."""
    keys = set()
    email = str(record.typed.get("email") or "").strip().lower()
    if email:
        keys.add("email:" + email)
    phone = record.typed.get("phone")
    if phone:
        keys.add("phone:" + str(normalize_phone(str(phone)) or phone))
    return keys


class LookAlikes:
    """Record ids by their collection and each of their name's words, e-mail and phone."""

    def __init__(self, schema: Schema, records: list[Record]):
        self._named = {name for name, collection in schema.collections.items() if "name" in collection.fields}
        # Counted: two records may share an id (an error of its own), and one leaving keeps the other.
        self._ids: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        self._keys: dict[int, set[tuple[str, str]]] = {}  # what each record (by identity) was filed under
        self.add(records)

    def add(self, records: list[Record]) -> None:
        for record in records:
            if record.collection not in self._named:
                continue
            keys = {(record.collection, key) for key in self._record_keys(record)}
            self._keys[id(record)] = keys
            for key in keys:
                self._ids[key][record.id] += 1

    def remove(self, records: list[Record]) -> None:
        for record in records:
            for key in self._keys.pop(id(record), ()):
                ids = self._ids.get(key)
                if ids is not None:
                    ids[record.id] -= 1
                    if ids[record.id] <= 0:
                        del ids[record.id]
                    if not ids:
                        del self._ids[key]

    def of(self, record: Record) -> set[str]:
        """The ids of the other records of ``record``'s collection that share a key with it."""
        found: set[str] = set()
        for key in self._record_keys(record, name=str(record.typed.get("name") or "")):
            found.update(self._ids.get((record.collection, key), ()))
        found.discard(record.id)
        return found

    @staticmethod
    def _record_keys(record: Record, name: str | None = None) -> set[str]:
        words = name_words(record.label if name is None else name)
        return {"word:" + word for word in words} | contact_keys(record)
