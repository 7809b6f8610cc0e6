"""The walk over a record's texts: every text value with its place, references (ids) left out.
Finding people, the privacy checks and erasure all read records this one way."""

from __future__ import annotations

from collections.abc import Iterator

from ..schema import Field


def texts_of(value: dict, fields: dict[str, Field], place: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every text of a record's typed values, with its place; references (ids) left out."""
    for name, item in value.items():
        field = fields.get(name)
        if field is None or field.references:
            continue
        if field.type == "array":
            for index, sub in enumerate(item):
                yield from texts_of(sub, field.fields, place + (name, index))
        elif isinstance(item, list):
            yield from ((place + (name, index), text) for index, text in enumerate(item) if isinstance(text, str))
        elif isinstance(item, str):
            yield place + (name,), item
