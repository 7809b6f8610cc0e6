"""Results of slow look-ups that depend on their arguments alone (a chart drawn from its figures,
a town found in the gazetteer, the closest names for a town it has not), kept by `rysiai build`
in its cache for the next build, which runs in another process (a CI job): drawing the report
charts again and reading the gazetteer took seconds of a build that changed one record.

A build starts with the results the last one kept (``KEPT.start``) and leaves, of each kind, the
ones it used (``KEPT.kept``), so results no build asks for any more are not carried on; of a kind
it used none of (it made no page that shows them: a build with no change), what it started
with. Values are plain JSON. Nothing is kept while no build has started (`rysiai serve` keeps
its own in memory). A check run in a second process (validate.py) sends back the results it
used (``KEPT.used``), which ``KEPT.add`` takes in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def _same(value: Any) -> Any:
    return value


class KeptResults:
    """The results kept by kind (`charts`, `places`, `candidates`), each by its key."""

    def __init__(self):
        self._known: dict[str, dict[str, Any]] | None = None
        self.used: dict[str, dict[str, Any]] = {}

    def start(self, known: dict[str, dict[str, Any]]) -> None:
        self._known, self.used = {kind: dict(results) for kind, results in known.items()}, {}

    def kept(self) -> dict[str, dict[str, Any]]:
        """What the next build starts with."""
        kinds = {*(self._known or {}), *self.used}
        return {kind: self.used.get(kind) or (self._known or {}).get(kind, {}) for kind in kinds}

    def stop(self) -> None:
        self._known, self.used = None, {}

    def add(self, used: dict[str, dict[str, Any]]) -> None:
        """Results another process used (a forked one, which started with these)."""
        if self._known is None:
            return
        for kind, results in used.items():
            self.used.setdefault(kind, {}).update(results)

    def result(self, kind: str, key: str, make: Callable[[], Any], read: Callable[[Any], Any] = _same) -> Any:
        """``read`` of the result of ``kind`` for ``key`` (its arguments, written out): as kept,
        else made. A kept value that ``read`` cannot take (a cache changed by hand) is made again."""
        if self._known is None:
            return read(make())
        used = self.used.setdefault(kind, {})
        if key in used:
            return read(used[key])
        known = self._known.get(kind, {})
        if key in known:
            try:
                value = read(known[key])
            except (TypeError, ValueError, KeyError, IndexError):
                pass
            else:
                used[key] = known[key]
                return value
        used[key] = make()
        return read(used[key])


KEPT = KeptResults()
