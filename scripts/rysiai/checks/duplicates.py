"""Possible duplicates: people or organisations sharing an e-mail or phone, or near-identical names.

Records that may be one are reported as a group, once: one finding on the group's first record
names the others (the first ten, and how many more), so 120 names shared by 14,000 contacts give
120 findings, not 800,000 pairs. Groups are found in time linear in the records: records with
the same e-mail, phone or folded name fall into the same group through a dictionary; only the
distinct names are compared with each other, and only within blocks (after folding case and
diacritics). A block is keyed by one whole word of the name and the first three letters of
another ("jonas|pet"): two near-identical names share a key unless both differ in their first
letters, and a common word such as "Jonas" or "savivaldybė" makes no large block on its own.
Near-identical names join a group through each other ("Petraitis", "Petraitys", "Petraitė").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from ..findings import Finding, Phrase, catalogue
from ..findings.wording import shown
from ..language import N_, _, all_of, ngettext
from ..loading import Record
from ..repository import Repository
from ..words.contact_points import normalize_phone
from ..words.names import name_key

SIMILAR_NAMES = 92  # rapidfuzz ratio, 0–100; "Petraitis" and "Petraitys" score above it
LARGEST_BLOCK = 2000  # distinct names in one block; a larger one is not compared within
MOST_LISTED = 10  # the other members a finding names; the rest are counted
SAME = {"email": N_("the same email {value}"), "phone": N_("the same phone {value}")}


def check(repository: Repository) -> Iterator[Finding]:
    for name, collection in repository.schema.collections.items():
        if "name" not in collection.fields:
            continue
        records = repository.collection(name)
        groups: dict[tuple[int, ...], list[str]] = defaultdict(list)
        for members, reason in (*_same_contact_points(records), *_similar_names(records)):
            groups[members].append(reason)
        for members, reasons in sorted(groups.items()):
            yield _finding(name, [records[index] for index in members], all_of(reasons))


def _finding(collection: str, members: list[Record], reason: str) -> Finding:
    first, others = members[0], members[1:]
    listed = [f"`{shown(other.id)}` ({shown(other.path)})" for other in others[:MOST_LISTED]]
    if len(others) > MOST_LISTED:
        more = len(others) - MOST_LISTED
        listed.append(
            ngettext("{count} more ({total} in all)", "{count} more ({total} in all)", more).format(
                count=more, total=len(others)
            )
        )
    text = all_of(listed)
    return catalogue.POSSIBLE_DUPLICATE(
        path=first.path,
        line=first.line,
        record=first.id,
        collection=collection,
        others=Phrase(text),
        members=[member.id for member in members],
        reason=reason,
    )


def _same_contact_points(records: list[Record]) -> Iterator[tuple[tuple[int, ...], str]]:
    for field in ("email", "phone"):
        by_key: dict[str, list[int]] = defaultdict(list)
        for index, record in enumerate(records):
            value = record.typed.get(field)
            if isinstance(value, str):
                key = value.strip().lower() if field == "email" else (normalize_phone(value) or value)
                by_key[key].append(index)
        for key, members in by_key.items():
            if len(members) > 1:
                # A phone as E.164, where both may be written differently; an e-mail as written.
                written = key if field == "phone" else records[members[0]].typed[field]
                yield tuple(members), _(SAME[field]).format(value=written)


def _similar_names(records: list[Record]) -> Iterator[tuple[tuple[int, ...], str]]:
    """Groups of records whose folded names are the same, or near-identical through each other."""
    same: dict[str, list[int]] = defaultdict(list)  # folded name → its records
    for index, record in enumerate(records):
        name = record.typed.get("name")
        folded = name_key(name) if isinstance(name, str) else ""
        if folded:
            same[folded].append(index)
    names = list(same)
    parent = list(range(len(names)))  # union-find over the distinct names

    def root(item: int) -> int:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for first, second in _near_pairs(names):
        parent[root(second)] = root(first)
    components: dict[int, list[int]] = defaultdict(list)
    for item in range(len(names)):
        components[root(item)].append(item)
    for items in components.values():
        members = sorted(index for item in items for index in same[names[item]])
        if len(members) > 1:
            yield tuple(members), _("the same name") if len(items) == 1 else _("near-identical names")


def _near_pairs(names: list[str]) -> Iterator[tuple[int, int]]:
    """Pairs of distinct folded names close enough to be one, compared within blocks."""
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
            for _name, _score, col in process.extract_iter(
                name, later, scorer=fuzz.ratio, score_cutoff=SIMILAR_NAMES
            ):
                yield members[row], members[row + 1 + col]


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
