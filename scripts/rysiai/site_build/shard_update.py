"""A shard of the search index brought up to date: the last build's shard, without the pages that
changed or left it, and with what Pagefind found on the pages made again or added.

Pagefind over a shard's 1,250 pages takes a second or more; over the few pages a change reaches,
a few hundredths, and reading the last build's shard back a tenth. What comes out is what a run
over all the shard's pages gives: pages numbered in the order of their addresses, every place of
a word, filter and metadata field on the pages that have it (search_index.py writes it as ever).
Where the last build's shard does not read as expected, or Pagefind's settings differ from it
(sorting, another version), there is no update (None) and the shard is indexed whole.
"""

from __future__ import annotations

import json
from pathlib import Path

from . import pagefind_bundle as files
from .pagefind_bundle import CBOR_ERRORS, ENTRY, ShardContent, form_order


def address_of(path: str) -> str:
    """The address Pagefind gives the page at a site path (`contacts/ona/index.html` →
    `/contacts/ona/`)."""
    if path == "index.html" or path.endswith("/index.html"):
        return "/" + path.removesuffix("index.html")
    return "/" + path


def updated_shard(old_folder: Path, previous: dict, kept: set[str], fresh: ShardContent | None) -> ShardContent | None:
    """The shard of the last build in ``old_folder`` (its state ``previous``: each page's address
    and Pagefind's name for it) with only the pages at the addresses ``kept``, and the pages of
    ``fresh`` (a Pagefind run over the others, or None where there are none)."""
    try:
        return _updated(old_folder, previous, kept, fresh)
    except (*CBOR_ERRORS, files.BundleFormatError, AttributeError):
        return None


def _updated(old_folder: Path, previous: dict, kept: set[str], fresh: ShardContent | None) -> ShardContent | None:
    entry = json.loads((old_folder / ENTRY).read_text(encoding="utf-8"))
    ((language, about),) = entry["languages"].items()
    version, pages, chunks, filters, sorts, meta_fields = files.read_file(old_folder / f"pagefind.{about['hash']}.pf_meta")
    urls, hashes = previous.get("urls"), previous.get("hashes")
    include = entry.get("include_characters", [])
    if sorts or not isinstance(urls, list) or not isinstance(hashes, list) or not len(urls) == len(hashes) == len(pages):
        return None
    if fresh is not None and (fresh.sorts or (fresh.version, fresh.language, fresh.include_characters) != (version, language, include)):
        return None
    staying = [number for number, url in enumerate(urls) if url in kept]
    fresh_urls = fresh.urls if fresh is not None else []
    order = sorted([urls[number] for number in staying] + fresh_urls)
    if len(set(order)) != len(order) or len(staying) != len(kept):
        return None  # (a page both kept and made again, or a kept page the last shard lacks)
    new_number = {url: number for number, url in enumerate(order)}
    from_old = {number: new_number[urls[number]] for number in staying}
    from_fresh = {number: new_number[url] for number, url in enumerate(fresh_urls)}

    merged_pages: list = [None] * len(order)
    fragments: list = [None] * len(order)
    for number in staying:
        merged_pages[from_old[number]] = [hashes[number], pages[number][1]]
        fragments[from_old[number]] = old_folder / "fragment" / f"{pages[number][0]}.pf_fragment"
    for number, page in enumerate(fresh.pages if fresh is not None else []):
        merged_pages[from_fresh[number]] = page
        fragments[from_fresh[number]] = fresh.fragments[number]

    # The metadata fields of the pages (a field only the pages that left had is no longer the
    # shard's); a word's places in them name a field by its number in the sorted list of them.
    fields = set(fresh.meta_fields if fresh is not None else [])
    for number in staying:
        fields.update(json.loads(files.read_file(fragments[from_old[number]], decoded=False))["meta"])
    merged_fields = sorted(fields)
    old_fields = _field_numbers(meta_fields, merged_fields)
    fresh_fields = _field_numbers(fresh.meta_fields if fresh is not None else [], merged_fields)

    words: dict[str, list] = {}
    for _start, _end, chunk in chunks:
        for word in files.read_file(old_folder / "index" / f"{chunk}.pf_index")[0]:
            if word[1] or word[2]:  # (a word of other shards has no place here)
                words[word[0]] = _moved(word, from_old, old_fields)
    for stem, word in (fresh.words if fresh is not None else {}).items():
        moved = _moved(word, from_fresh, fresh_fields)
        words[stem] = _joined(words[stem], moved) if stem in words else moved
    words = {stem: word for stem, word in words.items() if word[1] or word[2]}

    values: dict[str, dict[str, list[int]]] = {}
    for name, filter_hash in filters:
        filter_name, listed = files.read_file(old_folder / "filter" / f"{filter_hash}.pf_filter")
        if filter_name != name:
            return None
        for value, numbers in listed:
            values.setdefault(name, {}).setdefault(value, []).extend(from_old[n] for n in numbers if n in from_old)
    for name, listed in (fresh.filters if fresh is not None else []):
        for value, numbers in listed:
            values.setdefault(name, {}).setdefault(value, []).extend(from_fresh[n] for n in numbers)
    merged_filters = sorted(
        [name, sorted([value, sorted(numbers)] for value, numbers in by_value.items() if numbers)]
        for name, by_value in values.items() if any(by_value.values())
    )

    return ShardContent(
        version=version, language=language, include_characters=include, pages=merged_pages, words=words,
        filters=merged_filters, sorts=[], meta_fields=merged_fields, fragments=fragments, urls=order,
    )


