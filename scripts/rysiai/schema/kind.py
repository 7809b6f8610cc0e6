"""What a collection's records are to Ryšiai beyond their fields, as a resource's `kind` in
datapackage.yaml declares it: people, organisations, calendar entries, deadlines, tasks, who is
responsible, agreements. kinds/ reads it; nothing else names a collection."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class CalendarKind:
    """Each record is an entry of the calendar (and of its own feed) from `start` to `end`."""

    start: str
    end: str | None
    item: str  # one word for an entry (`visit`), used by the agenda and the site's labels


@dataclass(frozen=True)
class DeadlineRule:
    """Each record waits for an answer by the date in `field`; when `field` is left out it is
    `counted_from` plus `working_days` working days."""

    field: str
    status: str  # the field that says whether the record still waits
    waiting: tuple[str, ...]  # its values that still wait; an empty status is the first of them
    item: str
    counted_from: str | None = None
    working_days: int | None = None
    answered_status: str | None = None  # the status that needs the date of the answer…
    answered_date: str | None = None  # …in this date field


@dataclass(frozen=True)
class Kind:
    people: bool = False  # records are people: vCards, `rysiai person`, `rysiai forget`
    member_of: str | None = None  # the field naming the organisation a person works at
    organizations: bool = False  # records are organisations people work at
    calendar: CalendarKind | None = None
    deadline: DeadlineRule | None = None
    tasks: str | None = None  # an array field of tasks: `task`, `owner`, `due`, `done`
    responsible: str | None = None  # the field naming who is responsible (a contact)
    agreements: str | None = None  # an array field of agreements: `type`, `signed`, `until`, `status`


TASK_FIELDS = {"task": "string", "due": "date", "done": "boolean"}
AGREEMENT_FIELDS = {"signed": "date", "until": "date"}


def read_kind(value: Any, where: str, fields: dict, problems: list[str]) -> Kind:
    """The kind of a resource (``fields``: its Field objects by name); problems are appended."""
    if value is None:
        return Kind()
    if not isinstance(value, dict):
        problems.append(f"{where}: `kind` must be a mapping such as `{{people: true}}`")
        return Kind()
    known = set(Kind.__dataclass_fields__)
    for key in value:
        if key not in known:
            problems.append(f"{where}: `kind` has `{key}`; the parts are: {', '.join(sorted(known))}")

    def field(name: Any, role: str, kind: str | None = None):
        if not isinstance(name, str) or name not in fields:
            problems.append(f"{where}: `kind.{role}` names `{name}`, which is not a field")
            return None
        if kind is not None and fields[name].type != kind:
            problems.append(f"{where}: `kind.{role}` names `{name}`, which must be of type {kind}")
        return name

    def array_with(name: Any, role: str, needed: dict[str, str]):
        name = field(name, role, "array")
        if name is not None:
            items = fields[name].fields
            for sub, kind in needed.items():
                if sub not in items or items[sub].type != kind:
                    problems.append(f"{where}: `kind.{role}`: the items of `{name}` need a field `{sub}` of type {kind}")
        return name

    kind = Kind(
        people=value.get("people") is True,
        organizations=value.get("organizations") is True,
        member_of=field(value["member_of"], "member_of") if "member_of" in value else None,
        responsible=field(value["responsible"], "responsible") if "responsible" in value else None,
        tasks=array_with(value["tasks"], "tasks", TASK_FIELDS) if "tasks" in value else None,
        agreements=array_with(value["agreements"], "agreements", AGREEMENT_FIELDS) if "agreements" in value else None,
        calendar=_calendar(value.get("calendar"), where, field, problems),
        deadline=_deadline(value.get("deadline"), where, fields, field, problems),
    )
    if kind.people and "name" not in fields:
        problems.append(f"{where}: `kind.people` needs a field `name` (the person's name)")
    return kind


def _calendar(value: Any, where: str, field, problems: list[str]) -> CalendarKind | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("item"), str):
        problems.append(f"{where}: `kind.calendar` must be a mapping such as `{{start: start, end: end, item: visit}}`")
        return None
    start = field(value.get("start"), "calendar.start")
    end = field(value["end"], "calendar.end") if "end" in value else None
    return CalendarKind(start, end, value["item"]) if start else None


def _deadline(value: Any, where: str, fields: dict, field, problems: list[str]) -> DeadlineRule | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("item"), str):
        problems.append(f"{where}: `kind.deadline` must be a mapping with `field`, `status`, `waiting` and `item`")
        return None
    due = field(value.get("field"), "deadline.field", "date")
    status = field(value.get("status"), "deadline.status")
    waiting = value.get("waiting")
    allowed = fields[status].enum if status else None
    if not isinstance(waiting, list) or not waiting or (allowed and any(w not in allowed for w in waiting)):
        problems.append(f"{where}: `kind.deadline.waiting` must list values of `{status}` that still wait")
        waiting = []
    days = value.get("working_days")
    counted_from = value.get("counted_from")
    if days is not None or counted_from is not None:
        counted_from = field(counted_from, "deadline.counted_from", "date")
        if not isinstance(days, int) or isinstance(days, bool) or days < 0:
            problems.append(f"{where}: `kind.deadline.working_days` must be a whole number of days, e.g. 20")
            days = None
    answered = value.get("answered") or {}
    answered_status = answered.get("status") if isinstance(answered, dict) else None
    answered_date = field(answered["date"], "deadline.answered.date", "date") if isinstance(answered, dict) and "date" in answered else None
    if answered_status is not None and allowed and answered_status not in allowed:
        problems.append(f"{where}: `kind.deadline.answered.status` is `{answered_status}`, not a value of `{status}`")
    if not (due and status):
        return None
    return DeadlineRule(
        field=due, status=status, waiting=tuple(str(w) for w in waiting), item=value["item"],
        counted_from=counted_from, working_days=days,
        answered_status=answered_status, answered_date=answered_date,
    )
