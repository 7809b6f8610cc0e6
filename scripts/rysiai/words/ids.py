"""Record ids: their form, the ids no record may take, and ids made from names
(`Šilavoto bendruomenė` → `silavoto-bendruomene`)."""

from __future__ import annotations

import re
import unicodedata

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
# What `rysiai forget` puts where an erased person was referred to; no record may take it.
ERASED_PERSON = "istrintas-asmuo"
# <collection>/index/ is the collection's own page on the site.
RESERVED_IDS = {"index", ERASED_PERSON}


def slugify(text: str) -> str:
    """Lowercase ASCII letters, digits and single dashes; Lithuanian letters lose their marks."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "record"


def is_valid_id(text: str) -> bool:
    return ID_PATTERN.fullmatch(text) is not None
