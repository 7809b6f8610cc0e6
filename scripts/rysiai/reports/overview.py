"""The overview of every year with records: the figures of each year's report side by side, one
row per year, and charts of visits, events, requests and the log over the years."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pandas as pd

from ..kinds import reporting
from ..language import N_, _
from .frames import DAY
from .model import YEARS, Report, Section, Table
from .year_report import Sources, year_report

# A year report's figures that the overview puts side by side: section figure → column title.
COLUMNS = {
    "incoming": N_("Delegations received"), "outgoing": N_("Visits abroad"), "total": "{title}",
    "received": N_("{title}: received"), "answered_on_time": N_("{title}: answered within the deadline"),
    "signed": N_("Agreements signed"),
}


def report_years(sources: Sources) -> list[int]:
    """The years in which some record of the report's collections happened, oldest first."""
    years: set[int] = set()
    selects = (
        reporting.visit_collections, reporting.event_collections, reporting.request_collections,
        reporting.project_collections, reporting.log_collections,
    )
    for select in selects:
        for frames, collection, _counts_only in sources.collections(select):
            days = frames.records(collection, [])[DAY]
            years.update(int(year) for year in days.dt.year.dropna().unique())
    return sorted(years)


def overview_report(
    sources: Sources, today: dt.date, *, public: bool = False, report_of: Callable[[int], Report] | None = None,
) -> Report:
    """Every year's figures side by side; ``report_of``: a year's report where it is made already."""
    years = report_years(sources)
    report_of = report_of or (lambda year: year_report(sources, year, today, public=public))
    reports = [report_of(year) for year in years]
    # The partners' figures are the register's as it is, the same in every year.
    partners = {collection.name for _f, collection, _c in sources.collections(reporting.partner_collections)}
    columns: dict[str, list] = {_("Year"): [str(year) for year in years]}
    charts: list[Table] = []
    for section in reports[0].sections if reports else []:
        picked = [key for key in COLUMNS if isinstance(section.figures.get(key), int)]
        if section.key in partners or not picked:
            continue
        titles = [_(COLUMNS[key]).format(title=section.title) for key in picked]
        for key, title in zip(picked, titles):
            columns[title] = [_section(report, section.key).figures[key] for report in reports]
        if len(years) > 1:
            frame = pd.DataFrame({_("Year"): columns[_("Year")], **{title: columns[title] for title in titles}})
            title = _("{title} by year").format(title=section.title)
            charts.append(Table(f"{section.key}-years", title, frame, YEARS))
    table = Table("years", _("Every year"), pd.DataFrame(columns), chart=None)
    figures = {str(year): report.to_json() for year, report in zip(years, reports)}
    overview = Section("years", _("Every year"), figures, [], [table, *charts])
    return Report(_("Reports: every year"), None, today, public, [overview])


def _section(report: Report, key: str) -> Section:
    return next(section for section in report.sections if section.key == key)
