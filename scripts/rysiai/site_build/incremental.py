"""What a build makes again and what it takes from the last build: the plan of an incremental
build, for `rysiai serve` (the last build is the site it serves) and for `rysiai build` with its
cache (the last build's files are in the cache folder, site_cache.py).

The browser editor's preview can use it the same way: keep the last build, build again after a
save, and only the pages the save reaches are made again.
"""

from __future__ import annotations

import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path

from ..schema import Schema
from .dependencies import Reach, reach
from .site_state import SiteState


@dataclass
class LastBuild:
    """What the last build of the same settings left: its state, the digests of its download
    files, and the folder that holds its files."""

    state: SiteState
    downloads: dict[str, str]
    folder: Path
    search: dict = field(default_factory=dict)  # what the search index keeps between builds (search_index.py)
    results: dict = field(default_factory=dict)  # slow look-ups' results (kept_results.py)


@dataclass
class BuildPlan:
    """Which generated pages and download files this build makes; the rest is the last build's."""

    state: SiteState
    last: LastBuild | None
    reach: Reach | None

    @classmethod
    def make(cls, state: SiteState, last: LastBuild | None, schema: Schema) -> BuildPlan:
        return cls(state, last, reach(last.state, state, schema) if last is not None else None)

    @property
    def everything(self) -> bool:
        return self.last is None

    def renders(self, src_uri: str, dest_path: str, *, shows_all: bool = False) -> bool:
        """Whether the page is made again: it is reached by the change (a page that ``shows_all``
        records by any change), or the last build has no file for it."""
        if self.last is None or src_uri in self.reach.pages or shows_all and self.reach.anything:
            return True
        return not (self.last.folder / dest_path).is_file()

    def downloads_to_make(self, planned: dict[str, str]) -> set[str]:
        """The download files whose digest changed or that the last build has not."""
        if self.last is None:
            return set(planned)
        old = self.last.downloads
        return {
            path for path, digest in planned.items()
            if old.get(path) != digest or not (self.last.folder / path).is_file()
        }

    def old_file(self, path: str) -> bytes | None:
        """The last build's file at a site path, if any."""
        if self.last is None:
            return None
        try:
            return (self.last.folder / path).read_bytes()
        except OSError:
            return None


def carry_over(source: Path, target: Path, paths: list[str]) -> None:
    """Put the last build's files at ``paths`` into the new site: as hard links where the two
    folders are on one disk (nothing is copied), else as copies."""
    # (paths as text: tens of thousands of files, where Path objects cost more than the links)
    source_folder, target_folder = str(source), str(target)
    made: set[str] = set()
    for path in paths:
        folder = os.path.dirname(path)
        if folder not in made:
            os.makedirs(os.path.join(target_folder, folder), exist_ok=True)
            made.add(folder)
        original, destination = f"{source_folder}/{path}", f"{target_folder}/{path}"
        try:
            os.link(original, destination)
        except OSError:
            shutil.copy2(original, destination)


class CarryOver:
    """carry_over in a thread of its own, while the pages are made: linking tens of thousands of
    files is mostly waiting for the system, which leaves the interpreter to the pages. Its
    files and the ones the build writes are never the same."""

    def __init__(self, source: Path, target: Path, paths: list[str]):
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(source, target, paths), name="rysiai-carry-over", daemon=True)
        self._thread.start()

    def _run(self, source: Path, target: Path, paths: list[str]) -> None:
        try:
            carry_over(source, target, paths)
        except BaseException as error:  # noqa: BLE001 — raised again where the build waits for it
            self._error = error

    def wait(self) -> None:
        """The files all there; raises what stopped the linking."""
        self._thread.join()
        if self._error is not None:
            error, self._error = self._error, None
            raise error


def remove_outputs(site_dir: Path, paths: list[str]) -> None:
    """Remove files the site no longer has (the page of a deleted record), and their folder
    when it is left empty."""
    for path in paths:
        target = site_dir / path
        try:
            target.unlink()
        except FileNotFoundError:
            continue
        try:
            target.parent.rmdir()
        except OSError:
            pass
