"""References: each names an existing record of a collection the field allows.

A missing id gets a hint ("did you mean `talsi`?"). Comparing it with every id would cost the
number of records for each bad reference (20,000 rows referring to one missing id took 87 s),
so the ids are indexed once, by their words and the first and last three letters of each, and
a missing id is compared only with the ids that share such a key; each missing id is looked up
once, however many records refer to it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from ..findings import Finding, catalogue
from ..language import _, one_of
from ..loading.record import location
from ..repository import Repository, references
from ..schema import Field
from ..words.ids import ERASED_PERSON

SIMILAR = 75  # rapidfuzz ratio, 0–100: as close as difflib's 0.75 that the hint used before
# A key shared by more ids than this (a common word) says little; it is left out of the search,
# which keeps each look-up bounded whatever the number of records.
LARGEST_KEY = 500


def check(repository: Repository) -> Iterator[Finding]:
    hints = _Hints(repository)
    for record, field, value, place in references(repository):
        if value == ERASED_PERSON:  # a person erased with `rysiai forget`
            continue
        target = repository.by_id.get(value)
        allowed = one_of(list(field.references))
        if target is None:
            yield catalogue.REFERENCE(
                **location(record, place), value=value, allowed=allowed, hint=hints(value, field)
            )
        elif target.collection not in field.references:
            yield catalogue.REFERENCE_KIND(
                **location(record, place), value=value, found=target.collection, allowed=allowed
            )


class _Hints:
    """"Did you mean" for missing ids, from an index built when the first one is met."""

    def __init__(self, repository: Repository):
        self.repository = repository
        self.indexes: dict[tuple[str, ...], dict[str, list[str]]] = {}
        self.known: dict[tuple[str, tuple[str, ...]], str] = {}

    def __call__(self, value: str, field: Field) -> str:
        collections = field.references
        if (value, collections) not in self.known:
            self.known[value, collections] = self._hint(value, collections)
        return self.known[value, collections]

    def _hint(self, value: str, collections: tuple[str, ...]) -> str:
        index = self.indexes.get(collections)
        if index is None:
            index = self.indexes[collections] = _index(
                record.id for record in self.repository.records if record.collection in collections
            )
        candidates: dict[str, None] = {}
        for key in _keys(value):
            ids = index.get(key, ())
            if len(ids) <= LARGEST_KEY:
                candidates.update(dict.fromkeys(ids))
        best = process.extractOne(value, list(candidates), scorer=fuzz.ratio, score_cutoff=SIMILAR)
        return _("did you mean `{suggestion}`?").format(suggestion=best[0]) if best else ""


def _index(ids) -> dict[str, list[str]]:
    index: dict[str, list[str]] = defaultdict(list)
    for record_id in ids:
        for key in _keys(record_id):
            index[key].append(record_id)
    return index


def _keys(record_id: str) -> set[str]:
    """Each word of an id, and the first and the last three letters of each word."""
    keys = set()
    for word in record_id.split("-"):
        if word:
            keys.update((word, "<" + word[:3], word[-3:] + ">"))
    return keys
