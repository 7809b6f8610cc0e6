"""A year's report: its sections in order (partners, agreements, visits, events, requests,
projects, the interaction log), each from the collections whose kind makes it (kinds/reporting.py).

A public report is made from the public view; a collection the view leaves out comes in only
where the schema marks it `publish_counts`, and then only as counts (see sources())."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..kinds import reporting
from ..language import _
from ..repository import Repository
from ..schema import Collection
from .frames import Frames
from .model import Report, Section
from .partner_sections import agreements_section, partners_section
from .project_sections import log_section, projects_section
from .request_sections import requests_section
from .visit_sections import events_section, visits_section


@dataclass
class Sources:
    """Where the report reads each collection: the repository (or its public view), and, for
    collections counted only, the whole repository."""

    shown: Frames
    counted: Frames | None = None
    counted_names: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, repository: Repository, *, whole: Repository | None = None) -> Sources:
        """``repository`` as it is (``whole`` None), or a public view of ``whole``: then the
        collections the view leaves out and the schema marks `publish_counts` are counted."""
        if whole is None:
            return cls(Frames(repository))
        names = frozenset(
            name for name, collection in whole.schema.collections.items()
            if collection.publish_counts and name not in repository.schema.collections
        )
        return cls(Frames(repository), Frames(whole), names)

    def collections(self, select) -> Iterator[tuple[Frames, Collection, bool]]:
        """(frames, collection, counts only) for the collections ``select`` picks from a schema."""
        yield from ((self.shown, c, False) for c in select(self.shown.repository.schema))
        if self.counted is not None:
            for collection in select(self.counted.repository.schema):
                if collection.name in self.counted_names:
                    yield self.counted, collection, True


def year_report(sources: Sources, year: int, today: dt.date, *, public: bool = False) -> Report:
    """The figures and tables of ``year`` as of ``today`` (what is overdue, what is in force)."""
    sections: list[Section] = [
        partners_section(frames, collection)
        for frames, collection, counts_only in sources.collections(reporting.partner_collections)
        if not counts_only
    ]
    agreements = agreements_section(sources.shown, year, today)
    if agreements is not None:
        sections.append(agreements)
    for frames, collection, counts_only in sources.collections(reporting.visit_collections):
        sections.append(visits_section(frames, collection, year, counts_only))
    for frames, collection, _counts_only in sources.collections(reporting.event_collections):
        sections.append(events_section(frames, collection, year))
    for frames, collection, counts_only in sources.collections(reporting.request_collections):
        sections.append(requests_section(frames, collection, year, today, counts_only))
    for frames, collection, counts_only in sources.collections(reporting.project_collections):
        sections.append(projects_section(frames, collection, year, today, counts_only))
    for frames, collection, _counts_only in sources.collections(reporting.log_collections):
        sections.append(log_section(frames, collection, year))
    title = _("Report for {year}").format(year=year)
    return Report(title, year, today, public, sections)


def year_report_with_map(
    sources: Sources, year: int, today: dt.date, *, public: bool = False, url_of=lambda record: "",
) -> Report:
    """The year's report with the map of partner towns, each dot sized by the year's visits and
    linking where ``url_of`` says (a record → its page's address; "" for none)."""
    from .towns import towns_map
    from .visit_sections import visits_by_partner

    report = year_report(sources, year, today, public=public)
    visits = visits_by_partner(sources.shown, year)
    report.map_svg = towns_map(sources.shown.repository, visits, url_of, ident=f"map-{year}")
    return report
