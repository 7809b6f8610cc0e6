"""The check `rysiai validate` runs for the map: a partner's town that neither its coordinates
nor the gazetteer can place is a warning naming the closest towns the gazetteer has. The gazetteer
is read only when some town has no coordinates."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Phrase, catalogue
from ..kinds.places import towns
from ..language import _, one_of
from ..repository import Repository
from ..schema import SCHEMA_FILE
from .placing import gazetteer_for

CANDIDATES = 3


def check(repository: Repository) -> Iterator[Finding]:
    locate = gazetteer_for(repository)
    if locate is None:
        return
    from .geo import closest_candidates

    for town in towns(repository):
        if town.coordinates is not None or locate(town.city, town.country) is not None:
            continue
        rule = repository.schema.collections[town.record.collection].kind.place
        candidates = closest_candidates(town.city, town.country, CANDIDATES)
        yield catalogue.UNPLACED_TOWN(
            path=town.record.path, line=town.record.line_of(rule.city), record=town.record.id, field=rule.city,
            city=town.city, country=town.country, candidates=_candidates(candidates),
        )
    home = repository.schema.home
    if home is not None and home.coordinates is None and locate(home.town, home.country) is None:
        yield catalogue.UNPLACED_TOWN(
            path=SCHEMA_FILE, field="home.town", city=home.town, country=home.country,
            candidates=_candidates(closest_candidates(home.town, home.country, CANDIDATES)),
        )


def _candidates(places) -> Phrase:
    """`Tczew, PL (54.0924, 18.7779)`, … or `none`: what to write instead."""
    if not places:
        return Phrase(_("none"))
    return Phrase(one_of([f"{p.name}, {p.country} ({p.lat:.4f}, {p.lon:.4f})" for p in places]))
