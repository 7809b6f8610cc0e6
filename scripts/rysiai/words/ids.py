"""Record ids: their form, the ids no record may take, and ids made from names
(`Šilavoto bendruomenė` → `silavoto-bendruomene`)."""

from __future__ import annotations

import re
import unicodedata

from ..language import N_, _

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
# What `rysiai forget` puts where an erased person was referred to; no record may take it.
ERASED_PERSON = "istrintas-asmuo"
# Names Windows gives its devices: no file may be called so, with or without an extension
# (`con.yaml`, `CON`), in any letter case, and staff clone the repository on Windows. Microsoft's
# naming rules list COM0 and LPT0 too. A name that only begins with one (`con-2`) is allowed.
WINDOWS_DEVICE_NAMES = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{port}{number}" for port in ("com", "lpt") for number in range(10)]
)


class _Reasons(dict):
    """Reserved ids and why: `RESERVED_IDS[id]` gives the reason in the reader's language."""

    def __getitem__(self, record_id: str) -> str:
        return _(super().__getitem__(record_id))


# The ids no record may take, each with the reason.
RESERVED_IDS = _Reasons({
    "index": N_("the site's page of the collection has that address"),
    ERASED_PERSON: N_("`rysiai forget` writes it where an erased person was referred to"),
    **{name: N_("Windows cannot hold a file of that name") for name in sorted(WINDOWS_DEVICE_NAMES)},
})


def slugify(text: str) -> str:
    """Lowercase ASCII letters, digits and single dashes; Lithuanian letters lose their marks."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug or "record"


def is_valid_id(text: str) -> bool:
    return ID_PATTERN.fullmatch(text) is not None


def unreserved(record_id: str, collection: str) -> str:
    """The id itself, or the one validation suggests for a reserved id: `index` → `contacts-index`."""
    return f"{collection}-{record_id}" if record_id in RESERVED_IDS else record_id


def id_problem(record_id: str) -> str | None:
    """Why ``record_id`` cannot be a record's id, or None."""
    if record_id in RESERVED_IDS:
        return _("it is reserved: {reason}").format(reason=RESERVED_IDS[record_id])
    if not is_valid_id(record_id):
        return _("use lowercase letters a-z, digits and `-`")
    return None
