"""Ids are unique across the whole repository, not only within a collection."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..repository import Repository


def check(repository: Repository) -> Iterator[Finding]:
    for record in repository.records:
        first = repository.by_id[record.id]
        if first is not record:
            where = f"{first.path}:{first.line}" if first.path.endswith(".csv") else first.path
            yield catalogue.DUPLICATE_ID(
                path=record.path, line=record.line, record=record.id, other=where
            )
