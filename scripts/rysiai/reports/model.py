"""What a report is made of: sections, each with its figures (the JSON's numbers), the facts a
page lists, and tables (pandas data frames) that a chart may draw and a reader may download."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

# How a table is drawn: one bar per row (horizontal: long names), bars per year (series side by
# side), twelve months as columns, or no chart (the table alone).
BARS, COLUMNS, YEARS, MONTHS = "bars", "columns", "years", "months"


@dataclass
class Table:
    """A table of the report: the first column names the rows, the others hold numbers.

    ``full`` is the whole table where the page shows only its first rows (the fifteen partners
    with most visits): the downloads carry it whole."""

    ident: str  # unique in the report: the chart's id and the download's file name
    title: str
    frame: pd.DataFrame
    chart: str | None = BARS
    full: pd.DataFrame | None = None
    note: str = ""

    @property
    def whole(self) -> pd.DataFrame:
        return self.full if self.full is not None else self.frame


@dataclass
class Section:
    """One part of the report: its JSON key and figures, the facts a page lists, its tables."""

    key: str
    title: str
    figures: dict[str, Any]
    facts: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class Report:
    """A year's report (``year``), or the overview of every year (``year`` None)."""

    title: str
    year: int | None
    today: dt.date
    public: bool
    sections: list[Section]
    map_svg: str = ""  # the partner towns, sized by the year's visits

    def to_json(self) -> dict[str, Any]:
        """The figures as other tools read them: `{"year": …, "partners": {…}, …}`."""
        data: dict[str, Any] = {"year": self.year}
        for section in self.sections:
            data[section.key] = section.figures
        return data

    def tables(self) -> list[Table]:
        return [table for section in self.sections for table in section.tables]
