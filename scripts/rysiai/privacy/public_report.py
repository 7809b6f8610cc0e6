"""The public report: made from the public view of the records (what the public site publishes),
with the counts of collections the view leaves out only where datapackage.yaml marks them
`publish_counts: true`, and never a value of one of their records."""

from __future__ import annotations

from ..reports.year_report import Sources
from ..repository import Repository
from .public_view import public_view


def report_sources(repository: Repository, *, public: bool, view: Repository | None = None) -> Sources:
    """Where a report reads: the whole repository, or (``public``) its public view (``view``,
    where it is made already) and the counts the schema allows."""
    if not public:
        return Sources.of(repository)
    return Sources.of(view or public_view(repository), whole=repository)
