"""The report's projects (those running in the year: by status, and their funding by source) and
the interaction log (calls, letters and meetings of the year, per month and of each kind)."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from ..kinds.reporting import category_of
from ..language import _
from ..schema import Collection
from ..words.ids import slugify
from .counting import by_field, as_figures, count_table, in_year, value_counts
from .frames import DAY, Frames
from .model import MONTHS, Section, Table
from .numbers import MONTHS as MONTH_NAMES
from .numbers import format_number

def projects_section(
    frames: Frames, collection: Collection, year: int, today: dt.date, counts_only: bool = False
) -> Section:
    """Projects whose start–end span touches the year (one without dates: in the year under way).
    ``counts_only``: how many of each status and source, no amounts."""
    rule = collection.kind.project
    funding = rule.funding
    frame = frames.records(collection, [rule.status, funding.source, funding.amount, funding.own_share, funding.end])
    start = frame[DAY]
    end = frame[funding.end] if funding.end in frame else pd.Series(pd.NaT, index=frame.index)
    running = (
        ~(start.dt.year > year).fillna(False).astype(bool)
        & ~(end.dt.year < year).fillna(False).astype(bool)
        & (start.notna() | end.notna() | (year == today.year))
    )
    projects = frame[running]
    by_status = value_counts(projects[rule.status])
    status = collection.fields[rule.status]
    figures = {"total": len(projects), "by_status": as_figures(by_status)}
    facts = [(_("Running in the year"), format_number(len(projects), 0))]
    tables = [count_table(
        by_field(collection.title, status.title),
        by_status, status.label_of, label_header=status.title, ident=slugify(f"{collection.name}-{rule.status}"),
    )]
    if funding.source:
        tables.append(_funding(collection, projects, figures, facts, counts_only))
    return Section(collection.name, collection.title, figures, facts, tables)


def _funding(collection: Collection, projects: pd.DataFrame, figures: dict, facts: list, counts_only: bool) -> Table:
    """Projects, their whole value and the municipality's share, per source of funding."""
    funding = collection.kind.project.funding
    source = collection.fields[funding.source]
    amounts = {} if counts_only else {
        key: name for key, name in (("amount", funding.amount), ("own_share", funding.own_share)) if name
    }
    grouped = projects.groupby(funding.source, observed=True)
    counts = grouped.size()
    by_funding = {str(key): {"count": int(count)} for key, count in counts.items()}
    columns = {source.title: [source.label_of(str(key)) for key in counts.index], _("Projects"): counts.tolist()}
    for key, name in amounts.items():
        sums = grouped[name].sum()
        for value, total in sums.items():
            by_funding[str(value)][key] = int(total)
        columns[collection.fields[name].title] = [int(total) for total in sums]
        figures[key] = int(projects[name].sum())
        facts.append((collection.fields[name].title, format_number(figures[key], 0)))
    figures["by_funding"] = by_funding
    title = by_field(collection.title, source.title)
    return Table(slugify(f"{collection.name}-{funding.source}"), title, pd.DataFrame(columns), chart=None)


def log_section(frames: Frames, collection: Collection, year: int) -> Section:
    """The log's entries in the year: per month and of each kind (every figure is a count)."""
    category = category_of(collection)
    frame = frames.records(collection, [category])
    entries = frame[in_year(frame[DAY], year)]
    per_month = entries[DAY].dt.month.value_counts().reindex(range(1, 13), fill_value=0).astype(int)
    figures = {
        "total": len(entries),
        "by_month": {f"{year}-{month:02d}": int(count) for month, count in per_month.items()},
    }
    facts = [(_("In the year"), format_number(len(entries), 0))]
    months = pd.DataFrame({_("Month"): list(MONTH_NAMES), _("Number"): per_month.tolist()})
    title = _("{collection} by month").format(collection=collection.title)
    tables = [Table(slugify(f"{collection.name}-months"), title, months, MONTHS)]
    if category:
        field = collection.fields[category]
        by_kind = value_counts(entries[category])
        figures["by_kind"] = as_figures(by_kind)
        tables.append(count_table(
            by_field(collection.title, field.title),
            by_kind, field.label_of, label_header=field.title, ident=slugify(f"{collection.name}-{category}"),
        ))
    return Section(collection.name, collection.title, figures, facts, tables)
