"""Partner towns on the map, placed as placing.py says, each dot sized by the partner's visits and
linking to its page; the municipality's own town marked."""

from __future__ import annotations

from collections.abc import Callable

from ..kinds.places import home_town, towns
from ..language import _
from ..loading import Record
from ..repository import Repository
from .partner_map import HomeTown, MapPoint, partner_map
from .placing import gazetteer_for, place


def towns_map(
    repository: Repository, visits: dict[str, int], url_of: Callable[[Record], str], *, ident: str,
) -> str:
    """The SVG map of every placed partner town, a dot per partner sized by ``visits`` (partner id
    → visits), linking where ``url_of`` says (empty: no link); "" where no town can be placed."""
    locate = gazetteer_for(repository)
    points = []
    for town in towns(repository):
        position = place(town, locate)
        if position is not None:
            label = f"{town.record.label} ({town.city})" if town.city else town.record.label
            points.append(MapPoint(label, *position, url=url_of(town.record), visits=visits.get(town.record.id, 0)))
    if not points:
        return ""
    home = None
    found = home_town(repository.schema)
    if found is not None:
        name, country, coordinates = found
        position = coordinates or (locate(name, country) if locate else None)
        if position is not None:
            home = HomeTown(name, *position)
    return partner_map(points, home, title=_("Partner towns"), ident=ident)