def _field_numbers(fields: list[str], merged: list[str]) -> dict[int, int] | None:
    """A field's number among ``fields`` → its number among ``merged`` (None: the same); a
    field only the pages that left had is in no place that stays."""
    numbers = {number: merged.index(name) for number, name in enumerate(fields) if name in merged}
    return None if all(old == new for old, new in numbers.items()) else numbers


def _moved(word: list, new_number: dict[int, int], new_field: dict[int, int] | None) -> list:
    """A word with its places on the pages of ``new_number`` alone, those pages renumbered
    (and the metadata fields, by ``new_field``)."""
    forms = [[form, _places(places, new_number, new_field)] for form, places in word[2]]
    # (a form's first page may have left: the order of the first pages is the one to keep)
    return [word[0], _places(word[1], new_number, new_field), sorted((form for form in forms if form[1]), key=form_order)]


def _places(places: list, new_number: dict[int, int], new_field: dict[int, int] | None) -> list:
    """Places on pages (each page's number a step from the one before), only those on the pages
    of ``new_number``, renumbered and in order. A page's places are `[step, [places in the
    content], [places in metadata]]`; in the metadata a field is named by -(its number + 1)
    before the places in it."""
    number, found = 0, []
    for place in places:
        number += place[0]
        if number in new_number:
            rest = place[1:]
            if new_field is not None and len(rest) > 1:
                rest = [rest[0], [-new_field[-item - 1] - 1 if item < 0 else item for item in rest[1]], *rest[2:]]
            found.append((new_number[number], rest))
    found.sort(key=lambda pair: pair[0])
    return _as_steps(found)


def _as_steps(found: list[tuple[int, list]]) -> list:
    steps, previous = [], 0
    for number, rest in found:
        steps.append([number - previous, *rest])
        previous = number
    return steps


def _joined(one: list, other: list) -> list:
    """One word's places from two sets of pages (no page in both), in page order."""
    forms: dict[str, list] = {}
    for form, places in one[2] + other[2]:
        forms.setdefault(form, []).extend(_absolute(places))
    joined_forms = [[form, _as_steps(sorted(found, key=lambda pair: pair[0]))] for form, found in forms.items()]
    joined_forms.sort(key=form_order)
    main = sorted(_absolute(one[1]) + _absolute(other[1]), key=lambda pair: pair[0])
    return [one[0], _as_steps(main), joined_forms]


def _absolute(places: list) -> list[tuple[int, list]]:
    number, found = 0, []
    for place in places:
        number += place[0]
        found.append((number, place[1:]))
    return found
