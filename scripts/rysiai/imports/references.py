"""Records named in an import (`Prienų r. savivaldybė`, `UAB „Gija“`) found by their name.

Names are compared folded: letter case, diacritics, quotes and legal-form words (UAB, VšĮ,
AB, SIA, GmbH…) aside, words in any order. An exact folded match must be unique; else a near
match (rapidfuzz) is taken when it is the only one that near, and reported as such.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from ..language import _, one_of
from ..repository import Repository
from ..words.names import fold, name_key

NEAR = 90  # rapidfuzz ratio of the folded names, 0–100
QUOTES = re.compile("[\"'„“”‟«»‚‘’‹›`]")
PUNCTUATION = re.compile(r"[^\w\s]")
# Legal forms, folded: Lithuanian (short and long), then those of neighbours and partners.
LEGAL_FORMS = re.compile(
    r"\b(?:uzdaroji akcine bendrove|akcine bendrove|viesoji istaiga|valstybes imone|"
    r"savivaldybes imone|biudzetine istaiga|mazoji bendrija|individuali imone|"
    r"zemes ukio bendrove|komanditine ukine bendrija|tikroji ukine bendrija|"
    r"uab|ab|vsi|vi|bi|mb|ii|zub|kb|tub|sia|as|ou|oy|oyj|gmbh|ag|ev|ltd|llc|inc|plc|"
    r"sp z o o|sp zoo|s a|sa|srl|bv|nv)\b"
)


def organization_key(name: str) -> str:
    """`UAB „Gija“` → `gija`; `Prienų rajono savivaldybė` → `prienu rajono savivaldybe`."""
    text = PUNCTUATION.sub(" ", QUOTES.sub(" ", fold(name)))
    return name_key(LEGAL_FORMS.sub(" ", " ".join(text.split())))


@dataclass(frozen=True)
class Found:
    """What a name was taken for: a record id, or None and why not."""

    id: str | None
    why: str = ""  # why nothing was taken, or how a near match was made


class ReferenceIndex:
    """The records of some collections, by id and by folded name."""

    def __init__(self, repository: Repository, collections: tuple[str, ...]):
        self.labels: dict[str, str] = {}
        self.by_key: dict[str, set[str]] = {}
        for record in repository.records:
            if record.collection in collections:
                self.labels[record.id] = record.label
                key = organization_key(record.label)
                if key:
                    self.by_key.setdefault(key, set()).add(record.id)
        self.keys = list(self.by_key)
        self.collections = list(collections)

    def find(self, text: str) -> Found:
        """By id, by name, by id in other letter case (`TALSI`), then by a name near enough."""
        if text in self.labels:
            return Found(text)
        key = organization_key(text)
        exact = self.by_key.get(key, set())
        if len(exact) == 1:
            return Found(next(iter(exact)))
        if exact:
            return Found(None, _("several records have that name: {ids}").format(ids=", ".join(sorted(exact))))
        if text.strip().casefold() in self.labels:
            return Found(text.strip().casefold())
        if not key:
            return Found(None, self._none())
        near = process.extract(key, self.keys, scorer=fuzz.ratio, score_cutoff=NEAR, limit=3)
        ids = sorted({record_id for found, _score, _index in near for record_id in self.by_key[found]})
        if len(ids) == 1:
            return Found(ids[0], _("a near match for `{name}`").format(name=self.labels[ids[0]]))
        if ids:
            return Found(None, _("it is near several records: {ids}").format(ids=", ".join(ids)))
        return Found(None, self._none())

    def _none(self) -> str:
        return _("no record of {collections} has that name").format(collections=one_of(self.collections))
