"""A report table drawn as its chart (charts.py): bars for counts, bars per year for the years,
twelve columns for the months; each chart made once per process for the same figures, and kept
between builds by `rysiai build` (kept_results.py)."""

from __future__ import annotations

import json
from dataclasses import asdict
from functools import lru_cache

from ..kept_results import KEPT
from ..language import current_language
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
    # (the language: a chart without headers of its own names them)
    arguments = (current_language(), table.chart, table.title, labels, series, headers, ident)
    return KEPT.result("charts", json.dumps(arguments, ensure_ascii=False), lambda: _plain(_chart(*arguments)), read=_read)


def _read(kept: dict | None) -> Chart | None:
    if kept is None:
        return None
    chart = Chart(**kept)
    if not (isinstance(chart.svg, str) and isinstance(chart.table, str)):
        raise TypeError("a chart is text")
    return chart


def _plain(chart: Chart | None) -> dict | None:
    return None if chart is None else asdict(chart)


@lru_cache(maxsize=512)
def _chart(language: str, kind: str, title: str, labels: tuple, series: tuple, headers: tuple, ident: str) -> Chart | None:
    # The same figures give the same bytes: a rebuild (`rysiai serve`) or another page reuses them.
    values = list(series[0][1])
    if kind == MONTHS:
        return month_chart(title, values, ident=ident, label_header=headers[0], value_header=headers[1])
    if kind == YEARS:
        return year_bars(title, list(labels), dict(series), ident=ident, year_header=headers[0])
    return bar_chart(
        title, list(labels), values, ident=ident, horizontal=kind == BARS, label_header=headers[0], value_header=headers[1],
    ) if kind in (BARS, COLUMNS) else None
