"""A report as HTML: its sections with their facts, charts (static SVG, each with its data table),
the map of partner towns, and links to each table as CSV and Excel; every text escaped."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

import pandas as pd

from ..language import _
from .chart_svg import html_table
from .model import Report, Section, Table
from .numbers import format_number, long_date
from .table_charts import table_chart

DOWNLOADS = (("csv", "CSV"), ("xlsx", "Excel"))


@dataclass(frozen=True)
class Links:
    """Where a report's page links: each table's downloads (file name → address; None: no
    downloads) and the pages of the years ((label, address); the page's own address empty)."""

    download: Callable[[str], str] | None = None
    years: list[tuple[str, str]] = field(default_factory=list)


def report_html(report: Report, links: Links = Links()) -> str:
    parts = [f'<div class="rysiai-report">\n<h1>{escape(report.title)}</h1>']
    made = _("Prepared on {date}").format(date=long_date(report.today))
    if report.public:
        made += ". " + _("Only what the public site publishes, and counts of the rest where the register allows.")
    parts.append(f'<p class="rysiai-report-meta">{escape(made)}</p>')
    if links.years:
        parts.append(_years(links.years))
    for number, section in enumerate(report.sections):
        parts.append(_section(section, links, report.map_svg if number == 0 else ""))
    parts.append("</div>")
    return "\n".join(parts) + "\n"


def _years(years: list[tuple[str, str]]) -> str:
    items = [
        f"<strong>{escape(label)}</strong>" if not href else f'<a href="{escape(href)}">{escape(label)}</a>'
        for label, href in years
    ]
    heading = escape(_("Reports"))
    return f'<nav class="rysiai-report-years" data-pagefind-ignore>{heading}: {" · ".join(items)}</nav>'


def _section(section: Section, links: Links, map_svg: str) -> str:
    parts = [f'<section class="rysiai-report-section" id="{escape(section.key)}">', f"<h2>{escape(section.title)}</h2>"]
    if section.facts:
        rows = "".join(f"<div><dt>{escape(label)}</dt><dd>{escape(value)}</dd></div>" for label, value in section.facts)
        parts.append(f'<dl class="rysiai-report-facts">{rows}</dl>')
    if map_svg:
        parts.append(f'<figure class="rysiai-map-figure">{map_svg}</figure>')
    for table in section.tables:
        parts.append(_table(table, links))
    parts.append("</section>")
    return "\n".join(parts)


def _table(table: Table, links: Links) -> str:
    if table.frame.empty:
        none = escape(_("none"))
        return f'<p class="rysiai-report-note">{escape(table.title)}: {none}.</p>'
    chart = table_chart(table, f"chart-{table.ident}")
    if chart is not None:
        shown = chart.html()
    else:
        headers = [str(column) for column in table.frame.columns]
        rows = [[cell_text(value) for value in row] for row in table.frame.itertuples(index=False)]
        shown = html_table(table.title, headers, rows, ident=f"table-{table.ident}")
    parts = [f'<div class="rysiai-report-table">{shown}']
    if table.note:
        parts.append(f'<p class="rysiai-report-note">{escape(table.note)}</p>')
    if links.download is not None:
        files = " · ".join(
            f'<a href="{escape(links.download(f"{table.ident}.{suffix}"))}" download>{escape(label)}</a>'
            for suffix, label in DOWNLOADS
        )
        download = escape(_("Download the table"))
        parts.append(f'<p class="rysiai-downloads" data-pagefind-ignore>{download}: {files}</p>')
    parts.append("</div>")
    return "\n".join(parts)


def cell_text(value) -> str:
    """A table's cell as text: numbers as Lithuanian readers write them (`1 850 000`)."""
    if isinstance(value, str):
        return value
    if value is None or pd.isna(value):
        return ""
    return format_number(float(value), 1)
