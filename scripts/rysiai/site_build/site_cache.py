"""The build cache of `rysiai build`: the last built site of each settings key, with the state of
its records (`.cache/rysiai/` in the data repository, ignored by git).

    .cache/rysiai/<key>/state.json   what the build knew: records, downloads, search index,
                                     slow look-ups' results, files
    .cache/rysiai/<key>/site/        its files, hard links to those of the built site

A cache is used only for the same settings (settings_key.py). One that is damaged (a file
missing or of another size, a state that does not read) is not used, with a warning, and the
site is built from scratch: the cache can make a build faster, never make it wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover — not on Windows: one build at a time there
    fcntl = None

from ..language import _
from .incremental import LastBuild, carry_over
from .site_state import SiteState

FOLDER = Path(".cache") / "rysiai"
FORMAT = 1
KEPT = 2  # entries kept: the intranet site and the public one, say


class CacheHold:
    """One build's hold on the cache entry of its settings, from reading it to saving it: two
    builds of the same settings at once (two `rysiai build` in one folder) would otherwise take
    files from an entry the other is bringing up to date."""

    def __init__(self, lock):
        self._lock = lock

    @classmethod
    def take(cls, folder: Path, key: str) -> CacheHold | None:
        """The hold, or None where another build has it."""
        folder.mkdir(parents=True, exist_ok=True)
        _mark(folder)
        lock = open(folder / f".{key}.lock", "a+b")  # noqa: SIM115 — held until release()
        if fcntl is not None:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                lock.close()
                return None
        return cls(lock)

    def release(self) -> None:
        self._lock.close()  # (closing the file lets the lock go)


class CacheProblem(Exception):
    """The cache cannot be used; the message says why, in a few words."""


def load_cache(folder: Path, key: str) -> LastBuild | None:
    """The last build of ``key`` kept in ``folder``; None if there is none. Raises CacheProblem
    when there is one but it is damaged (and removes it)."""
    entry = folder / key
    state_file = entry / "state.json"
    if not state_file.is_file():
        return None
    try:
        data = json.loads(state_file.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT or data.get("key") != key:
            raise CacheProblem(_("it was written by another version of Ryšiai"))
        site = entry / "site"
        for path, size in data["files"].items():
            if (site / path).stat().st_size != size:
                raise CacheProblem(_("{file} has changed").format(file=path))
        last = LastBuild(
            state=SiteState.from_json(data["state"]),
            downloads={str(path): str(digest) for path, digest in data["downloads"].items()},
            folder=site,
            search=dict(data.get("search") or {}),
            results=_results(data.get("results") or {}),
        )
    except CacheProblem:
        shutil.rmtree(entry, ignore_errors=True)
        raise
    except FileNotFoundError as error:
        shutil.rmtree(entry, ignore_errors=True)
        raise CacheProblem(_("{file} is missing").format(file=Path(error.filename).name)) from None
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        shutil.rmtree(entry, ignore_errors=True)
        raise CacheProblem(_("it cannot be read")) from None
    return last


def _results(data) -> dict:
    if not (isinstance(data, dict) and all(isinstance(results, dict) for results in data.values())):
        raise CacheProblem(_("it cannot be read"))
    return data


def save_cache(folder: Path, key: str, made: LastBuild, site_dir: Path) -> None:
    """Keep the build just made (its files are in ``site_dir``) as the last build of ``key``.
    An entry of ``key`` that is there already is brought up to date where it stands: only the
    files that are not the build's own (hard links to them) are replaced, and its state goes
    first and comes back last, so an interrupted save leaves an entry that is not used. Else
    the entry is written beside and put in place whole."""
    folder.mkdir(parents=True, exist_ok=True)
    _mark(folder)
    files = _files(site_dir)
    data = {
        "format": FORMAT,
        "key": key,
        "state": made.state.to_json(),
        "downloads": made.downloads,
        "search": made.search,
        "results": made.results,
        "files": {path: size for path, (_inode, size) in files.items()},
    }
    entry = folder / key
    if (entry / "site").is_dir():
        (entry / "state.json").unlink(missing_ok=True)
        _update(entry / "site", site_dir, files)
        _write_state(entry, data)
    else:
        _write_whole(folder, key, site_dir, files, data)
    _forget_older(folder)


def _write_whole(folder: Path, key: str, site_dir: Path, files: dict, data: dict) -> None:
    fresh = folder / f".{key}-new-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        carry_over(site_dir, fresh / "site", list(files))
        _write_state(fresh, data)
        entry = folder / key
        old = folder / f".{key}-old-{os.getpid()}"
        if entry.exists():
            entry.rename(old)
        fresh.rename(entry)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)


def _update(kept: Path, site_dir: Path, files: dict[str, tuple[int, int]]) -> None:
    """The kept site made the same as ``site_dir``: the files that are not the same file on
    disk linked (or copied) again, those the site no longer has removed."""
    before = _files(kept, sizes=False)
    if os.stat(kept).st_dev == os.stat(site_dir).st_dev:
        changed = [path for path, (inode, _size) in files.items() if before.get(path, (None,))[0] != inode]
    else:  # copies, not links: nothing tells they are the same
        changed = list(files)
    for path in changed:
        (kept / path).unlink(missing_ok=True)
    carry_over(site_dir, kept, changed)
    folders = set()
    for path in before:
        if path not in files:
            (kept / path).unlink()
            folders.update(Path(path).parents)
    for folder in sorted(folders, key=lambda folder: len(folder.parts), reverse=True):
        if folder.parts:  # (not the site's own folder)
            try:
                (kept / folder).rmdir()  # where it is left empty
            except OSError:
                pass


def _write_state(entry: Path, data: dict) -> None:
    written = entry / f".state-{os.getpid()}.json"
    written.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(written, entry / "state.json")


def _files(site_dir: Path, *, sizes: bool = True) -> dict[str, tuple[int, int]]:
    """Every file under ``site_dir``: site path → (inode, size; 0 without ``sizes``)."""
    found = {}
    folders = [(site_dir, "")]
    while folders:
        folder, prefix = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((Path(entry.path), f"{prefix}{entry.name}/"))
                else:
                    found[f"{prefix}{entry.name}"] = (entry.inode(), entry.stat(follow_symlinks=False).st_size if sizes else 0)
    return found


def _mark(folder: Path) -> None:
    """The cache ignores itself in git and says what it is, even where .gitignore does not."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# The build cache of `rysiai build` (safe to delete).\n*\n", encoding="utf-8")


def _forget_older(folder: Path) -> None:
    """Keep the KEPT most recent entries, and no leftovers of interrupted saves."""
    entries = []
    for entry in folder.iterdir():
        if not entry.is_dir():
            continue
        if entry.name.startswith("."):
            # Another build's save may be under way: its folder is left alone for a day.
            if "-old-" in entry.name or _stale(entry):
                shutil.rmtree(entry, ignore_errors=True)
            continue
        entries.append(entry)
    entries.sort(key=lambda entry: _age(entry))
    for entry in entries[KEPT:]:
        shutil.rmtree(entry, ignore_errors=True)


def _stale(entry: Path) -> bool:
    return time.time() - entry.stat().st_mtime > 24 * 3600


def _age(entry: Path) -> float:
    try:
        return -(entry / "state.json").stat().st_mtime
    except OSError:
        return 0.0
