"""Before a change is written: a file it has to change that could not be read as written stops
it, named with its line, before anything is written (a change that skipped the file would leave
it behind: an old id kept in a file with a syntax error, a duplicate field dropped)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..errors import RysiaiError
from ..findings import Finding, catalogue
from ..findings.wording import message
from ..language import _, ngettext
from ..repository import Repository

# The loading findings after which a file, or a part of it, was not read as it is written.
NOT_READ = frozenset(kind.code for kind in (
    catalogue.ENCODING, catalogue.UNREADABLE, catalogue.YAML_SYNTAX, catalogue.EMPTY_FILE,
    catalogue.NOT_MAPPING, catalogue.DUPLICATE_KEY, catalogue.YAML_TAG, catalogue.YAML_ALIAS,
    catalogue.TOO_DEEP, catalogue.BAD_KEY, catalogue.CSV_HEADER, catalogue.CSV_SYNTAX,
    catalogue.CSV_ROW_LENGTH, catalogue.MISNAMED_FILE,
))
# Of those, the ones after which a YAML file holds nothing to put in form: fmt passes them by.
NOTHING_TO_FORMAT = frozenset((catalogue.EMPTY_FILE.code, catalogue.NOT_MAPPING.code))


def not_read(repository: Repository) -> dict[str, Finding]:
    """Each file that was not read whole, with its first such problem."""
    found: dict[str, Finding] = {}
    for finding in sorted(repository.findings, key=lambda f: (f.path, f.line or 0)):
        if finding.code in NOT_READ:
            found.setdefault(finding.path, finding)
    return found


def refuse_unreadable(repository: Repository, paths: Iterable[str] = (), *, naming: str | None = None) -> None:
    """Stop (RysiaiError) where a file the change has to change was not read whole: any of
    ``paths``, and any file not read whole that holds the id ``naming``, which it may refer to."""
    wanted = set(paths)
    found = []
    for path, finding in not_read(repository).items():
        if path in wanted:
            found.append((finding, ""))
        elif naming is not None and _holds(repository.root / path, naming):
            found.append((finding, _("; it holds `{id}`, which the command has to change").format(id=naming)))
    if found:
        lines = "\n".join(f"  {f.path}:{f.line or 1}: {message(f)}{why}" for f, why in found)
        raise RysiaiError(ngettext(
            "nothing was changed: a file the command has to change cannot be read as written:\n{lines}\n"
            "Fix it first (`rysiai validate` lists every problem), then run the command again.",
            "nothing was changed: {n} files the command has to change cannot be read as written:\n{lines}\n"
            "Fix them first (`rysiai validate` lists every problem), then run the command again.",
            len(found)).format(n=len(found), lines=lines))


def _holds(path, record_id: str) -> bool:
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return True  # cannot even be read: it may hold anything
    return re.search(rf"(?<![a-z0-9-]){re.escape(record_id)}(?![a-z0-9-])", text) is not None
