"""The build cache of `rysiai build`: the last built site of each settings key, with the state of
its records (`.cache/rysiai/` in the data repository, ignored by git).

    .cache/rysiai/<key>/state.json   what the build knew: records, downloads, search index, files
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

from ..language import _
from .incremental import LastBuild, carry_over
from .site_state import SiteState

FOLDER = Path(".cache") / "rysiai"
FORMAT = 1
KEPT = 2  # entries kept: the intranet site and the public one, say


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


def save_cache(folder: Path, key: str, made: LastBuild, site_dir: Path) -> None:
    """Keep the build just made (its files are in ``site_dir``) as the last build of ``key``:
    written beside, then put in place of the old one, so an interrupted save leaves no half."""
    folder.mkdir(parents=True, exist_ok=True)
    _mark(folder)
    fresh = folder / f".{key}-new-{os.getpid()}"
    shutil.rmtree(fresh, ignore_errors=True)
    try:
        files = _files(site_dir)
        carry_over(site_dir, fresh / "site", list(files))
        data = {
            "format": FORMAT,
            "key": key,
            "state": made.state.to_json(),
            "downloads": made.downloads,
            "search": made.search,
            "files": files,
        }
        (fresh / "state.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        entry = folder / key
        old = folder / f".{key}-old-{os.getpid()}"
        if entry.exists():
            entry.rename(old)
        fresh.rename(entry)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(fresh, ignore_errors=True)
    _forget_older(folder)


def _files(site_dir: Path) -> dict[str, int]:
    """Every file under ``site_dir`` (site path → size)."""
    found = {}
    for directory, _folders, names in os.walk(site_dir):
        base = Path(directory)
        for name in names:
            path = base / name
            found[path.relative_to(site_dir).as_posix()] = path.stat().st_size
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
