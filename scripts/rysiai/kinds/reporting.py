"""Which collections make which part of the yearly report, by their kind: partners (placed on
the map), agreements, visits, events (calendar entries of a category), requests (deadlines),
projects and the interaction log. The report's sections are named after these collections."""

from __future__ import annotations

from ..schema import Collection, Schema


def partner_collections(schema: Schema) -> list[Collection]:
    return [c for c in schema.collections.values() if c.kind.place]


def agreement_collections(schema: Schema) -> list[Collection]:
    return [c for c in schema.collections.values() if c.kind.agreements]


def visit_collections(schema: Schema) -> list[Collection]:
    return [c for c in schema.collections.values() if c.kind.visit and c.kind.calendar]


def event_collections(schema: Schema) -> list[Collection]:
    """Calendar entries sorted by a category that are nothing more particular (events, press
    releases), counted by their category."""
    return [
        c for c in schema.collections.values()
        if c.kind.calendar and c.kind.category
        and not (c.kind.visit or c.kind.log or c.kind.deadline or c.kind.project)
    ]


def request_collections(schema: Schema) -> list[Collection]:
    """Records that wait for an answer counted from the day they came (requests)."""
    return [c for c in schema.collections.values() if c.kind.deadline and c.kind.deadline.counted_from]


def project_collections(schema: Schema) -> list[Collection]:
    return [c for c in schema.collections.values() if c.kind.project]


def log_collections(schema: Schema) -> list[Collection]:
    return [c for c in schema.collections.values() if c.kind.log]


def category_of(collection: Collection) -> str | None:
    """The field that says what sort a record is: the kind's `category`, or the log's `kind`."""
    if collection.kind.category:
        return collection.kind.category
    return collection.kind.log.kind if collection.kind.log else None
