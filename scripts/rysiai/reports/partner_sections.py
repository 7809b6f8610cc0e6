"""The report's partners (by country and kind) and their agreements (signed, in force, running
out and ended in the year)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..kinds.agreements import DRAFT, ENDED
from ..kinds.reporting import agreement_collections
from ..language import _
from ..schema import Collection
from ..words.countries import country_name
from ..words.ids import slugify
from .counting import by_field, as_figures, count_table, value_counts
from .frames import Frames
from .model import Section, Table
from .numbers import format_number

AGREEMENTS = "agreements"  # the section's key in the JSON
AGREEMENT_FIELDS = ["type", "signed", "until", "status"]


def partners_section(frames: Frames, collection: Collection) -> Section:
    """Every partner in the register: how many, by country, by kind."""
    rule, category = collection.kind.place, collection.kind.category
    frame = frames.records(collection, [rule.country, *([category] if category else [])])
    by_country = value_counts(frame[rule.country])
    figures = {"total": len(frame), "by_country": as_figures(by_country)}
    tables = [
        count_table(
            _("{collection} by country").format(collection=collection.title), by_country,
            lambda code: country_name(code, "lt"), label_header=_("Country"),
            ident=slugify(f"{collection.name}-{rule.country}"),
        )
    ]
    if category:
        by_kind = value_counts(frame[category])
        figures["by_kind"] = as_figures(by_kind)
        field = collection.fields[category]
        tables.append(count_table(
            by_field(collection.title, field.title),
            by_kind, field.label_of, label_header=field.title, ident=slugify(f"{collection.name}-{category}"),
        ))
    facts = [(_("In the register"), format_number(len(frame), 0))]
    return Section(collection.name, collection.title, figures, facts, tables)


def agreements_section(frames: Frames, year: int, today: dt.date) -> Section | None:
    """Agreements signed in the year, in force at its end (or today, in the year under way),
    running out in it after today, and ended in it. Each is read by its dates; its status
    counts where it says draft, or ended or expired without an `until` (no year to count in)."""
    collections = agreement_collections(frames.repository.schema)
    if not collections:
        return None
    parts = [frames.items(c, c.kind.agreements, AGREEMENT_FIELDS) for c in collections]
    items = pd.concat(parts, ignore_index=True)
    day = pd.Timestamp(min(dt.date(year, 12, 31), today))
    now = pd.Timestamp(today)
    signed, until = items["signed"], items["until"]
    status = items["status"] if "status" in items else pd.Series([None] * len(items), dtype="object")
    draft = status.eq(DRAFT).fillna(False).astype(bool)
    ended_status = status.isin(ENDED).fillna(False).astype(bool)
    runs_out = until.dt.year.eq(year).fillna(False).astype(bool) & ~draft
    # An expired or ended agreement held until its `until`; without one, its end is unknown.
    ended_undated = ended_status & until.isna()
    counts = {
        "in_force": int((~draft & ~ended_undated & ~(signed > day) & ~(until < day)).sum()),
        "signed": int((signed.dt.year.eq(year).fillna(False).astype(bool) & ~draft).sum()),
        "expiring": int((runs_out & ~(until < now) & ~ended_status).sum()),
        "ended": int((runs_out & ((until < now) | ended_status)).sum()),
    }
    words = {
        "in_force": _("In force today") if day == now else _("In force at the end of the year"),
        "signed": _("Signed in the year"),
        "expiring": _("Run out later in the year"),
        "ended": _("Ended in the year"),
    }
    frame = pd.DataFrame({_("Agreements"): [words[key] for key in counts], _("Number"): list(counts.values())})
    table = Table(AGREEMENTS, _("Agreements"), frame, chart=None)
    return Section(AGREEMENTS, _("Agreements"), counts, [], [table])
