"""Pagefind's index files, read and written: what one Pagefind run over some pages found, and the
shard written from it for the site's search (search_index.py).

The files are what Pagefind 1.x writes: `pagefind_dcd` and CBOR, gzipped. Pagefind numbers pages
in the order its threads finish them; here they are numbered in the order of their addresses.
A word is `[stem, places on pages, [[form with diacritics, places on pages], …]]`, the pages as
steps from the page before; the forms are put in the order of the first page they are on (then
of their letters), which Pagefind's threads leave to chance. A bundle not laid out so raises
BundleFormatError.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import shutil
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import cbor2

SIGNATURE = b"pagefind_dcd"
ENTRY = "pagefind-entry.json"
# (a file cut short or garbled raises EOFError or zlib.error from gzip)
CBOR_ERRORS = (OSError, ValueError, TypeError, KeyError, IndexError, EOFError, zlib.error, cbor2.CBORDecodeError)


class BundleFormatError(Exception):
    """The bundle is not laid out as this module reads it."""


@dataclass
class ShardContent:
    """What Pagefind found on a set of pages, numbered in the order of their addresses."""

    version: str
    language: str
    include_characters: list
    pages: list  # [fragment hash, word count]
    words: dict[str, list]  # stem → the word as Pagefind writes it
    filters: list  # [name, [[value, [page numbers]], …]]
    sorts: list
    meta_fields: list
    fragments: list[Path] = field(default_factory=list)  # each page's fragment file, to link into a shard
    folder: Path | None = None  # where Pagefind wrote it (its scripts are there too)
    urls: list[str] = field(default_factory=list)  # each page's address
    renamed: dict[str, str] = field(default_factory=dict)  # the pages' short names (short_page_names)

    @property
    def stems(self) -> list[str]:
        return sorted(self.words)


def read_run(folder: Path) -> ShardContent:
    """The index a Pagefind run wrote into ``folder``."""
    try:
        entry = json.loads((folder / ENTRY).read_text(encoding="utf-8"))
        ((language, about),) = entry["languages"].items()
        version, pages, chunks, filters, sorts, meta_fields = read_file(folder / f"pagefind.{about['hash']}.pf_meta")
        urls = [_fragment_url(folder / "fragment" / f"{page_hash}.pf_fragment") for page_hash, _count in pages]
        order = sorted(range(len(pages)), key=lambda number: urls[number]) if not sorts else list(range(len(pages)))
        new_number = {old: new for new, old in enumerate(order)}
        words = {}
        for _start, _end, chunk in chunks:
            for word in read_file(folder / "index" / f"{chunk}.pf_index")[0]:
                _renumber(word[1], new_number)
                for _form, postings in word[2]:
                    _renumber(postings, new_number)
                word[2].sort(key=form_order)
                words[word[0]] = word
        renumbered_filters = []
        for name, filter_hash in filters:
            filter_name, values = read_file(folder / "filter" / f"{filter_hash}.pf_filter")
            if filter_name != name:
                raise ValueError(f"filter {name} holds {filter_name}")
            renumbered = sorted([value, sorted(new_number[number] for number in numbers)] for value, numbers in values)
            renumbered_filters.append([name, renumbered])
        renumbered_filters.sort(key=lambda item: item[0])
    except CBOR_ERRORS as error:
        raise BundleFormatError(f"{type(error).__name__}: {error}") from None
    return ShardContent(
        version=version, language=language, include_characters=entry.get("include_characters", []),
        pages=[pages[old] for old in order], words=words, filters=renumbered_filters, sorts=sorts,
        meta_fields=meta_fields,
        fragments=[folder / "fragment" / f"{pages[old][0]}.pf_fragment" for old in order],
        folder=folder,
        urls=[urls[old] for old in order],
    )


def form_order(form: list) -> tuple[int, str]:
    """A word's forms with diacritics in the order of the first page each is on, then of their
    letters (``form`` is `[form, places on pages]`, the first page's number as it is)."""
    return form[1][0][0] if form[1] else -1, form[0]


def guard(stem: str) -> list:
    """A word found on no page: a shard holds every word of the site, so that a word missing
    from it is not looked for among shorter ones (Pagefind's way with a word it has not)."""
    return [stem, [], []]


def write_chunk(folder: Path, language: str, words: list) -> str:
    """Write words (sorted, already encoded or not) as an index chunk; its name."""
    encoded = [word if isinstance(word, bytes) else cbor2.dumps(word) for word in words]
    return write_named(folder / "index", language, "pf_index", b"\x81" + _array_header(len(encoded)) + b"".join(encoded))


def write_meta(folder: Path, content: ShardContent, pages: list, chunks: list, filters: list) -> str:
    """Write the shard's metadata and entry file; the name of the metadata."""
    data = cbor2.dumps([content.version, pages, chunks, filters, content.sorts, content.meta_fields])
    name = f"{content.language}_{hashlib.blake2b(data, digest_size=8).hexdigest()[:10]}"
    write_file(folder / f"pagefind.{name}.pf_meta", data)
    entry = {
        "version": content.version,
        "languages": {content.language: {"hash": name, "wasm": content.language, "page_count": len(pages)}},
        "include_characters": content.include_characters,
    }
    # A new file put in place: the old one may be the last build's too (a hard link).
    fresh = folder / f".{ENTRY}.new"
    fresh.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    fresh.replace(folder / ENTRY)
    return name


def write_named(folder: Path, language: str, extension: str, data: bytes) -> str:
    """Write a content-named file of the bundle; its name without the extension."""
    if not folder.is_dir():  # (a look is cheaper than asking for a folder that is there)
        folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    length = 7
    while True:
        name = f"{language}_{digest[:length]}"
        path = folder / f"{name}.{extension}"
        if not path.exists():
            write_file(path, data)
            return name
        if read_file(path, decoded=False) == data:
            return name
        length += 1


def write_file(path: Path, data: bytes) -> None:
    path.write_bytes(gzip.compress(SIGNATURE + data, compresslevel=6, mtime=0))


def read_file(path: Path, *, decoded: bool = True):
    """A bundle file's content: CBOR decoded, or its bytes."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise ValueError(f"{path.name} does not start with Pagefind's signature")
    data = data[len(SIGNATURE):]
    return cbor2.loads(data) if decoded else data


def short_page_names(content: ShardContent) -> list:
    """The pages with shorter names (a page's name is its fragment file's, and every query loads
    the list of them): four letters of its fragment's hash, more where two would be alike."""
    taken: set[str] = set()
    pages = []
    for page_hash, word_count in content.pages:
        digest = hashlib.blake2b(page_hash.encode(), digest_size=10).digest()
        letters = base64.b32encode(digest).decode().lower()
        length = 4
        while letters[:length] in taken:
            length += 1
        taken.add(letters[:length])
        pages.append([letters[:length], word_count])
    content.renamed = {old: new for (old, _count), (new, _same) in zip(content.pages, pages)}
    return pages


def place_fragments(content: ShardContent, folder: Path) -> None:
    """Each page's fragment file under its short name, linked (the last build's, where a shard
    is brought up to date, stay as they are)."""
    (folder / "fragment").mkdir(parents=True, exist_ok=True)
    renamed = content.renamed
    for (page_hash, _count), path in zip(content.pages, content.fragments):
        target = folder / "fragment" / f"{renamed.get(page_hash, page_hash)}.pf_fragment"
        if not target.exists():  # (two pages alike share one)
            link(path, target)


def link(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _renumber(postings: list, new_number: dict[int, int]) -> None:
    """Postings hold page numbers as steps from the one before: renumbered, in order."""
    number, absolute = 0, []
    for posting in postings:
        number += posting[0]
        absolute.append((new_number[number], posting))
    absolute.sort(key=lambda pair: pair[0])
    previous = 0
    for index, (number, posting) in enumerate(absolute):
        posting[0] = number - previous
        postings[index] = posting
        previous = number


def _array_header(length: int) -> bytes:
    if length < 24:
        return bytes([0x80 + length])
    if length < 0x100:
        return bytes([0x98, length])
    if length < 0x10000:
        return bytes([0x99]) + length.to_bytes(2, "big")
    return bytes([0x9A]) + length.to_bytes(4, "big")


def _fragment_url(path: Path) -> str:
    return json.loads(read_file(path, decoded=False))["url"]
