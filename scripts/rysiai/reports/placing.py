"""Where a partner town lies: its own `coordinates`, else the gazetteer's (reports/geo.py), which
is read only when some town has no coordinates (it costs seconds and hundreds of megabytes)."""

from __future__ import annotations

from collections.abc import Callable

from ..kinds.places import Town, needs_gazetteer
from ..repository import Repository

Locate = Callable[[str, str], "tuple[float, float] | None"]


def gazetteer_for(repository: Repository) -> Locate | None:
    """The gazetteer's look-up where some town needs it, else None (nothing read)."""
    if not needs_gazetteer(repository):
        return None
    from .geo import locate  # the list of towns is read on the first look-up

    return locate


def place(town: Town, locate: Locate | None) -> tuple[float, float] | None:
    """The town's (latitude, longitude), or None where nothing places it."""
    if town.coordinates is not None:
        return town.coordinates
    if locate is None or not town.city or not town.country:
        return None
    return locate(town.city, town.country)
