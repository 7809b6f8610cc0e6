"""Record ids from names: `Šilavoto bendruomenė` → `silavoto-bendruomene`."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


def slugify(text: str) -> str:
    """Lowercase ASCII letters, digits and single dashes; Lithuanian letters lose their marks."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "record"


def is_valid_id(text: str) -> bool:
    return ID_PATTERN.fullmatch(text) is not None
