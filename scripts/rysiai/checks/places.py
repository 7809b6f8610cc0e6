"""Coordinates: a field with `check: coordinates`, and the home town's in datapackage.yaml, give a
latitude and a longitude in degrees."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..loading.record import location
from ..repository import Repository
from ..schema import SCHEMA_FILE
from ..words.coordinates import parse_coordinates
from . import checked_values

COORDINATES = "coordinates"


def check(repository: Repository) -> Iterator[Finding]:
    for record, _field, value, place in checked_values(repository, COORDINATES):
        try:
            parse_coordinates(value)
        except ValueError as problem:
            yield catalogue.COORDINATES(**location(record, place), value=value, problem=str(problem))
    home = repository.schema.home
    if home is not None and home.coordinates is not None:
        try:
            parse_coordinates(home.coordinates)
        except ValueError as problem:
            yield catalogue.COORDINATES(
                path=SCHEMA_FILE, field="home.coordinates", value=home.coordinates, problem=str(problem)
            )
