"""The report's charts: bars (one series, or years side by side or stacked) and months (columns
or a line), each as static SVG with Lithuanian labels and numbers, and its data as a table."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..language import _
from .chart_svg import PALETTE, chart_style, figure_to_svg, html_table
from .numbers import MONTHS, MONTHS_SHORT, format_number

if TYPE_CHECKING:  # (matplotlib is imported where a chart is drawn: chart_svg.py says why)
    from matplotlib.figure import Figure

IDENT = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Chart:
    """A chart: the SVG to put into a page, and its figures as an HTML table."""

    svg: str
    table: str

    def html(self) -> str:
        """Both in one `<figure>`: the picture, then the table that says the same in words."""
        return f'<figure class="rysiai-chart-figure">{self.svg}{self.table}</figure>'


def bar_chart(
    title: str,
    labels: Sequence[str],
    values: Sequence[float],
    *,
    ident: str,
    horizontal: bool = True,
    label_header: str = "",
    value_header: str | None = None,
    decimals: int = 0,
) -> Chart:
    """One bar per label: horizontal (long names: partners, countries) or vertical (years)."""
    value_header = value_header or _("Number")
    _check(ident, labels, {value_header: values})
    with chart_style(ident):
        figure, axes = _figure(len(labels), horizontal)
        positions = range(len(labels))
        if horizontal:
            bars = axes.barh(positions, values, color=PALETTE[0], height=0.6)
            axes.invert_yaxis()  # the first label on top, as in the table
        else:
            bars = axes.bar(positions, values, color=PALETTE[0], width=0.6)
        _name_bars(bars, f"{ident}-bar")
        axes.bar_label(bars, labels=[format_number(v, decimals) for v in values], padding=3)
        _category_axis(axes, labels, horizontal)
        _value_axis(axes, decimals, horizontal)
        svg = figure_to_svg(figure, title=title, ident=ident)
    rows = [[label, format_number(value, decimals)] for label, value in zip(labels, values)]
    return Chart(svg, html_table(title, [label_header, value_header], rows, ident=ident))


def year_bars(
    title: str,
    years: Sequence[str | int],
    series: Mapping[str, Sequence[float]],
    *,
    ident: str,
    stacked: bool = False,
    year_header: str = "Metai",
    decimals: int = 0,
) -> Chart:
    """Vertical bars per year, one colour per series (e.g. incoming and outgoing visits), side
    by side or stacked (then the year's total stands on top)."""
    labels = [str(year) for year in years]
    _check(ident, labels, series)
    with chart_style(ident):
        figure, axes = _figure(len(labels) * (1 if stacked else max(len(series), 1)), horizontal=False)
        width = 0.7 if stacked else 0.8 / max(len(series), 1)
        bottoms = [0.0] * len(labels)
        for number, (name, values) in enumerate(series.items()):
            offset = 0.0 if stacked else (number - (len(series) - 1) / 2) * width
            positions = [index + offset for index in range(len(labels))]
            colour = PALETTE[number % len(PALETTE)]
            bars = axes.bar(positions, values, width, bottom=bottoms if stacked else None, color=colour, label=name)
            _name_bars(bars, f"{ident}-bar-{number}")
            if stacked:
                bottoms = [low + value for low, value in zip(bottoms, values)]
            else:
                axes.bar_label(bars, labels=[format_number(v, decimals) for v in values], padding=2)
        if stacked and series:
            axes.bar_label(bars, labels=[format_number(total, decimals) for total in bottoms], padding=2)
        _category_axis(axes, labels, horizontal=False)
        _value_axis(axes, decimals, horizontal=False)
        _legend(axes, len(series))
        svg = figure_to_svg(figure, title=title, ident=ident)
    rows = [
        [label, *(format_number(values[index], decimals) for values in series.values())]
        for index, label in enumerate(labels)
    ]
    return Chart(svg, html_table(title, [year_header, *series], rows, ident=ident))


def month_chart(
    title: str,
    values: Sequence[float],
    *,
    ident: str,
    line: bool = False,
    label_header: str | None = None,
    value_header: str | None = None,
    decimals: int = 0,
) -> Chart:
    """Twelve months from January: columns, or a line with a point per month."""
    label_header, value_header = label_header or _("Month"), value_header or _("Number")
    if len(values) != 12:
        raise ValueError(f"a month chart needs 12 values, not {len(values)}")
    _check(ident, MONTHS_SHORT, {value_header: values})
    with chart_style(ident):
        figure, axes = _new_figure((7.2, 3.2))
        if line:
            (points,) = axes.plot(range(12), values, color=PALETTE[0], marker="o", linewidth=2)
            points.set_gid(f"{ident}-line")
            axes.set_ylim(bottom=0)
        else:
            bars = axes.bar(range(12), values, color=PALETTE[0], width=0.6)
            _name_bars(bars, f"{ident}-bar")
            axes.bar_label(bars, labels=[format_number(v, decimals) for v in values], padding=2)
        _category_axis(axes, MONTHS_SHORT, horizontal=False)
        _value_axis(axes, decimals, horizontal=False)
        svg = figure_to_svg(figure, title=title, ident=ident)
    rows = [[month, format_number(value, decimals)] for month, value in zip(MONTHS, values)]
    return Chart(svg, html_table(title, [label_header, value_header], rows, ident=ident))


def _check(ident: str, labels: Sequence[str], series: Mapping[str, Sequence[float]]) -> None:
    if not IDENT.match(ident):
        raise ValueError(f"a chart's ident is lowercase letters, digits and '-': {ident!r}")
    for name, values in series.items():
        if len(values) != len(labels):
            raise ValueError(f"{name!r}: {len(values)} values for {len(labels)} labels")


def _figure(bars: int, horizontal: bool) -> tuple[Figure, object]:
    if horizontal:
        return _new_figure((6.4, 0.8 + 0.32 * max(bars, 1)))
    return _new_figure((min(9.0, 2.0 + 0.45 * max(bars, 1)), 3.4))


def _new_figure(size: tuple[float, float]) -> tuple[Figure, object]:
    from matplotlib.figure import Figure

    figure = Figure(figsize=size)
    return figure, figure.add_subplot()


def _name_bars(bars, prefix: str) -> None:
    """Each bar an element of its own id, so that a bar can be found (and counted) in the SVG."""
    for index, bar in enumerate(bars):
        bar.set_gid(f"{prefix}-{index}")


def _category_axis(axes, labels: Sequence[str], horizontal: bool) -> None:
    wrapped = [textwrap.fill(label, 30 if horizontal else 14) for label in labels]
    if horizontal:
        axes.set_yticks(range(len(labels)), wrapped)
        axes.tick_params(axis="y", length=0)
    else:
        axes.set_xticks(range(len(labels)), wrapped)
        axes.tick_params(axis="x", length=0)


def _value_axis(axes, decimals: int, horizontal: bool) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    axis = axes.xaxis if horizontal else axes.yaxis
    axis.set_major_formatter(FuncFormatter(lambda value, _: format_number(value, decimals)))
    if decimals == 0:
        axis.set_major_locator(MaxNLocator(integer=True, steps=[1, 2, 5, 10]))
    axes.grid(axis="x" if horizontal else "y", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.margins(**({"x": 0.12} if horizontal else {"y": 0.12}))


def _legend(axes, series: int) -> None:
    if series > 1:
        axes.legend(loc="lower left", bbox_to_anchor=(0, 1.02), ncols=min(series, 4), handlelength=1)
