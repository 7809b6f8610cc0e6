"""References: each names an existing record of a collection the field allows."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from ..findings import Finding, catalogue
from ..language import _
from ..loading.record import location
from ..repository import Repository, references
from ..schema import Field
from ..words.ids import ERASED_PERSON


def check(repository: Repository) -> Iterator[Finding]:
    for record, field, value, place in references(repository):
        if value == ERASED_PERSON:  # a person erased with `rysiai forget`
            continue
        target = repository.by_id.get(value)
        allowed = " or ".join(field.references)
        if target is None:
            yield catalogue.REFERENCE(
                **location(record, place),
                value=value,
                allowed=allowed,
                hint=_hint(repository, value, field),
            )
        elif target.collection not in field.references:
            yield catalogue.REFERENCE_KIND(
                **location(record, place), value=value, found=target.collection, allowed=allowed
            )


def _hint(repository: Repository, value: str, field: Field) -> str:
    candidates = [r.id for r in repository.records if r.collection in field.references]
    close = difflib.get_close_matches(value, candidates, n=1, cutoff=0.75)
    return _("did you mean `{suggestion}`?").format(suggestion=close[0]) if close else ""
