"""What one build of the site hands the next: kept in memory by `rysiai serve`, in the cache
folder by `rysiai build` (site_cache.py)."""

from __future__ import annotations

from dataclasses import dataclass, field

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
    rendered: list[str] = field(default_factory=list)  # the generated pages this build rendered
