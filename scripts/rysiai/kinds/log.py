"""The log of calls, letters and meetings (a kind with `log`): where `rysiai log` writes, and
what each of its fields is for."""

from __future__ import annotations

from ..schema import Collection, Schema


def log_collection(schema: Schema) -> Collection | None:
    """The collection that keeps the log (the first that declares one), if any."""
    return next((collection for collection in schema.collections.values() if collection.kind.log), None)
