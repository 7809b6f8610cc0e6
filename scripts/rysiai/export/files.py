"""Writing export files without ever overwriting a file silently."""

from __future__ import annotations

from pathlib import Path

from ..errors import RysiaiError


class WouldOverwrite(RysiaiError):
    """An export would replace files that already exist."""


def refuse_overwrite(paths: list[Path], *, overwrite: bool) -> None:
    existing = [path for path in paths if path.exists()]
    if existing and not overwrite:
        names = ", ".join(str(path) for path in existing)
        raise WouldOverwrite(f"{names} already exist(s); nothing written (use --force to replace)")
