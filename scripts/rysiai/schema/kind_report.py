"""The parts of a resource's `kind` that the yearly report and the map of partner towns read: where
a record is (`place`), what sort of record it is (`category`), a visit's direction and delegation
(`visit`), and a project's funding and end (`project.funding`, `amount`, `own_share`, `end`)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..language import _

COORDINATES_CHECK = "coordinates"


@dataclass(frozen=True)
class PlaceRule:
    """Records are placed on the map: by the town (`city`) and `country` (ISO code) looked up in
    the gazetteer, or by `coordinates` (latitude, longitude) where they are written."""

    city: str
    country: str
    coordinates: str | None = None


@dataclass(frozen=True)
class VisitRule:
    """Records are delegation visits: which way they go (the values of `direction` that mean
    incoming and outgoing), the partners visited or visiting, and the delegation's members."""

    direction: str
    incoming: str
    outgoing: str
    with_: str | None = None  # the references to the partners the visit is with
    delegation: str | None = None  # the references to the delegation's members


@dataclass(frozen=True)
class Funding:
    """A project's funding: the source (an allowed-values field) and the amounts in euros, and
    its end (with the kind's `dated` start, the years it runs in)."""

    source: str | None = None
    amount: str | None = None
    own_share: str | None = None
    end: str | None = None  # the project's last day (its start is the kind's `dated`)


def read_place(value: Any, where: str, fields: dict, field, problems: list[str]) -> PlaceRule | None:
    if value is None:
        return None
    if not isinstance(value, dict) or "city" not in value or "country" not in value:
        problems.append(_("{where}: `kind.place` must be a mapping such as `{{city: city, country: country, coordinates: coordinates}}`").format(where=where))
        return None
    city = field(value["city"], "place.city", "string")
    country = field(value["country"], "place.country", "string")
    coordinates = field(value["coordinates"], "place.coordinates", "string") if "coordinates" in value else None
    if coordinates and fields[coordinates].check != COORDINATES_CHECK:
        problems.append(_("{where}: `kind.place.coordinates` names `{field}`, which must have `check: {check}`").format(where=where, field=coordinates, check=COORDINATES_CHECK))
    return PlaceRule(city, country, coordinates) if city and country else None


def read_category(value: Any, where: str, fields: dict, field, problems: list[str]) -> str | None:
    if value is None:
        return None
    name = field(value, "category", "string")
    if name and not fields[name].enum:
        problems.append(_("{where}: `kind.category` names `{field}`, which must list its allowed values (`enum`)").format(where=where, field=name))
        return None
    return name


def read_visit(value: Any, where: str, fields: dict, field, problems: list[str]) -> VisitRule | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not {"direction", "incoming", "outgoing"} <= set(value):
        problems.append(
            _("{where}: `kind.visit` must be a mapping such as `{{direction: direction, incoming: incoming, "
              "outgoing: outgoing, with: partners, delegation: participants}}`").format(where=where)
        )
        return None
    direction = field(value["direction"], "visit.direction", "string")
    allowed = fields[direction].enum or () if direction else ()
    for way in ("incoming", "outgoing"):
        if str(value[way]) not in allowed:
            problems.append(_("{where}: `kind.visit.{way}` is `{value}`, not an allowed value of `{field}`").format(where=where, way=way, value=value[way], field=direction))
    with_ = field(value["with"], "visit.with", "list") if "with" in value else None
    delegation = field(value["delegation"], "visit.delegation", "list") if "delegation" in value else None
    if not direction or any(str(value[way]) not in allowed for way in ("incoming", "outgoing")):
        return None
    return VisitRule(direction, str(value["incoming"]), str(value["outgoing"]), with_, delegation)


def read_funding(value: dict, where: str, fields: dict, field, problems: list[str]) -> Funding:
    """`project: {…, funding: FIELD, amount: FIELD, own_share: FIELD, end: FIELD}`."""
    source = field(value["funding"], "project.funding", "string") if "funding" in value else None
    if source and not fields[source].enum:
        problems.append(_("{where}: `kind.project.funding` names `{field}`, which must list its allowed values (`enum`)").format(where=where, field=source))
        source = None
    amount = field(value["amount"], "project.amount", "integer") if "amount" in value else None
    own_share = field(value["own_share"], "project.own_share", "integer") if "own_share" in value else None
    end = field(value["end"], "project.end", "date") if "end" in value else None
    return Funding(source, amount, own_share, end)
