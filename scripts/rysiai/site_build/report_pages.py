"""The site's reports (Ataskaitos): an overview of every year and a page per year with records,
made by reports/ in the site's language, with their tables to download (downloads.py writes
them), and the map of partner towns on the partners' index."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from ..kinds.reporting import partner_collections
from ..language import _, speaking
from ..reports.overview import overview_report, report_years
from ..reports.report_html import Links, report_html
from ..reports.towns import PlacedTowns, placed_towns, towns_map
from ..reports.visit_sections import visits_by_partner
from ..reports.model import Report, Table
from ..reports.year_report import Sources, year_report
from ..site.context import SiteContext, index_source
from ..site.html import relative_url
from ..site.pages import SitePage

FOLDER = "reports"
INDEX = f"{FOLDER}/index.md"
STYLE = "rysiai-report.css"


def year_source(year: int) -> str:
    return f"{FOLDER}/{year}.md"


def download_path(year: int | None, name: str) -> str:
    """Where a table's file lies in the site: beside its page (`reports/2026/…`, `reports/…`)."""
    return f"{FOLDER}/{year}/{name}" if year is not None else f"{FOLDER}/{name}"


class SiteReports:
    """The report pages of one build, from ``sources`` (the records, or the public view and the
    counts the schema allows), as of the build's day."""

    def __init__(self, context: SiteContext, sources: Sources, language: str):
        self.context = context
        self.sources = sources
        self.language = language
        self.years = report_years(sources)
        # Each year's report is made once per build: for its page, the overview and the downloads.
        self._reports: dict[int, Report] = {}
        self._every_year: Report | None = None
        self._placed: PlacedTowns | None = None

    def pages(self) -> list[SitePage]:
        with speaking(self.language):
            pages = [SitePage(INDEX, _("Reports"), self._overview)]
            pages += [
                SitePage(year_source(year), _("Report for {year}").format(year=year), lambda y=year: self._year(y), in_nav=False)
                for year in self.years
            ]
        return pages

    def tables(self) -> Iterator[tuple[int | None, Table]]:
        """Every table of the overview (year None) and of each year's report, to download."""
        with speaking(self.language):
            for table in self._overview_report().tables():
                yield None, table
            for year in self.years:
                for table in self._year_report(year).tables():
                    yield year, table

    def inserts(self) -> dict[str, Callable[[], str]]:
        """The map of partner towns for the partners' index page (all visits of every year)."""
        return {
            collection.name: lambda name=collection.name: self._index_map(name)
            for collection in partner_collections(self.context.repository.schema)
        }

    def inserts_into(self) -> list[str]:
        """The pages ``inserts`` puts a map into (the partners' indexes)."""
        return [index_source(collection.name) for collection in partner_collections(self.context.repository.schema)]

    def _year(self, year: int) -> str:
        page = self.context.url(year_source(year))
        with speaking(self.language):
            visits = visits_by_partner(self.sources.shown, year)
            town_map = self._towns_map(visits, page, f"map-{year}")
            report = replace(self._year_report(year), map_svg=town_map)
            links = Links(lambda name: relative_url(page, download_path(year, name)), self._years(page, year))
            return report_html(report, links)

    def _overview(self) -> str:
        page = self.context.url(INDEX)
        with speaking(self.language):
            town_map = self._towns_map(visits_by_partner(self.sources.shown), page, "map-all")
            report = replace(self._overview_report(), title=_("Reports"), map_svg=town_map)
            links = Links(lambda name: relative_url(page, download_path(None, name)), self._years(page, None))
            return report_html(report, links)

    def _year_report(self, year: int) -> Report:
        if year not in self._reports:
            self._reports[year] = year_report(self.sources, year, self.context.today, public=self.context.public)
        return self._reports[year]

    def _overview_report(self) -> Report:
        if self._every_year is None:
            self._every_year = overview_report(
                self.sources, self.context.today, public=self.context.public, report_of=self._year_report
            )
        return self._every_year

    def _index_map(self, collection: str) -> str:
        page = self.context.index_url(collection)
        with speaking(self.language):
            svg = self._towns_map(visits_by_partner(self.sources.shown), page, "map-partners")
        return f'<figure class="rysiai-map-figure" data-pagefind-ignore>{svg}</figure>' if svg else ""

    def _towns_map(self, visits: dict[str, int], page: str, ident: str) -> str:
        if self._placed is None:
            self._placed = placed_towns(self.context.repository)
        return towns_map(self.context.repository, visits, self._linker(page), ident=ident, placed=self._placed)

    def _years(self, page: str, current: int | None) -> list[tuple[str, str]]:
        every = [(_("every year"), "" if current is None else relative_url(page, self.context.url(INDEX)))]
        return every + [
            (str(year), "" if year == current else relative_url(page, self.context.url(year_source(year))))
            for year in self.years
        ]

    def _linker(self, page: str) -> Callable:
        return lambda record: relative_url(page, self.context.record_url(record))
