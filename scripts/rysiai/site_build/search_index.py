"""The search index: Pagefind, run over the built site in shards.

Pagefind stems Lithuanian words (the site says `<html lang="lt">`), folds diacritics, and splits
its index into chunks a query loads only where it needs them, so the browser never downloads the
whole index of a large site.

Record pages are split into shards of about SHARD_PAGES pages by their address, the other pages
(home, indexes, help) make one more; the search box searches them all at once (Pagefind's
`mergeIndex`). Two reasons: Pagefind scores a query's matches one by one against every place the
query's words occur, so a word on half the pages costs the square of that count, and shards
divide it; and a change of records indexes again only the shards of the pages it reached.

Every shard holds every word of the site (words of other shards with no page, pagefind_bundle
`guard`): Pagefind looks for a shorter word when an index has none that begins with the query
(`nemunas` would find every page with `ne`), which is right for one index of the whole site but
not for a shard. The words are cut into the same ranges in every shard (search_words.py).

    pagefind/rysiai-shards.json    {"primary": "site-…/", "shards": ["00-…/", …]}
    pagefind/rysiai-filters.json   the filters' values, for the search box's lists
    pagefind/site-…/               Pagefind's scripts and the shard of the other pages
    pagefind/NN-…/                 a shard of record pages
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import shutil
import subprocess
import sys
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import cbor2

from ..errors import RysiaiError
from ..language import _
from . import pagefind_bundle as files
from .pagefind_bundle import ENTRY, BundleFormatError, ShardContent, guard
from .search_words import bounds, weights_of, word_ranges, word_weights
from .shard_update import address_of, updated_shard

# Parts of Material's pages that are not content: permalinks, the edit button, the navigation.
EXCLUDED = ".headerlink, .md-content__button, .md-source-file, nav"
BUNDLE = "pagefind"
LISTING = "rysiai-shards.json"
FILTERS = "rysiai-filters.json"
SHARD_PAGES = 1250
MOST_SHARDS = 16
SITE_SHARD = "site"
PARALLEL_RUNS = 4
FORMAT = 5


class SearchIndexError(RysiaiError):
    """Pagefind could not index the site."""


def shard_count(record_pages: int) -> int:
    return min(MOST_SHARDS, math.ceil(record_pages / SHARD_PAGES))


def shard_of(path: str, count: int) -> str:
    return f"{zlib.crc32(path.encode('utf-8')) % count:02d}"


def index_site(
    site_dir: Path, record_pages: set[str], rendered: set[str], last: dict | None = None, last_folder: Path | None = None
) -> dict:
    """Write the search bundle into ``site_dir/pagefind``: ``record_pages`` are the site paths of
    record pages; a shard whose pages are those of ``last`` (what the last build returned) and
    none of them in ``rendered`` (the pages written by this build) is the last build's, from
    ``last_folder``. Returns what the next build needs to know."""
    bundle = site_dir / BUNDLE
    bundle.mkdir(exist_ok=True)
    shards, count = _shards(site_dir, record_pages)
    usable = last if last and last.get("format") == FORMAT and last.get("count") == count else None
    old = (usable or {}).get("shards", {})
    old_bundle = (last_folder or site_dir) / BUNDLE
    try:
        to_index = {
            name: pages for name, pages in shards.items() if not _reusable(name, pages, old.get(name), rendered, old_bundle)
        }
        contents = _index_changes(site_dir, to_index, rendered, {name: old[name] for name in to_index if name in old}, bundle, old_bundle)
        stems = {name: contents[name].stems if name in contents else old[name]["stems"] for name in shards}
        shard_weights = {name: weights_of(contents[name].words) if name in contents else old[name]["weights"] for name in shards}
        listed = word_ranges(sorted(set().union(*stems.values())), word_weights(stems, shard_weights), count)
        ranges = {words[0]: (words, start, end) for words, (start, end) in zip(listed, bounds(listed))}
        digests = {first: _digest([start, end, *words]) for first, (words, start, end) in ranges.items()}
        changed = {first for first, digest in digests.items() if (usable or {}).get("ranges", {}).get(first) != digest}
        state = {"format": FORMAT, "count": count, "ranges": digests, "shards": {}}
        for name, pages in shards.items():
            if name in contents:
                folder, chunks = _write_shard(bundle, name, contents[name], ranges, set(stems[name]))
            else:
                if changed:
                    folder, chunks = _rewrite_ranges(bundle, old_bundle, name, old[name], ranges, changed, set(stems[name]))
                else:
                    folder, chunks = old[name]["folder"], old[name]["chunks"]
                    if old_bundle.resolve() != bundle.resolve():
                        _link_tree(old_bundle / folder, bundle / folder)
            state["shards"][name] = {
                "folder": folder, "pages": _digest(pages), "stems": stems[name], "weights": shard_weights[name], "chunks": chunks,
                **_addresses(contents[name] if name in contents else old[name]),
            }
    finally:
        for name in shards:
            shutil.rmtree(bundle / f".work-{os.getpid()}-{name}", ignore_errors=True)
    listing = {
        "primary": state["shards"][SITE_SHARD]["folder"] + "/",
        "shards": [state["shards"][name]["folder"] + "/" for name in sorted(shards) if name != SITE_SHARD],
    }
    _write_json(bundle / FILTERS, _filter_values(bundle, listing))
    _write_json(bundle / LISTING, listing)
    _remove_unlisted(bundle, state, usable)
    return state


def list_no_shards_yet(site_dir: Path) -> None:
    """Where the site has no search index yet (a server's pages come before it), a listing of
    no shards: the search box then waits for the index rather than ask for a missing file,
    which the browser reports as an error on every page."""
    listing = site_dir / BUNDLE / LISTING
    if not listing.exists():
        listing.parent.mkdir(parents=True, exist_ok=True)
        _write_json(listing, {"primary": None, "shards": []})


def _shards(site_dir: Path, record_pages: set[str]) -> tuple[dict[str, list[str]], int]:
    """Every HTML page of the site (the search bundle aside) by shard, the other pages first;
    and how many shards the record pages are cut into."""
    found = []
    for directory, folders, names in os.walk(site_dir):
        if Path(directory) == site_dir and BUNDLE in folders:
            folders.remove(BUNDLE)
        base = Path(directory).relative_to(site_dir)
        found.extend((base / name).as_posix() for name in names if name.endswith(".html"))
    found.sort()
    records = [path for path in found if path in record_pages]
    count = shard_count(len(records))
    shards = {SITE_SHARD: [path for path in found if path not in record_pages]}
    for path in records:
        shards.setdefault(shard_of(path, count), []).append(path)
    return shards, count


def _write_shard(bundle: Path, name: str, content: ShardContent, ranges: dict[str, list[str]], own: set[str]):
    """A shard indexed anew: its words and every other word, range by range."""
    work = bundle / f".new-{os.getpid()}-{name}"
    shutil.rmtree(work, ignore_errors=True)
    chunks = {}
    for first, (words, start, end) in ranges.items():
        entries = [content.words[word] if word in own else guard(word) for word in words]
        chunks[first] = [start, end, files.write_chunk(work, content.language, entries)]
    pages = files.short_page_names(content)
    filters = [[item[0], files.write_named(work / "filter", content.language, "pf_filter", cbor2.dumps(item))]
               for item in content.filters]
    files.place_fragments(content, work)
    if name == SITE_SHARD:  # the primary: Pagefind's scripts beside its index
        for item in content.folder.iterdir():
            if item.is_file() and item.name != ENTRY and not item.name.endswith(".pf_meta"):
                shutil.move(item, work / item.name)
    meta = files.write_meta(work, content, pages, [chunks[first] for first in ranges], filters)
    return _place(bundle, work, name, meta), chunks


def _rewrite_ranges(bundle: Path, old_bundle: Path, name: str, previous: dict, ranges, changed: set[str], own: set[str]):
    """A shard whose pages did not change, written again where the words of the site did."""
    source = old_bundle / previous["folder"]
    entry = json.loads((source / ENTRY).read_text(encoding="utf-8"))
    ((language, about),) = entry["languages"].items()
    version, pages, _chunks, filters, sorts, meta_fields = files.read_file(source / f"pagefind.{about['hash']}.pf_meta")
    content = ShardContent(version, language, entry.get("include_characters", []), pages, {}, [], sorts, meta_fields)
    work = bundle / f".new-{os.getpid()}-{name}"
    shutil.rmtree(work, ignore_errors=True)
    _link_tree(source, work, skip=("index",))
    old_starts = sorted(previous["chunks"])
    decoded: dict[str, dict] = {}

    def old_word(word: str) -> list:
        start = old_starts[_last_at_most(old_starts, word)]
        if start not in decoded:
            chunk = previous["chunks"][start][2]
            decoded[start] = {item[0]: item for item in files.read_file(source / "index" / f"{chunk}.pf_index")[0]}
        return decoded[start][word]

    chunks = {}
    for first, (words, start, end) in ranges.items():
        kept = previous["chunks"].get(first)
        if first not in changed and kept is not None:
            (work / "index").mkdir(exist_ok=True)
            files.link(source / "index" / f"{kept[2]}.pf_index", work / "index" / f"{kept[2]}.pf_index")
            chunks[first] = kept
            continue
        entries = [old_word(word) if word in own else guard(word) for word in words]
        chunks[first] = [start, end, files.write_chunk(work, language, entries)]
    for stale in work.glob("pagefind.*.pf_meta"):
        stale.unlink()
    meta = files.write_meta(work, content, pages, [chunks[first] for first in ranges], filters)
    return _place(bundle, work, name, meta), chunks


def _place(bundle: Path, work: Path, name: str, meta: str) -> str:
    folder = f"{name}-{meta.split('_', 1)[1]}"
    target = bundle / folder
    if target.exists():
        shutil.rmtree(work)
    else:
        work.rename(target)
    return folder


def _reusable(name: str, pages: list[str], previous: dict | None, rendered: set[str], old_bundle: Path) -> bool:
    """Whether the last build's shard serves as it is: the same pages, none of them written by
    this build, and its files there (the other pages' shard is always indexed again)."""
    return (
        name != SITE_SHARD and _last_shard_there(previous, old_bundle) and previous["pages"] == _digest(pages)
        and not any(path in rendered for path in pages)
    )


def _last_shard_there(previous: dict | None, old_bundle: Path) -> bool:
    """Whether the last build's shard (its state ``previous``) has its files in ``old_bundle``."""
    return previous is not None and (old_bundle / previous["folder"] / ENTRY).is_file()


def _index_changes(
    site_dir: Path, shards: dict[str, list[str]], rendered: set[str], previous: dict[str, dict], bundle: Path, old_bundle: Path,
) -> dict[str, ShardContent]:
    """What is on the pages of ``shards``: for a shard of record pages the last build has
    (``previous``), Pagefind over its pages this build wrote alone, the rest from the last
    build's shard (shard_update.py); else Pagefind over all its pages.

    Pagefind runs as many at once as the machine has cores (up to PARALLEL_RUNS): one run uses
    about one core. The short runs go first, and their shards are brought up to date here while
    Pagefind still indexes the others whole."""
    updated = {name for name in shards if name != SITE_SHARD and _last_shard_there(previous.get(name), old_bundle)}
    runs = {name: [path for path in pages if path in rendered] if name in updated else pages for name, pages in shards.items()}
    # (the short runs first; a shard with no page written, only pages gone, needs none)
    runs = dict(sorted(((name, pages) for name, pages in runs.items() if pages), key=lambda item: item[0] not in updated))
    workers = max(1, min(len(runs), os.cpu_count() or 1, PARALLEL_RUNS))
    with ThreadPoolExecutor(workers, thread_name_prefix="rysiai-pagefind") as pool:

        def run(name: str, pages: list[str]) -> Future:
            return pool.submit(_run_pagefind, site_dir, pages, bundle / f".work-{os.getpid()}-{name}")

        running = {name: run(name, pages) for name, pages in runs.items()}
        contents: dict[str, ShardContent] = {}
        for name in sorted(updated):
            kept = {address_of(path) for path in shards[name] if path not in rendered}
            fresh = running.pop(name).result() if name in running else None
            content = updated_shard(old_bundle / previous[name]["folder"], previous[name], kept, fresh)
            if content is None:  # indexed whole after all
                running[name] = run(name, shards[name])
            else:
                contents[name] = content
        contents.update((name, future.result()) for name, future in running.items())
    return contents


def _addresses(shard: ShardContent | dict) -> dict[str, list[str]]:
    """Each page's address and Pagefind's name for it, in the shard's order: what bringing the
    shard up to date needs (shard_update.py)."""
    if isinstance(shard, ShardContent):
        return {"urls": shard.urls, "hashes": [page_hash for page_hash, _count in shard.pages]}
    return {"urls": shard.get("urls"), "hashes": shard.get("hashes")}


def _run_pagefind(site_dir: Path, pages: list[str], work: Path) -> ShardContent:
    """Pagefind over these pages alone."""
    shutil.rmtree(work, ignore_errors=True)
    pages_dir, output = work / "pages", work / "out"
    pages_dir.mkdir(parents=True)
    for path in pages:
        (pages_dir / path).parent.mkdir(parents=True, exist_ok=True)
        files.link(site_dir / path, pages_dir / path)
    command = [
        *_pagefind_command(), "--site", str(pages_dir), "--output-path", str(output),
        "--root-selector", "article", "--exclude-selectors", EXCLUDED, "--silent",
    ]
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as error:
        raise SearchIndexError(_("the search index could not be built: {problem}").format(problem=error)) from None
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no message"]
        raise SearchIndexError(_("the search index could not be built: {problem}").format(problem=detail[0]))
    try:
        return files.read_run(output)
    except BundleFormatError as error:
        raise SearchIndexError(_("the search index could not be read back from Pagefind ({problem})").format(problem=error)) from None


def _pagefind_command() -> list[str]:
    """Pagefind's own program where the package can say where it is (no Python to start first)."""
    try:
        from pagefind.service import get_executable

        executable = get_executable()
    except ImportError:
        executable = None
    return [str(executable)] if executable else [sys.executable, "-m", "pagefind"]


def _filter_values(bundle: Path, listing: dict) -> dict[str, list[str]]:
    """Every filter's values, from every shard: the search box lists them without loading the
    filters' index, which a query needs only once a filter is chosen."""
    values: dict[str, set[str]] = {}
    for folder in [listing["primary"], *listing["shards"]]:
        for path in (bundle / folder / "filter").glob("*.pf_filter"):
            name, listed = files.read_file(path)
            values.setdefault(name, set()).update(value for value, _pages in listed)
    return {name: sorted(found) for name, found in sorted(values.items())}


def _write_json(path: Path, data) -> None:
    fresh = path.with_name(f".{path.name}.{os.getpid()}")
    fresh.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    fresh.replace(path)


def _remove_unlisted(bundle: Path, state: dict, last: dict | None) -> None:
    """Shards neither this build nor the last one lists (a page opened before this build may
    still search the last one's), and what an interrupted build left."""
    kept = {shard["folder"] for shard in state["shards"].values()}
    kept |= {shard["folder"] for shard in ((last or {}).get("shards") or {}).values()}
    for item in bundle.iterdir():
        if item.is_dir() and item.name not in kept:
            shutil.rmtree(item, ignore_errors=True)


def _link_tree(source: Path, target: Path, skip: tuple[str, ...] = ()) -> None:
    for directory, folders, names in os.walk(source):
        base = Path(directory)
        if base == source:
            folders[:] = [folder for folder in folders if folder not in skip]
        (target / base.relative_to(source)).mkdir(parents=True, exist_ok=True)
        for name in names:
            files.link(base / name, target / (base / name).relative_to(source))


def _last_at_most(starts: list[str], word: str) -> int:
    """The index of the last range start that is not after ``word``."""
    low, high = 0, len(starts)
    while low < high:
        middle = (low + high) // 2
        if starts[middle] <= word:
            low = middle + 1
        else:
            high = middle
    return max(low - 1, 0)


def _digest(items: list[str]) -> str:
    return hashlib.blake2b("\n".join(items).encode("utf-8"), digest_size=8).hexdigest()
