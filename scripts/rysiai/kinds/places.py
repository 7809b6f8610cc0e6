"""Where records are (a kind with `place`): a partner's town and country, and the coordinates
written on it, which place it on the map before any gazetteer does; the municipality's own town."""

from __future__ import annotations

from dataclasses import dataclass

from ..loading import Record
from ..repository import Repository
from ..schema import Schema
from ..words.coordinates import coordinates_or_none


@dataclass(frozen=True)
class Town:
    """A record's town as written: its name, country code and, if written, coordinates."""

    record: Record
    city: str
    country: str
    coordinates: tuple[float, float] | None


def place_collections(schema: Schema) -> list[str]:
    return [name for name, collection in schema.collections.items() if collection.kind.place]


def towns(repository: Repository) -> list[Town]:
    """Every record of a placed collection that names a town or gives coordinates, in reading order."""
    found = []
    for record in repository.records:
        rule = repository.schema.collections[record.collection].kind.place
        if rule is None:
            continue
        city = record.typed.get(rule.city)
        country = record.typed.get(rule.country)
        coordinates = coordinates_or_none(record.typed.get(rule.coordinates)) if rule.coordinates else None
        if coordinates is not None or (isinstance(city, str) and city.strip()):
            found.append(Town(record, city if isinstance(city, str) else "", country if isinstance(country, str) else "", coordinates))
    return found


def needs_gazetteer(repository: Repository) -> bool:
    """Whether some town has no coordinates of its own, so that only a gazetteer can place it."""
    home = repository.schema.home
    home_unplaced = home is not None and coordinates_or_none(home.coordinates) is None
    return home_unplaced or any(town.coordinates is None for town in towns(repository))


def home_town(schema: Schema) -> tuple[str, str, tuple[float, float] | None] | None:
    """The municipality's own town (datapackage.yaml's `home`): name, country, coordinates."""
    home = schema.home
    if home is None:
        return None
    return home.town, home.country, coordinates_or_none(home.coordinates)
