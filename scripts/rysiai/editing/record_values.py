"""A record's values as a form gives them, made comparable (empty text, lists and items are no
value), and the error for values that cannot be written."""

from __future__ import annotations

import json
from typing import Any

from ..errors import RysiaiError


class RecordEditError(RysiaiError):
    """New values that cannot be written into a record's file; ``field`` names the field at
    fault, where there is one (the editor shows the message beside it)."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def normal(value: Any) -> Any:
    """``value`` with what means "nothing written" taken out: None, "", an empty list or
    mapping, and empty items in a list; None when nothing is left. Text is kept exactly."""
    if isinstance(value, str):
        return value if value != "" else None
    if isinstance(value, list):
        items = [normal(item) for item in value]
        items = [item for item in items if item is not None]
        return items or None
    if isinstance(value, dict):
        pairs = {key: normal(item) for key, item in value.items()}
        return {key: item for key, item in pairs.items() if item is not None} or None
    if value is None:
        return None
    raise TypeError(f"a record's values are text, lists and mappings, not {type(value).__name__}")


def normal_record(values: dict[str, Any]) -> dict[str, Any]:
    """Every field of ``values`` that holds something, made normal."""
    return normal(dict(values)) or {}


def key_of(value: Any) -> str:
    """A value as a key to find equal values by."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True)
