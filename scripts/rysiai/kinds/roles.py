"""Who held which post when (a kind with `roles`): a person's posts over time beside today's
organisation (`member_of`), and each organisation's people, current and former."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from ..loading import Record
from ..repository import Repository
from .people import organization_of, people

POSITION = "position"  # the post, in a role and in a person's record alike


@dataclass(frozen=True)
class Role:
    """One post of a person at an organisation."""

    person: Record
    organization: str
    position: str
    start: dt.date | None
    until: dt.date | None
    place: tuple  # where it is written: ("roles", 2), or the organisation field for today's post

    def is_current(self, today: dt.date) -> bool:
        return self.until is None or self.until >= today


def roles_of(repository: Repository, person: Record) -> list[Role]:
    """Today's post (the `member_of` field, with the record's position, since the `from` of an
    open role there) first, then the other posts the roles field lists, as written."""
    kind = repository.schema.collections[person.collection].kind
    listed = []
    items = person.typed.get(kind.roles) if kind.roles else None
    for index, item in enumerate(items or []):
        if isinstance(item.get("organization"), str):
            listed.append(Role(
                person, item["organization"], str(item.get(POSITION) or ""),
                _date(item.get("from")), _date(item.get("until")), (kind.roles, index),
            ))
    organization = organization_of(repository, person)
    if organization is None:
        return listed
    same = next((role for role in listed if role.organization == organization and role.until is None), None)
    today = Role(
        person, organization, str(person.typed.get(POSITION) or (same.position if same else "")),
        same.start if same else None, None, (kind.member_of,),
    )
    return [today, *(role for role in listed if role is not same)]


def people_by_organization(repository: Repository, today: dt.date) -> dict[str, tuple[list[Role], list[Role]]]:
    """For each organisation: its current people (one role each: today's post where it is
    theirs) and its former people (their latest post there), each in reading order."""
    current: dict[str, dict[str, Role]] = defaultdict(dict)
    former: dict[str, dict[str, Role]] = defaultdict(dict)
    for person in people(repository):
        for role in roles_of(repository, person):
            if role.is_current(today):
                current[role.organization].setdefault(person.id, role)
            else:
                kept = former[role.organization].get(person.id)
                if kept is None or (role.until or dt.date.min) > (kept.until or dt.date.min):
                    former[role.organization][person.id] = role
    result = {}
    for organization in current.keys() | former.keys():
        now = current.get(organization, {})
        before = [role for person_id, role in former.get(organization, {}).items() if person_id not in now]
        result[organization] = (list(now.values()), before)
    return result


def _date(value) -> dt.date | None:
    return value if isinstance(value, dt.date) else None
