"""Possible duplicates: people or organisations sharing an e-mail or phone, or near-identical names.

Comparing every name with every other grows with the square of the records, so names are only
compared within blocks (after folding case and diacritics). A block is keyed by one whole word of
the name and the first three letters of another ("jonas|pet"): two near-identical names share a
key unless both differ in their first letters, and a common word such as "Jonas" or
"savivaldybė" makes no large block on its own, which keeps the cost linear in the records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from ..findings import Finding, catalogue
from ..loading import Record
from ..repository import Repository
from ..words.contact_points import normalize_phone
from ..words.names import name_key

SIMILAR_NAMES = 92  # rapidfuzz ratio, 0–100; "Petraitis" and "Petraitys" score above it
LARGEST_BLOCK = 2000


def check(repository: Repository) -> Iterator[Finding]:
    for name, collection in repository.schema.collections.items():
        if "name" not in collection.fields:
            continue
        records = repository.collection(name)
        pairs: dict[tuple[int, int], str] = {}
        _same_contact_points(records, pairs)
        _similar_names(records, pairs)
        for (first, second), reason in sorted(pairs.items()):
            later, earlier = records[second], records[first]
            yield catalogue.POSSIBLE_DUPLICATE(
                path=later.path,
                line=later.line,
                record=later.id,
                collection=name,
                other=earlier.id,
                other_path=earlier.path,
                reason=reason,
            )


def _same_contact_points(records: list[Record], pairs: dict) -> None:
    seen: dict[tuple[str, str], int] = {}
    for index, record in enumerate(records):
        for field in ("email", "phone"):
            value = record.typed.get(field)
            if not isinstance(value, str):
                continue
            key = value.strip().lower() if field == "email" else (normalize_phone(value) or value)
            first = seen.setdefault((field, key), index)
            if first != index:
                pairs.setdefault((first, index), f"the same {field} {value}")


def _similar_names(records: list[Record], pairs: dict) -> None:
    names = [name_key(record.typed.get("name") or "") for record in records]
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, name in enumerate(names):
        for key in _block_keys(name):
            blocks[key].append(index)
    for members in blocks.values():
        if len(members) < 2 or len(members) > LARGEST_BLOCK:
            continue
        block_names = [names[index] for index in members]
        for row, name in enumerate(block_names[:-1]):
            later = block_names[row + 1 :]
            for _, _, col in process.extract_iter(
                name, later, scorer=fuzz.ratio, score_cutoff=SIMILAR_NAMES
            ):
                first, second = members[row], members[row + 1 + col]
                same = names[first] == names[second]
                pairs.setdefault((first, second), "the same name" if same else "near-identical names")


def _block_keys(folded_name: str) -> set[str]:
    words = folded_name.split()
    if len(words) < 2:
        return set(words)
    return {
        f"{word}|{other[:3]}"
        for i, word in enumerate(words)
        for j, other in enumerate(words)
        if i != j
    }
