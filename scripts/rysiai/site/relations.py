"""Sections of a person's and an organisation's page beyond its fields: the organisation's people
now and, folded, before (roles over time), and the timeline of what either took part in —
interactions, visits, events, requests, projects — newest first."""

from __future__ import annotations

from ..kinds.people import people_collections
from ..kinds.roles import Role
from ..kinds.timeline import timeline
from ..loading import Record
from ..words.collation import record_order
from .context import SiteContext
from .html import esc, link, relative_url, table


def is_people_link(context: SiteContext, source: Record, field_path: tuple) -> bool:
    """Whether a reference is a person's post at the organisation (today's, or one of their
    roles): those are listed by the people section, not as records that refer to it."""
    kind = context.repository.schema.collections[source.collection].kind
    return kind.people and field_path in ((kind.member_of,), (kind.roles, "organization"))


def people_section(context: SiteContext, record: Record, page_url: str) -> str:
    """An organisation's people: those there now, and in a folded list those who were."""
    current, former = context.people_by_organization.get(record.id, ([], []))
    if not current and not former:
        return ""
    parts = [f"<h2>{esc(context.text('people'))}</h2>"]
    if current:
        parts.append(_roles_list(context, current, page_url))
    if former:
        summary = esc(context.text("former_people", count=len(former)))
        parts.append(f"<details><summary>{summary}</summary>\n{_roles_list(context, former, page_url)}\n</details>")
    hidden = any(context.label_is_unsearchable(role.person) for role in current + former)
    marker = " data-pagefind-ignore" if hidden else ""  # the names listed are kept out of search
    return f'<div class="rysiai-people"{marker}>' + "\n".join(parts) + "</div>"


def _roles_list(context: SiteContext, roles: list[Role], page_url: str) -> str:
    items = []
    for role in sorted(roles, key=lambda role: record_order(role.person)):
        name = link(relative_url(page_url, context.record_url(role.person)), role.person.label)
        period = _period(context, role)
        detail = ", ".join(part for part in (esc(role.position), esc(period)) if part)
        items.append(f"<li>{name}{': ' + detail if detail else ''}</li>")
    return '<ul class="rysiai-referrers">\n' + "\n".join(items) + "\n</ul>"


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
        + table(headers, rows, kind="timeline")
        + "</div>"
    )
