"""A report table drawn as its chart (charts.py): bars for counts, bars per year for the years,
twelve columns for the months; each chart made once per process for the same figures."""

from __future__ import annotations

from functools import lru_cache

from .charts import Chart, bar_chart, month_chart, year_bars
from .model import BARS, COLUMNS, MONTHS, YEARS, Table


def table_chart(table: Table, ident: str) -> Chart | None:
    """The chart of ``table`` (None for a table without one); ``ident``: unique on the page."""
    frame = table.frame
    if table.chart is None or frame.empty:
        return None
    labels = tuple(str(label) for label in frame.iloc[:, 0])
    series = tuple((str(name), tuple(float(v) for v in frame[name])) for name in frame.columns[1:])
    headers = (str(frame.columns[0]), str(frame.columns[1]))
    return _chart(table.chart, table.title, labels, series, headers, ident)


@lru_cache(maxsize=512)
def _chart(kind: str, title: str, labels: tuple, series: tuple, headers: tuple, ident: str) -> Chart:
    # The same figures give the same bytes: a rebuild (`rysiai serve`) or another page reuses them.
    values = list(series[0][1])
    if kind == MONTHS:
        return month_chart(title, values, ident=ident, label_header=headers[0], value_header=headers[1])
    if kind == YEARS:
        return year_bars(title, list(labels), dict(series), ident=ident, year_header=headers[0])
    return bar_chart(
        title, list(labels), values, ident=ident, horizontal=kind == BARS, label_header=headers[0], value_header=headers[1],
    ) if kind in (BARS, COLUMNS) else None
