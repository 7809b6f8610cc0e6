"""Writing export files without ever overwriting a file silently."""

from __future__ import annotations

from pathlib import Path

from ..errors import RysiaiError
from ..language import ngettext


class WouldOverwrite(RysiaiError):
    """An export would replace files that already exist."""


def refuse_overwrite(paths: list[Path], *, overwrite: bool) -> None:
    existing = [path for path in paths if path.exists()]
    if existing and not overwrite:
        names = ", ".join(str(path) for path in existing)
        raise WouldOverwrite(ngettext("{names} already exists; nothing written (use --force to replace)", "{names} already exist; nothing written (use --force to replace)", len(existing)).format(names=names))
