"""Partner towns on the map, placed as placing.py says, each dot sized by the partner's visits and
linking to its page; the municipality's own town marked."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..kinds.places import Town, home_town, towns
from ..language import _
from ..loading import Record
from ..repository import Repository
from .partner_map import HomeTown, MapPoint, partner_map
from .placing import gazetteer_for, place


@dataclass(frozen=True)
class PlacedTowns:
    """The partner towns that can be placed, with their positions, and the home town."""

    towns: list[tuple[Town, tuple[float, float]]]
    home: HomeTown | None


def placed_towns(repository: Repository) -> PlacedTowns:
    """Every partner town placed (by its coordinates or the gazetteer), and the home town; made
    once for the maps of one build (each look-up folds and compares names)."""
    locate = gazetteer_for(repository)
    placed = []
    for town in towns(repository):
        position = place(town, locate)
        if position is not None:
            placed.append((town, position))
    home = None
    found = home_town(repository.schema)
    if found is not None:
        name, country, coordinates = found
        position = coordinates or (locate(name, country) if locate else None)
        if position is not None:
            home = HomeTown(name, *position)
    return PlacedTowns(placed, home)


def towns_map(
    repository: Repository, visits: dict[str, int], url_of: Callable[[Record], str], *, ident: str,
    placed: PlacedTowns | None = None,
) -> str:
    """The SVG map of every placed partner town, a dot per partner sized by ``visits`` (partner id
    → visits), linking where ``url_of`` says (empty: no link); "" where no town can be placed.
    ``placed``: the towns placed already (placed_towns), else they are placed here."""
    placed = placed or placed_towns(repository)
    points = [
        MapPoint(
            f"{town.record.label} ({town.city})" if town.city else town.record.label, *position,
            url=url_of(town.record), visits=visits.get(town.record.id, 0),
        )
        for town, position in placed.towns
    ]
    if not points:
        return ""
    return partner_map(points, placed.home, title=_("Partner towns"), ident=ident)
