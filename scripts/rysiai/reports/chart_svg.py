"""Matplotlib figures as SVG to put into a page: text kept as text in the page's own colour and
font, colours that read on Material's light and dark palettes, a title for screen readers,
and the same bytes for the same figure (no dates, no random ids, nothing fetched)."""

from __future__ import annotations

import io
import re
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from matplotlib.figure import Figure
# (matplotlib itself is imported where a chart is drawn: it takes 0.3 s, and a build whose charts
# are all kept from the last one, kept_results.py, draws none)

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
# Matplotlib draws text, axes and grid in this colour, which becomes `currentColor`: the text
# colour of the page around the chart, dark on the light palette and light on the dark one.
INK = "#010203"
# Each has a contrast of at least 3.5:1 on white and on Material's slate background (#1e2129),
# as WCAG asks of graphics; blue and orange first, told apart by colour-blind readers too.
PALETTE = ("#3a78c2", "#c2610f", "#1b8a6b", "#8c5ec8", "#c44e6e", "#937100", "#7a7a7a")
PX_PER_PT = 96 / 72  # SVG units are points; at full size the text is as big as the page's

STYLE = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],  # ships with matplotlib: the same layout everywhere
    "font.size": 10,
    "text.parse_math": False,  # a `$` in a name is a dollar, not the start of a formula
    "text.color": INK,
    "axes.labelcolor": INK,
    "axes.edgecolor": INK,
    "axes.facecolor": "none",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": INK,
    "ytick.color": INK,
    "grid.color": INK,
    "grid.alpha": 0.25,
    "figure.facecolor": "none",
    "legend.frameon": False,
    "savefig.transparent": True,
}
METADATA = {"Date": None, "Creator": None, "Format": None, "Type": None}


@contextmanager
def chart_style(ident: str) -> Iterator[None]:
    """Matplotlib's settings for one chart; `ident` salts the ids it makes, unique on a page."""
    import matplotlib as mpl

    with mpl.rc_context({**STYLE, "svg.hashsalt": ident}), warnings.catch_warnings():
        # Text stays text, drawn by the reader's browser in its own fonts; a letter DejaVu Sans
        # lacks (東京) only makes matplotlib's measure of the label a guess.
        warnings.filterwarnings("ignore", message=r"Glyph \d+ .* missing from font", category=UserWarning)
        yield


def figure_to_svg(figure: Figure, *, title: str, ident: str) -> str:
    """The figure as an inline `<svg role="img">` titled `title`; call inside `chart_style`."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata=METADATA, bbox_inches="tight", pad_inches=0.05)
    ET.register_namespace("", SVG_NS)
    root = ET.fromstring(buffer.getvalue())
    for parent in list(root.iter()):
        for child in list(parent):
            # A `*{…}` style sheet would restyle every SVG of the page; its rules go on the root.
            if child.tag in (f"{{{SVG_NS}}}style", f"{{{SVG_NS}}}metadata"):
                parent.remove(child)
    _own_ids(root, ident)
    width, height = (float(root.get(side).removesuffix("pt")) for side in ("width", "height"))
    root.attrib.update(
        {
            "width": f"{width * PX_PER_PT:.0f}",
            "height": f"{height * PX_PER_PT:.0f}",
            "id": ident,
            "class": "rysiai-chart",
            "role": "img",
            "aria-labelledby": f"{ident}-title",
            "style": "max-width:100%",  # its height follows in a browser (report.css)
            "stroke-linejoin": "round",
            "stroke-linecap": "butt",
        }
    )
    root.attrib.pop("version", None)
    heading = ET.Element(f"{{{SVG_NS}}}title", {"id": f"{ident}-title"})
    heading.text = title
    root.insert(0, heading)
    text = ET.tostring(root, encoding="unicode")
    text = text.replace(INK, "currentColor")
    return re.sub(r"font-family: [^;\"]*", "font-family: inherit", text)


def _own_ids(root: ET.Element, ident: str) -> None:
    """Ids that something points to get the chart's prefix; matplotlib's other ids (`text_1`,
    `patch_2`, the same in every chart) go, except the chart's own `ident-…` ones."""
    referenced = set()
    for element in root.iter():
        for name, value in list(element.attrib.items()):
            referenced.update(re.findall(r"url\(#([^)]+)\)", value))
            if name == XLINK_HREF:
                del element.attrib[name]
                element.set("href", value)
            if name in (XLINK_HREF, "href") and value.startswith("#"):
                referenced.add(value[1:])
    prefix = f"{ident}-"
    for element in root.iter():
        own = element.get("id")
        if own is not None and not own.startswith(prefix):
            if own in referenced:
                element.set("id", prefix + own)
            else:
                del element.attrib["id"]
        for name, value in list(element.attrib.items()):
            if name == "href" and value[1:] in referenced:
                element.set(name, "#" + prefix + value[1:])
            elif "url(#" in value:
                element.set(name, re.sub(r"url\(#([^)]+)\)", lambda m: f"url(#{prefix}{m[1]})", value))


def html_table(title: str, headers: list[str], rows: list[list[str]], *, ident: str) -> str:
    """The chart's figures as an HTML table (first column the row headers), for screen readers
    and for whoever wants the exact numbers; every text escaped."""
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    body = "".join(
        f'<tr><th scope="row">{escape(row[0])}</th>' + "".join(f"<td>{escape(cell)}</td>" for cell in row[1:]) + "</tr>"
        for row in rows
    )
    return (
        f'<table class="rysiai-chart-data" id="{escape(ident)}-data"><caption>{escape(title)}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )
