"""The two views of the partner map: Europe (Lambert azimuthal equal-area, as the EU's own maps)
and the world (Equal Earth), each turning latitude and longitude into the map's x and y."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

WIDTH = 1000.0  # the map's width in SVG units; its height follows from the view


@dataclass(frozen=True)
class View:
    """A map view: its projection and the part of the earth it shows."""

    name: str
    # Longitude and latitude (degrees) of the part shown: west, south, east, north.
    window: tuple[float, float, float, float]

    def contains(self, lat: float, lon: float) -> bool:
        west, south, east, north = self.window
        return west <= lon <= east and south <= lat <= north

    def project(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Projected x and y (on a unit sphere, y northward)."""
        if self.name == "europe":
            return _lambert_azimuthal(lon, lat, centre_lon=10.0, centre_lat=52.0)
        return _equal_earth(lon, lat)

    @cached_property
    def frame(self) -> tuple[float, float, float, float]:
        """The projected window's bounds: x from, y from, x to, y to."""
        west, south, east, north = self.window
        along = np.linspace(west, east, 91)
        up = np.linspace(south, north, 91)
        edge = np.full(91, 1.0)
        lon = np.concatenate([along, along, edge * west, edge * east])
        lat = np.concatenate([edge * south, edge * north, up, up])
        x, y = self.project(lon, lat)
        if self.name == "europe":
            # The curved edges would leave empty corners; the frame is the window's middle band.
            x_mid, _ = self.project(np.array([west, east]), np.array([(south + north) / 2] * 2))
            return float(x_mid[0]), float(y.min()), float(x_mid[1]), float(y.max())
        return float(x.min()), float(y.min()), float(x.max()), float(y.max())

    @property
    def height(self) -> float:
        x0, y0, x1, y1 = self.frame
        return WIDTH * (y1 - y0) / (x1 - x0)

    def to_svg(self, lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions on the map in SVG units (x rightward, y downward from the top left)."""
        x, y = self.project(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        x0, _, x1, y1 = self.frame
        scale = WIDTH / (x1 - x0)
        return (x - x0) * scale, (y1 - y) * scale


EUROPE = View("europe", (-25.0, 34.0, 45.0, 71.5))
# Antarctica left out: no partner there, and it would take a fifth of the map.
WORLD = View("world", (-180.0, -58.0, 180.0, 84.0))


def view_for(places: list[tuple[float, float]]) -> View:
    """Europe when every (lat, lon) lies in it, else the world."""
    return EUROPE if all(EUROPE.contains(lat, lon) for lat, lon in places) else WORLD


def _lambert_azimuthal(lon, lat, centre_lon: float, centre_lat: float):
    lam, phi = np.radians(lon) - np.radians(centre_lon), np.radians(lat)
    phi0 = np.radians(centre_lat)
    cos_c = np.sin(phi0) * np.sin(phi) + np.cos(phi0) * np.cos(phi) * np.cos(lam)
    k = np.sqrt(2.0 / np.maximum(1.0 + cos_c, 1e-12))
    x = k * np.cos(phi) * np.sin(lam)
    y = k * (np.cos(phi0) * np.sin(phi) - np.sin(phi0) * np.cos(phi) * np.cos(lam))
    return x, y


# Equal Earth (Šavrič, Patterson and Jenny, 2018): its published polynomial coefficients.
A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796


def _equal_earth(lon, lat):
    lam, phi = np.radians(lon), np.radians(lat)
    theta = np.arcsin(np.sqrt(3.0) / 2.0 * np.sin(phi))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    slope = 9.0 * A4 * t6 * t2 + 7.0 * A3 * t6 + 3.0 * A2 * t2 + A1
    x = 2.0 * np.sqrt(3.0) * lam * np.cos(theta) / (3.0 * slope)
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y
