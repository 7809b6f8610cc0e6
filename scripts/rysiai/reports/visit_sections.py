"""The report's visits (in and out, the delegations' members, days abroad, per partner) and
events (how many of each kind), for one year; cancelled ones are not counted."""

from __future__ import annotations

import pandas as pd

from ..kinds.calendar import is_cancelled
from ..kinds.reporting import visit_collections
from ..language import _
from ..repository import Repository
from ..schema import Collection
from ..words.ids import slugify
from .counting import by_field, as_figures, count_table, in_year, value_counts
from .frames import DAY, Frames
from .model import Section
from .numbers import format_number

CANCELLED = "cancelled"


def visits_section(frames: Frames, collection: Collection, year: int, counts_only: bool = False) -> Section:
    """Visits starting in the year. ``counts_only``: only how many (no partners, no members, no
    days), for a collection the public site does not publish."""
    rule, calendar = collection.kind.visit, collection.kind.calendar
    frame = frames.records(
        collection, [rule.direction, rule.with_, rule.delegation, calendar.end],
        flags={CANCELLED: is_cancelled},
    )
    visits = frame[in_year(frame[DAY], year) & ~frame[CANCELLED]]
    incoming = visits[rule.direction].eq(rule.incoming).fillna(False).astype(bool)
    outgoing = visits[rule.direction].eq(rule.outgoing).fillna(False).astype(bool)
    figures = {"incoming": int(incoming.sum()), "outgoing": int(outgoing.sum()),
               "participants": None, "by_partner": None, "days_abroad": None}
    facts = [(_("Delegations received"), format_number(figures["incoming"], 0)),
             (_("Visits abroad"), format_number(figures["outgoing"], 0))]
    tables = []
    if not counts_only:
        if rule.delegation and rule.delegation in collection.fields:
            figures["participants"] = int(visits[rule.delegation].map(len).sum())
            facts.append((_("Members of the delegations"), format_number(figures["participants"], 0)))
        figures["days_abroad"] = _days(visits[outgoing], calendar.end)
        facts.append((_("Days abroad"), format_number(figures["days_abroad"], 0)))
        if rule.with_ and rule.with_ in collection.fields:
            by_partner = value_counts(visits[rule.with_].explode().dropna())
            figures["by_partner"] = as_figures(by_partner)
            tables.append(count_table(
                _("{collection} by partner").format(collection=collection.title), by_partner,
                lambda ident: _label(frames.repository, ident), label_header=_("Partner"),
                ident=slugify(f"{collection.name}-{rule.with_}"),
            ))
    return Section(collection.name, collection.title, figures, facts, tables)


def visits_by_partner(frames: Frames, year: int | None = None) -> dict[str, int]:
    """How many visits (not cancelled) each partner had: in ``year``, or in every year."""
    counts: dict[str, int] = {}
    for collection in visit_collections(frames.repository.schema):
        rule = collection.kind.visit
        if not rule.with_ or rule.with_ not in collection.fields:
            continue
        frame = frames.records(collection, [rule.direction, rule.with_, rule.delegation, collection.kind.calendar.end],
                               flags={CANCELLED: is_cancelled})
        kept = ~frame[CANCELLED] & (in_year(frame[DAY], year) if year is not None else True)
        for partner, count in frame[kept][rule.with_].explode().dropna().value_counts().items():
            counts[str(partner)] = counts.get(str(partner), 0) + int(count)
    return counts


def events_section(frames: Frames, collection: Collection, year: int) -> Section:
    """Entries starting in the year: how many, and of each kind (every figure is a count)."""
    category = collection.kind.category
    frame = frames.records(collection, [category], flags={CANCELLED: is_cancelled})
    entries = frame[in_year(frame[DAY], year) & ~frame[CANCELLED]]
    field = collection.fields[category]
    by_kind = value_counts(entries[category])
    figures = {"total": len(entries), "by_kind": as_figures(by_kind)}
    facts = [(_("In the year"), format_number(len(entries), 0))]
    table = count_table(
        by_field(collection.title, field.title),
        by_kind, field.label_of, label_header=field.title, ident=slugify(f"{collection.name}-{category}"),
    )
    return Section(collection.name, collection.title, figures, facts, [table])


def _days(visits: pd.DataFrame, end: str | None) -> int:
    """Days the visits last, first and last day counted (one where no end is written)."""
    if visits.empty:
        return 0
    last = visits[end] if end in visits and pd.api.types.is_datetime64_any_dtype(visits[end]) else visits[DAY]
    return int(((last.fillna(visits[DAY]) - visits[DAY]).dt.days.clip(lower=0) + 1).sum())


def _label(source: Repository, ident: str) -> str:
    record = source.by_id.get(ident)
    return record.label if record is not None else ident
