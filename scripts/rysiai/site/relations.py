"""Sections of a person's and an organisation's page beyond its fields: the organisation's people
now, with their post, phone and e-mail, and, folded, before (roles over time), and the timeline
of what either took part in — interactions, visits, events, requests, projects — newest first."""

from __future__ import annotations

from ..kinds.people import people_collections
from ..kinds.roles import POSITION, Role
from ..kinds.timeline import timeline
from ..loading import Record
from ..schema import Collection
from ..words.collation import record_order
from .context import SiteContext
from .html import esc, link, relative_url, table
from .values import render_value


def is_people_link(context: SiteContext, source: Record, field_path: tuple) -> bool:
    """Whether a reference is a person's post at the organisation (today's, or one of their
    roles): those are listed by the people section, not as records that refer to it."""
    kind = context.repository.schema.collections[source.collection].kind
    return kind.people and field_path in ((kind.member_of,), (kind.roles, "organization"))


def people_section(context: SiteContext, record: Record, page_url: str) -> str:
    """An organisation's people in one table (name, post, phone and e-mail: a click calls or
    writes), and in a folded table those who worked there before, with their post and years.
    Headed by the `backlinkTitle` of the field naming a person's organisation, else `Žmonės`."""
    current, former = context.people_by_organization.get(record.id, ([], []))
    if not current and not former:
        return ""
    collection = context.repository.schema.collections[(current or former)[0].person.collection]
    member_of = collection.fields.get(collection.kind.member_of or "")
    heading = (member_of.backlink_title if member_of else "") or context.text("people")
    parts = [f"<h2>{esc(heading)}</h2>"]
    if current:
        parts.append(_roles_table(context, collection, current, heading, page_url, contact_points=True))
    if former:
        summary = context.text("former_people", count=len(former))
        table_html = _roles_table(context, collection, former, summary, page_url, contact_points=False)
        parts.append(f"<details><summary>{esc(summary)}</summary>\n{table_html}\n</details>")
    hidden = any(context.label_is_unsearchable(role.person) for role in current + former)
    marker = " data-pagefind-ignore" if hidden else ""  # the names listed are kept out of search
    return f'<div class="rysiai-people"{marker}>' + "\n".join(parts) + "</div>"


def _roles_table(
    context: SiteContext, collection: Collection, roles: list[Role], caption: str, page_url: str, *, contact_points: bool
) -> str:
    """A row per person: the name, the post there and, where any is known, its years; for the
    people there now, the other columns of the people's index (phone, e-mail), but the
    organisation itself."""
    shown = [name for name in collection.columns if name in collection.fields and name != collection.kind.member_of]
    if not contact_points:
        shown = [name for name in shown if name in shown[:1] or name == POSITION]
    with_period = any(role.start or role.until for role in roles)
    headers, rows = [], []
    for name in shown:
        headers.append(collection.fields[name].title)
        if name == POSITION and with_period:
            headers.append(context.text("people_period"))
    for role in sorted(roles, key=lambda role: record_order(role.person)):
        row = []
        for name in shown:
            if name == shown[0]:
                row.append(link(relative_url(page_url, context.record_url(role.person)), role.person.label))
            elif name == POSITION:
                row.append(esc(role.position))
            else:
                row.append(render_value(context, collection.fields[name], role.person.typed.get(name), page_url))
            if name == POSITION and with_period:
                row.append(esc(_period(context, role)))
        rows.append(row)
    return table(headers, rows, kind="people", caption=caption)


def _period(context: SiteContext, role: Role) -> str:
    start = role.start.isoformat() if role.start else ""
    until = role.until.isoformat() if role.until else ""
    if start and until:
        return context.text("period", start=start, until=until)
    if start:
        return context.text("period_from", start=start)
    if until:
        return context.text("period_until", until=until)
    return ""


def timeline_section(context: SiteContext, record: Record, page_url: str) -> str:
    """What a person or an organisation took part in, newest first: the records that refer to
    it and have a day (a visit's start, a request's receipt, a project's start…)."""
    repository = context.repository
    kind = repository.schema.collections[record.collection].kind
    if not (kind.people or kind.organizations):
        return ""
    people = set(people_collections(repository.schema))
    referrers = [
        source for source, _place in context.backlinks.get(record.id, [])
        if source.collection not in people and source.id != record.id
    ]
    dated = timeline(repository, referrers)
    if not dated:
        return ""
    rows = [
        [
            f"<time>{esc(day.isoformat())}</time>",
            esc(repository.schema.collections[source.collection].title),
            link(relative_url(page_url, context.record_url(source)), source.label),
        ]
        for day, source in dated
    ]
    headers = [context.text("timeline_date"), context.text("timeline_kind"), context.text("timeline_record")]
    # The timeline repeats the sections of records that refer to this one: kept out of search.
    return (
        f'<div class="rysiai-timeline" data-pagefind-ignore><h2>{esc(context.text("timeline"))}</h2>\n'
        + table(headers, rows, kind="timeline", caption=context.text("timeline"))
        + "</div>"
    )
