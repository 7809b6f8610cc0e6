"""What one build of the site hands the next: kept in memory by `rysiai serve`, in the cache
folder by `rysiai build` (site_cache.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

from collections.abc import Callable

import jinja2

from ..loading.file_memo import FileMemo
from ..site.tables import RowMemo
from ..validate import CheckMemo
from .incremental import LastBuild
from .site_state import RecordDigests


@dataclass
class BuildMemory:
    """``last``: the last build of these settings (``key``), if any; ``made``: this build, once
    it has succeeded."""

    key: str = ""
    last: LastBuild | None = None
    made: LastBuild | None = None
    digests: RecordDigests = field(default_factory=RecordDigests)
    files: FileMemo = field(default_factory=FileMemo)  # record files read, for a server's next build
    checked: CheckMemo | None = None  # what each record's own checks found, for a server's next build
    templates: jinja2.BytecodeCache | None = None  # compiled templates, for a server's next build
    rows: RowMemo | None = None  # the indexes' rows, for a server's next build
    rendered: list[str] = field(default_factory=list)  # the generated pages this build rendered
    # A server writes the downloads and indexes for search after the pages are served: the
    # build leaves that work here.
    defer: bool = False
    after_pages: Callable[[], None] | None = None
    # A server's last build's mkdocs objects, for a quick build after a change of records
    # (quick.py; a KeptBuild).
    mkdocs: object | None = None


class TemplateMemory(jinja2.BytecodeCache):
    """Compiled templates kept between builds of one process (mkdocs makes a new theme for each)."""

    def __init__(self):
        self._compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._compiled.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._compiled[bucket.key] = bucket.bytecode_to_string()
