"""A Pagefind bundle read back page by page, whatever order Pagefind numbered its pages in: each
page's fragment (text, meta, filters) and every word it is found by, with its places."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"


def _read(path: Path) -> bytes:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), path
    return data[len(SIGNATURE):]


def decoded_bundle(bundle: Path) -> dict[str, dict]:
    """URL → {"fragment": …, "words": {word: places}, "filters": {name: [values]}} for every page
    of the bundle at ``bundle`` (and of the shards it lists in rysiai-shards.json, if any)."""
    pages: dict[str, dict] = {}
    shards = [bundle]
    listing = bundle / "rysiai-shards.json"
    if listing.is_file():
        listed = json.loads(listing.read_text(encoding="utf-8"))
        shards = [bundle / name for name in [listed["primary"], *listed["shards"]]]
    for shard in shards:
        entry = json.loads((shard / "pagefind-entry.json").read_text(encoding="utf-8"))
        for language in entry["languages"].values():
            pages.update(_decoded_index(shard, language["hash"]))
    return pages


def _decoded_index(shard: Path, meta_hash: str) -> dict[str, dict]:
    version, page_list, chunks, filters, _sorts, meta_fields = cbor2.loads(_read(shard / f"pagefind.{meta_hash}.pf_meta"))
    urls = []
    pages = {}
    for page_hash, word_count in page_list:
        fragment = json.loads(_read(shard / "fragment" / f"{page_hash}.pf_fragment"))
        assert fragment["word_count"] == word_count
        urls.append(fragment["url"])
        pages[fragment["url"]] = {"fragment": fragment, "words": {}, "filters": {}}
    for _start, _end, chunk_hash in chunks:
        (words,) = cbor2.loads(_read(shard / "index" / f"{chunk_hash}.pf_index"))
        for stem, plain, variants in words:
            for word, postings in ((stem, plain), *((f"{stem}/{name}", listed) for name, listed in variants)):
                number = 0
                for delta, places, meta_places in postings:
                    number += delta
                    pages[urls[number]]["words"][word] = (places, _named(meta_places, meta_fields))
    for name, filter_hash in filters:
        filter_name, values = cbor2.loads(_read(shard / "filter" / f"{filter_hash}.pf_filter"))
        assert filter_name == name
        for value, numbers in values:
            for number in numbers:
                pages[urls[number]]["filters"].setdefault(name, []).append(value)
    for page in pages.values():
        for values in page["filters"].values():
            values.sort()
    return pages


def _named(meta_places: list[int], fields: list[str]) -> list:
    """Places in meta fields, with the field named (a negative number starts a field)."""
    return [fields[-place - 1] if place < 0 else place for place in meta_places]
