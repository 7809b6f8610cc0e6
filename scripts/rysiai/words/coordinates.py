"""A place's coordinates as staff write them: latitude and longitude in decimal degrees, in that
order, separated by a comma (`57.2446, 22.5867`), as online maps give them to copy."""

from __future__ import annotations

import re

from ..language import _

NUMBER = r"[-+−]?\d{1,3}(?:\.\d+)?"
COORDINATES = re.compile(rf"\s*({NUMBER})\s*[,;]\s*({NUMBER})\s*")


def parse_coordinates(text: str) -> tuple[float, float]:
    """(latitude, longitude) from `57.2446, 22.5867`; ValueError saying what is wrong."""
    match = COORDINATES.fullmatch(text)
    if not match:
        raise ValueError(_("not two numbers separated by a comma (latitude, longitude)"))
    latitude, longitude = (float(part.replace("−", "-")) for part in match.groups())
    if not -90 <= latitude <= 90:
        raise ValueError(_("the latitude (the first number) must lie between -90 and 90"))
    if not -180 <= longitude <= 180:
        raise ValueError(_("the longitude (the second number) must lie between -180 and 180"))
    return latitude, longitude


def coordinates_or_none(text: object) -> tuple[float, float] | None:
    """The coordinates if ``text`` gives them rightly, else None (the check names the mistake)."""
    if not isinstance(text, str):
        return None
    try:
        return parse_coordinates(text)
    except ValueError:
        return None
