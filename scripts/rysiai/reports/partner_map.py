"""The map of partner towns as inline SVG: country outlines, a dot per town linking to its page,
sized by the number of visits, and the home town marked; no script, nothing fetched."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from html import escape

import numpy as np

from ..language import _, ngettext
from .numbers import format_number
from .outlines import CREDIT as OUTLINES_CREDIT
from .outlines import country_paths
from .projections import WIDTH, View, view_for

PLACES_CREDIT = "GeoNames"
SMALLEST_DOT = 4.0  # radius (SVG units) of a town with no visits
LARGEST_DOT = 16.0  # radius of the town with the most visits
DOT_COLOUR = "#c2610f"  # contrast over 3:1 on Material's light and dark (slate) backgrounds
HOME_COLOUR = "#3a78c2"
# The page's own links only: a dot must never take a reader to another host or run a script.
PAGE_LINK = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?!//)[^\s<>\"'\\]*$")


@dataclass(frozen=True)
class MapPoint:
    """A partner town on the map: its name as shown, position, page and number of visits."""

    label: str
    lat: float
    lon: float
    url: str
    visits: int = 0


@dataclass(frozen=True)
class HomeTown:
    """The municipality's own town, marked and labelled."""

    label: str
    lat: float
    lon: float


def partner_map(
    points: list[MapPoint], home: HomeTown | None, *, title: str | None = None, ident: str = "partneriu-zemelapis"
) -> str:
    """The map as an SVG element to put into a page: Europe, or the world when a town lies beyond
    it. `ident` prefixes the element's ids (unique on the page). A point without a `url` is a
    dot without a link; without a ``home``, no town is marked."""
    title = title or _("Partner towns")
    for point in points:
        if not PAGE_LINK.match(point.url):
            raise ValueError(f"not a link within the site: {point.url!r}")
    view = view_for([(p.lat, p.lon) for p in points] + ([(home.lat, home.lon)] if home else []))
    height = view.height
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH:.0f} {height:.0f}" '
        f'width="{WIDTH:.0f}" height="{height:.0f}" style="max-width:100%" '
        f'class="rysiai-map" id="{escape(ident)}" role="group" aria-labelledby="{escape(ident)}-title" '
        'font-size="15" fill="currentColor">',
        # role="group", not "img": an image would hide its links from screen readers.
        f'<title id="{escape(ident)}-title">{escape(title)}</title>',
        _outlines(view),
        _dots(view, points),
        _home(view, home) if home else "",
        _legend(points, height),
        "</svg>",
    ]
    return "\n".join(part for part in parts if part)


def dot_radius(visits: int, most: int) -> float:
    """Radius of a town's dot: the dot's area grows with the number of visits."""
    if most <= 0:
        return SMALLEST_DOT
    per_visit = (LARGEST_DOT**2 - SMALLEST_DOT**2) / most
    return math.sqrt(SMALLEST_DOT**2 + per_visit * max(visits, 0))


def position(view: View, lat: float, lon: float) -> tuple[float, float]:
    """Where (lat, lon) lies on the map of `view`, in SVG units."""
    x, y = view.to_svg(np.array([lon]), np.array([lat]))
    return float(x[0]), float(y[0])


def _outlines(view: View) -> str:
    paths = "".join(f'<path d="{data}"/>' for data in country_paths(view))
    return (
        '<g class="rysiai-map-countries" fill="currentColor" fill-opacity="0.08" stroke="currentColor" '
        f'stroke-opacity="0.35" stroke-width="0.6" stroke-linejoin="round" fill-rule="evenodd">{paths}</g>'
    )


def _dots(view: View, points: list[MapPoint]) -> str:
    most = max((point.visits for point in points), default=0)
    # Big dots first, so that a small town beside a big one stays on top and can be clicked.
    ordered = sorted(points, key=lambda p: (-p.visits, p.label, p.url, p.lat, p.lon))
    links = []
    for point in ordered:
        x, y = position(view, point.lat, point.lon)
        name = f"{point.label}: {visits_phrase(point.visits)}"
        circle = f'cx="{x:.1f}" cy="{y:.1f}" r="{dot_radius(point.visits, most):.1f}"'
        if point.url:
            links.append(
                f'<a href="{escape(point.url)}" aria-label="{escape(name)}"><title>{escape(name)}</title>'
                f"<circle {circle}/></a>"
            )
        else:
            links.append(f"<circle {circle}><title>{escape(name)}</title></circle>")
    return (
        f'<g class="rysiai-map-towns" fill="{DOT_COLOUR}" fill-opacity="0.85" stroke="currentColor" '
        f'stroke-width="1">{"".join(links)}</g>'
    )


def _home(view: View, home: HomeTown) -> str:
    x, y = position(view, home.lat, home.lon)
    star = _star(x, y, 9.0)
    return (
        f'<g class="rysiai-map-home"><path d="{star}" fill="{HOME_COLOUR}" stroke="currentColor" '
        f'stroke-width="1"><title>{escape(home.label)}</title></path>'
        f'<text x="{x + 11:.1f}" y="{y + 5:.1f}" font-weight="bold">{escape(home.label)}</text></g>'
    )


def _legend(points: list[MapPoint], height: float) -> str:
    most = max((point.visits for point in points), default=0)
    bottom = height - 12
    sizes = ""
    if most > 0:
        r_big = dot_radius(most, most)
        sizes = (
            f'<circle cx="{12 + r_big:.1f}" cy="{bottom - 24 - r_big:.1f}" r="{r_big:.1f}" fill="{DOT_COLOUR}" '
            f'fill-opacity="0.85" stroke="currentColor"/>'
            f'<text x="{20 + 2 * r_big:.1f}" y="{bottom - 19 - r_big:.1f}">'
            f"{escape(visits_phrase(most))}</text>"
        )
    explained = escape(_("A dot's area: the number of visits"))
    credits = escape(_("Outlines: {outlines}; places: {places}").format(outlines=OUTLINES_CREDIT, places=PLACES_CREDIT))
    return (
        f'<g class="rysiai-map-legend">{sizes}'
        f'<text x="12" y="{bottom:.1f}">{explained}</text>'
        f'<text x="{WIDTH - 12:.0f}" y="{bottom:.1f}" text-anchor="end" font-size="12">{credits}</text></g>'
    )


def _star(x: float, y: float, radius: float) -> str:
    corners = []
    for index in range(10):
        angle = math.pi / 2 + index * math.pi / 5
        r = radius if index % 2 == 0 else radius * 0.45
        corners.append(f"{x + r * math.cos(angle):.1f} {y - r * math.sin(angle):.1f}")
    return "M" + " L".join(corners) + "Z"


def visits_phrase(count: int) -> str:
    """`1 vizitas`, `3 vizitai`, `12 vizitų` (the catalogue knows Lithuanian's three forms)."""
    return ngettext("{count} visit", "{count} visits", count).format(count=format_number(count, 0))
