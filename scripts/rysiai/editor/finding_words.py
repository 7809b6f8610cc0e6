"""Where the editor shows a finding: beside the form input of the field it is about. The finding
itself is worded by findings/wording.py, as everywhere (in the reader's language)."""

from __future__ import annotations

import re

ITEM = re.compile(r"\[(\d+)\]")


def input_name(finding_field: str | None) -> str:
    """The form input a finding's field names: "agreements[1].signed" → "agreements.0.signed"."""
    if not finding_field:
        return ""
    return ITEM.sub(lambda match: f".{int(match.group(1)) - 1}", finding_field)
